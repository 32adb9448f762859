import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { sectionFields, type ReportLanguage } from '../reports.constants.js';
import { differs } from '../reports.diff.js';
import type { SubjectLabels } from '../reports.labels.js';
import { shownText, subjectSegment } from '../reports.models.js';
import type { ReportComparison, SectionRow } from '../reports.queries.js';
import { DiffColumns, reportsT } from './report-parts.js';

/**
 * A report beside the organisation's previous one, section by section and question by question: last year's text and
 * this year's side by side as a word diff, in the reader's language (a translation where the reader's language is not
 * the original), each side only as far as the reader may see it.
 */
export function ComparePage(props: { locale: Locale; comparison: ReportComparison; labels: SubjectLabels }): JSX.Element {
  const { locale, comparison } = props;
  const { report, supporter, previous } = comparison;
  const { t, safeT } = reportsT(locale);
  const title = previous
    ? t('reports.compare.title', { organisation: supporter.name, year: report.year, previous: previous.year })
    : t('reports.compare.titleAlone', { organisation: supporter.name, year: report.year });
  const text = (section: SectionRow | null, original: ReportLanguage, field: (typeof sectionFields)[number]) => (section ? shownText(section.content[field], original, locale) : null);
  return (
    <Layout locale={locale} title={title} path={`/reports/${supporter.slug}/${report.year}/compare`}>
      <p class="breadcrumb">
        <a href={`/${locale}/reports/${supporter.slug}/${report.year}`} safe>
          {t('reports.compare.back', { year: report.year })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {report.state === 'published' ? '' : <p class="notice">{safeT('reports.report.draft')}</p>}
      {!previous ? (
        <p>{safeT('reports.compare.none')}</p>
      ) : (
        comparison.pairs.map((pair) => {
          const heading = props.labels.get(pair.subject)?.title ?? pair.subject;
          const fields = sectionFields
            .map((field) => ({ field, before: text(pair.previous, previous.original as ReportLanguage, field), after: text(pair.current, report.original as ReportLanguage, field) }))
            .filter(({ before, after }) => before || after);
          const changed = fields.filter(({ before, after }) => differs(before?.text ?? '', after?.text ?? ''));
          return (
            <section aria-labelledby={`compare-${subjectSegment(pair.subject)}`}>
              <h2 id={`compare-${subjectSegment(pair.subject)}`} safe>
                {heading}
              </h2>
              {!pair.previous ? <p class="meta" safe>{t('reports.compare.new', { year: report.year, previous: previous.year })}</p> : ''}
              {!pair.current ? <p class="meta" safe>{t('reports.compare.gone', { year: report.year })}</p> : ''}
              {pair.previous && pair.current && changed.length === 0 ? <p class="meta">{safeT('reports.compare.unchanged')}</p> : ''}
              {changed.map(({ field, before, after }) => (
                <>
                  <h3 safe>{t(`reports.field.${field}`)}</h3>
                  <DiffColumns
                    locale={locale}
                    before={before?.text ?? ''}
                    after={after?.text ?? ''}
                    beforeLabel={String(previous.year)}
                    afterLabel={String(report.year)}
                    beforeLang={before?.lang}
                    afterLang={after?.lang}
                  />
                </>
              ))}
            </section>
          );
        })
      )}
    </Layout>
  );
}
