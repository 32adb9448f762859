import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { ReportLanguage } from '../reports.constants.js';
import type { FormErrors, SectionFormValues } from '../reports.forms.js';
import type { SubjectLabels } from '../reports.labels.js';
import { parseSubject, subjectSegment, type Subject } from '../reports.models.js';
import type { SectionEdit } from '../reports.queries.js';
import { dateText, Notice, reportsT, SectionAnswers } from './report-parts.js';
import { SectionForm } from './section-form.js';
import { prefillSources } from './workspace-page.js';

export interface SectionPageProps {
  locale: Locale;
  edit: SectionEdit;
  labels: SubjectLabels;
  csrfField: string;
  values: SectionFormValues;
  errors?: FormErrors | undefined;
  notice?: string | undefined;
  alert?: string | undefined;
}

/** One section of a report: the norm's or principle's text, what was pre-filled, who saved it last, and its form. */
export function SectionPage(props: SectionPageProps): JSX.Element {
  const { locale, edit } = props;
  const { report, supporter } = edit;
  const { section } = edit.current;
  const subject = section.subject as Subject;
  const { t, safeT } = reportsT(locale);
  const label = props.labels.get(subject);
  const title = label?.title ?? subject;
  const kind = parseSubject(subject).kind;
  const path = `/account/organisations/${supporter.id}/reports/${report.year}`;
  return (
    <Layout locale={locale} title={title} path={`${path}/sections/${subjectSegment(subject)}`} current="account">
      <p class="breadcrumb">
        <a href={`/${locale}${path}`}>{safeT('reports.section.back')}</a>
      </p>
      <p class="eyebrow" safe>
        {t('reports.section.eyebrow', { organisation: supporter.name, year: report.year })}
      </p>
      <h1 safe>{title}</h1>
      {label?.text ? (
        <details>
          <summary safe>{t('reports.section.text', { kind: t(`reports.section.kind.${kind}`) })}</summary>
          <blockquote lang={label.text.lang}>
            <p safe>{label.text.value}</p>
          </blockquote>
        </details>
      ) : (
        ''
      )}
      <Notice message={props.notice} />
      <Notice message={props.alert} error />
      {props.errors && Object.keys(props.errors).length ? <Notice message={t('reports.error.summary')} error /> : ''}
      {edit.current.prefill ? (
        <p class="notice" safe>
          {prefillSources(locale, edit.current.prefill)
            ? t('reports.section.prefilled', { sources: prefillSources(locale, edit.current.prefill) })
            : t('reports.section.prefilledNothing')}
        </p>
      ) : (
        <p class="meta" safe>
          {t('reports.section.version', { version: section.version, name: edit.names.get(section.updatedBy) ?? '—', date: dateText(locale, section.updatedAt) })}
        </p>
      )}
      {edit.canWrite ? (
        <SectionForm
          locale={locale}
          action={`/${locale}${path}/sections/${subjectSegment(subject)}`}
          csrfField={props.csrfField}
          original={report.original as ReportLanguage}
          kind={kind}
          values={props.values}
          version={section.version}
          errors={props.errors}
          practices={edit.practices}
          submitLabel={t('reports.section.submit')}
        />
      ) : (
        <>
          <p class="note" safe>{edit.refusal?.localize(locale) ?? ''}</p>
          <p safe>{t('reports.visibility.shown', { visibility: t(`reports.visibility.${section.visibility as 'public' | 'members' | 'secretariat'}`) })}</p>
          <SectionAnswers locale={locale} section={section} original={report.original as ReportLanguage} practices={edit.practices} />
        </>
      )}
    </Layout>
  );
}
