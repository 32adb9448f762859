import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { ReportLanguage } from '../reports.constants.js';
import type { SubjectLabels } from '../reports.labels.js';
import { subjectSegment, type Subject } from '../reports.models.js';
import type { PublicReport } from '../reports.queries.js';
import { dateText, languageText, reportsT, SectionAnswers } from './report-parts.js';

/**
 * A report as its reader may see it: the sections their role allows (reports.policies.ts), each with its answers in
 * the reader's language; how many others exist; for the organisation and the secretariat, a draft marked as one.
 */
export function ReportPage(props: { locale: Locale; shown: PublicReport; labels: SubjectLabels; signedIn: boolean }): JSX.Element {
  const { locale, shown } = props;
  const { report, supporter } = shown;
  const { t, safeT } = reportsT(locale);
  const title = t('reports.report.title', { organisation: supporter.name, year: report.year });
  const original = report.original as ReportLanguage;
  const path = `/reports/${supporter.slug}/${report.year}`;
  return (
    <Layout locale={locale} title={title} path={path}>
      <p class="breadcrumb">
        <a href={`/${locale}/reports`}>{safeT('reports.public.all')}</a>
      </p>
      <h1>
        <a href={`/${locale}/supporters/${supporter.slug}`} safe>
          {supporter.name}
        </a>
        <span safe>{`: ${t('reports.contribution.title', { year: report.year })}`}</span>
      </h1>
      <p class="meta">
        {report.state === 'published' && report.publishedAt ? <span safe>{`${t('reports.report.publishedOn', { date: dateText(locale, report.publishedAt) })} `}</span> : ''}
        <span safe>{t('reports.report.language', { language: languageText(locale, original) })}</span>
      </p>
      {report.state === 'published' ? '' : <p class="notice">{safeT('reports.report.draft')}</p>}
      {shown.hidden > 0 ? <p class="note" safe>{t('reports.report.hidden', { count: shown.hidden })}</p> : ''}
      <ul class="links">
        <li>
          <a href={`/${locale}${path}/compare`}>{safeT('reports.report.compare')}</a>
        </li>
        {shown.manages && props.signedIn ? (
          <li>
            <a href={`/${locale}/account/organisations/${supporter.id}/reports/${report.year}`}>{safeT('reports.report.manage')}</a>
          </li>
        ) : (
          ''
        )}
      </ul>
      {shown.sections.length === 0 ? (
        <p>{safeT('reports.report.noSection')}</p>
      ) : (
        <nav aria-labelledby="contents">
          <h2 id="contents">{safeT('reports.report.contents')}</h2>
          <ul>
            {shown.sections.map((section) => (
              <li>
                <a href={`#${subjectSegment(section.subject as Subject)}`} safe>
                  {props.labels.get(section.subject as Subject)?.title ?? section.subject}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {shown.sections.map((section) => (
        <section aria-labelledby={subjectSegment(section.subject as Subject)}>
          <h2 id={subjectSegment(section.subject as Subject)} safe>
            {props.labels.get(section.subject as Subject)?.title ?? section.subject}
          </h2>
          {section.visibility === 'public' ? '' : <p class="badge" safe>{t('reports.visibility.shown', { visibility: t(`reports.visibility.${section.visibility as 'members' | 'secretariat'}`) })}</p>}
          <SectionAnswers locale={locale} section={section} original={original} practices={shown.practices} />
        </section>
      ))}
    </Layout>
  );
}
