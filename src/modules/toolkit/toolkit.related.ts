/**
 * The toolkit serves principle 6 of the Call, "Lifecycle security" (strengthen the security of digital processes,
 * products and services throughout their lifecycle and supply chain): its page lists the toolkit.
 */
import type { RelatedWork } from '../../app/related.js';
import { toolkitMessages } from './toolkit.messages.js';

export const toolkitRelated: RelatedWork[] = [
  {
    principle: 6,
    path: '/toolkit',
    title: (locale) => toolkitMessages(locale)('toolkit.title'),
    summary: (locale) => toolkitMessages(locale)('related.principle6'),
  },
];
