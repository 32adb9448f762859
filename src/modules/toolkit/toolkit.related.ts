/**
 * The toolkit serves principle 6 of the Call, "Lifecycle security" (strengthen the security of digital processes,
 * products and services throughout their lifecycle and supply chain): its page lists the toolkit. Two actions
 * implement UN norms, as WG6's own mapping of A/70/174 shows: A14 quotes para. 13(i) (supply-chain integrity), and
 * A18 quotes the words of para. 13(j) (responsible reporting of vulnerabilities; the workbook's cell labels them
 * "13 (i)", its quotation is 13(j)'s text).
 */
import type { RelatedWork } from '../../app/related.js';
import { toolkitMessages } from './toolkit.messages.js';

export const toolkitRelated: RelatedWork[] = [
  {
    serves: { principle: 6 },
    path: '/toolkit',
    title: (locale) => toolkitMessages(locale)('toolkit.title'),
    summary: (locale) => toolkitMessages(locale)('related.principle6'),
  },
  {
    serves: { norm: '13i' },
    path: '/toolkit/actions/A14',
    title: (locale) => toolkitMessages(locale)('related.norm13i.title'),
    summary: (locale) => toolkitMessages(locale)('related.norm13i'),
  },
  {
    serves: { norm: '13j' },
    path: '/toolkit/actions/A18',
    title: (locale) => toolkitMessages(locale)('related.norm13j.title'),
    summary: (locale) => toolkitMessages(locale)('related.norm13j'),
  },
];
