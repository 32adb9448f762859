/**
 * What a section is about, in the reader's language: the norm's paragraph (with its UN English text) or the
 * principle's number and name, read through the norms' and the call module's use cases. A norm or principle that is not
 * loaded yet is still named by its code, never left blank.
 */
import type { Executor } from '../../../app/database/database.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { listPrinciples } from '../../call/call.usecases.js';
import { listNorms } from '../norms.usecases.js';
import { parseSubject, subjects, type Subject } from './reports.models.js';
import { reportsMessages } from './reports.messages.js';

export interface SubjectLabel {
  subject: Subject;
  /** "Norm 13(a)", "Principle 6: Lifecycle security". */
  title: string;
  /** The norm's or principle's own words, and their language. */
  text: { value: string; lang: string } | null;
}

export type SubjectLabels = ReadonlyMap<Subject, SubjectLabel>;

export async function subjectLabels(db: Executor, locale: Locale): Promise<SubjectLabels> {
  const t = reportsMessages(locale);
  const [norms, principles] = await Promise.all([listNorms({ db }), listPrinciples({ db })]);
  const normsByCode = new Map(norms.items.map((n) => [n.code, n]));
  const principlesByNumber = new Map(principles.map((p) => [p.number, p]));
  const labels = new Map<Subject, SubjectLabel>();
  for (const subject of subjects) {
    const parsed = parseSubject(subject);
    if (parsed.kind === 'norm') {
      const norm = normsByCode.get(parsed.code);
      const paragraph = norm?.paragraph ?? `13(${parsed.code.slice(2)})`;
      labels.set(subject, { subject, title: t('reports.subject.norm', { paragraph }), text: norm ? { value: norm.text.en, lang: 'en' } : null });
    } else {
      const principle = principlesByNumber.get(parsed.number);
      const name = principle ? (principle.shortName[locale] ?? principle.shortName.en ?? '') : '';
      const full = principle ? (principle.fullName[locale] ? { value: principle.fullName[locale]!, lang: locale } : principle.fullName.en ? { value: principle.fullName.en, lang: 'en' } : null) : null;
      labels.set(subject, {
        subject,
        title: name ? t('reports.subject.principle', { number: parsed.number, name }) : t('reports.subject.principleNumber', { number: parsed.number }),
        text: full,
      });
    }
  }
  return labels;
}
