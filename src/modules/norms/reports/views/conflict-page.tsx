import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { reportLanguages, sectionFields, type ReportLanguage } from '../reports.constants.js';
import { differs } from '../reports.diff.js';
import type { SectionFormValues } from '../reports.forms.js';
import type { SubjectLabels } from '../reports.labels.js';
import { parseSubject, subjectSegment, type SectionInput, type Subject } from '../reports.models.js';
import type { PracticeRef, ReportWorkspace, SectionRow } from '../reports.queries.js';
import { dateText, DiffColumns, languageText, reportsT } from './report-parts.js';
import { SectionForm } from './section-form.js';

export interface ConflictPageProps {
  locale: Locale;
  workspace: ReportWorkspace;
  labels: SubjectLabels;
  subject: Subject;
  /** The section as saved meanwhile; null when it was removed. */
  current: SectionRow | null;
  practices: Array<PracticeRef & { implements: boolean }>;
  /** What the person typed, as typed and as parsed, and the version their form was loaded from. */
  yours: { values: SectionFormValues; input: SectionInput };
  csrfField: string;
}

/**
 * The conflict screen: the text a colleague saved meanwhile (who, when) beside the person's own, as a word diff,
 * question by question; then the person's text in the form again, bound to the saved version, to keep it (after merging
 * what they want of the other) or a link to take the saved one. Nothing typed is lost.
 */
export function ConflictPage(props: ConflictPageProps): JSX.Element {
  const { locale, workspace, current, yours } = props;
  const { report, supporter } = workspace;
  const { t, safeT } = reportsT(locale);
  const original = report.original as ReportLanguage;
  const title = props.labels.get(props.subject)?.title ?? props.subject;
  const sectionPath = `/${locale}/account/organisations/${supporter.id}/reports/${report.year}/sections/${subjectSegment(props.subject)}`;
  const name = current ? (workspace.names.get(current.updatedBy) ?? '—') : '';
  const visibility = (value: string) => t(`reports.visibility.${value as 'public' | 'members' | 'secretariat'}`);
  const practiceList = (ids: readonly string[]) => {
    const titles = ids.map((id) => props.practices.find((p) => p.id === id)?.title).map((title, i) => title?.[locale] ?? title?.en ?? title?.fr ?? ids[i]!);
    return titles.length ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(titles) : '—';
  };
  const fieldHeading = (field: (typeof sectionFields)[number], language: ReportLanguage) =>
    t(language === original ? 'reports.conflict.fieldOriginal' : 'reports.conflict.fieldTranslation', { question: t(`reports.field.${field}`), language: languageText(locale, language) });
  const changes = current
    ? sectionFields.flatMap((field) =>
        reportLanguages
          .map((language) => ({ field, language, theirs: current.content[field][language] ?? '', mine: yours.input.content[field][language] ?? '' }))
          .filter((change) => differs(change.theirs, change.mine)),
      )
    : [];
  return (
    <Layout locale={locale} title={t('reports.conflict.title')} path={sectionPath.slice(3)} current="account">
      <p class="eyebrow" safe>
        {`${t('reports.section.eyebrow', { organisation: supporter.name, year: report.year })} · ${title}`}
      </p>
      <h1>{safeT('reports.conflict.title')}</h1>
      {current ? (
        <>
          <p class="error-summary" role="alert" safe>
            {t('reports.conflict.intro', { name, version: current.version, date: dateText(locale, current.updatedAt), yours: yours.input.version })}
          </p>
          <p>{safeT('reports.conflict.choose')}</p>
          {changes.length === 0 ? <p>{safeT('reports.conflict.same')}</p> : ''}
          {changes.map((change) => (
            <section>
              <h2 safe>{fieldHeading(change.field, change.language)}</h2>
              <DiffColumns
                locale={locale}
                before={change.theirs}
                after={change.mine}
                beforeLabel={t('reports.conflict.theirs', { name })}
                afterLabel={t('reports.conflict.yours')}
                beforeLang={change.language}
                afterLang={change.language}
              />
            </section>
          ))}
          {current.visibility !== yours.input.visibility ? <p safe>{t('reports.conflict.visibility', { theirs: visibility(current.visibility), yours: visibility(yours.input.visibility) })}</p> : ''}
          {current.content.practiceIds.join() !== yours.input.content.practiceIds.join() ? (
            <p safe>{t('reports.conflict.practices', { theirs: practiceList(current.content.practiceIds), yours: practiceList(yours.input.content.practiceIds) })}</p>
          ) : (
            ''
          )}
          <p>
            <a class="button secondary" href={sectionPath}>
              {safeT('reports.conflict.take')}
            </a>
          </p>
          <h2>{safeT('reports.conflict.form')}</h2>
          <SectionForm
            locale={locale}
            action={sectionPath}
            csrfField={props.csrfField}
            original={original}
            kind={parseSubject(props.subject).kind}
            values={yours.values}
            version={current.version}
            practices={props.practices}
            submitLabel={t('reports.conflict.keep')}
          />
        </>
      ) : (
        <>
          <p class="error-summary" role="alert">
            {safeT('reports.conflict.removed')}
          </p>
          {sectionFields.flatMap((field) =>
            reportLanguages
              .filter((language) => (yours.input.content[field][language] ?? '') !== '')
              .map((language) => (
                <section>
                  <h2 safe>{fieldHeading(field, language)}</h2>
                  <pre class="diff-text" lang={language} safe>
                    {yours.input.content[field][language] ?? ''}
                  </pre>
                </section>
              )),
          )}
          <p>
            <a href={`/${locale}/account/organisations/${supporter.id}/reports/${report.year}`}>{safeT('reports.section.back')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
