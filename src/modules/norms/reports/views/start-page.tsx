import { describedBy, Field } from '../../../../app/html/field.js';
import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { firstReportYear, reportLanguages } from '../reports.constants.js';
import type { FormErrors, StartValues } from '../reports.forms.js';
import type { SubjectLabels } from '../reports.labels.js';
import type { ReportRow, SubjectChoice } from '../reports.queries.js';
import { errorText, languageText, Notice, reportsT } from './report-parts.js';
import { SubjectCheckboxes } from './subject-checkboxes.js';

export interface StartPageProps {
  locale: Locale;
  supporter: { id: string; name: string };
  latest: ReportRow | null;
  choices: SubjectChoice[];
  labels: SubjectLabels;
  currentYear: number;
  csrfField: string;
  values: StartValues;
  errors?: FormErrors | undefined;
  alert?: string | undefined;
}

/** The form that starts a report: its year, its language, its sections, and what each section will be pre-filled from. */
export function StartPage(props: StartPageProps): JSX.Element {
  const { locale, values } = props;
  const { t, safeT } = reportsT(locale);
  const base = `/${locale}/account/organisations/${props.supporter.id}/reports`;
  const hint = (choice: SubjectChoice) =>
    [props.latest && choice.inLatest ? t('reports.start.inLatest', { year: props.latest.year }) : '', choice.practices.length ? t('reports.start.practices', { count: choice.practices.length }) : '']
      .filter(Boolean)
      .join(', ');
  const yearError = errorText(locale, props.errors, 'year');
  const languageError = errorText(locale, props.errors, 'original');
  return (
    <Layout locale={locale} title={t('reports.start.title')} path={`/account/organisations/${props.supporter.id}/reports/new`} current="account">
      <p class="breadcrumb">
        <a href={`/${locale}/account/reports`}>{safeT('reports.account.back')}</a>
      </p>
      <h1>{safeT('reports.start.title')}</h1>
      <p safe>{t('reports.start.for', { organisation: props.supporter.name })}</p>
      <p class="note">{safeT('reports.start.prefill')}</p>
      <p class="note" safe>
        {props.latest ? t('reports.start.previous', { year: props.latest.year }) : t('reports.start.noPrevious')}
      </p>
      <Notice message={props.alert} error />
      {props.errors && Object.keys(props.errors).length ? <Notice message={t('reports.error.summary')} error /> : ''}
      <form method="post" action={base} class="form" novalidate>
        {props.csrfField as 'safe'}
        <Field name="year" label={t('reports.start.year')} hint={t('reports.start.year.hint', { first: firstReportYear, last: props.currentYear })} error={yearError}>
          <input
            type="number"
            id="year"
            name="year"
            min={String(firstReportYear)}
            max={String(props.currentYear)}
            value={values.year}
            required
            aria-invalid={yearError ? 'true' : undefined}
            aria-describedby={describedBy('year', true, Boolean(yearError))}
          />
        </Field>
        <Field name="original" label={t('reports.start.language')} hint={t('reports.start.language.hint')} error={languageError}>
          <select id="original" name="original" aria-invalid={languageError ? 'true' : undefined} aria-describedby={describedBy('original', true, Boolean(languageError))}>
            {reportLanguages.map((language) => (
              <option value={language} selected={values.original === language} safe>
                {languageText(locale, language)}
              </option>
            ))}
          </select>
        </Field>
        <SubjectCheckboxes
          locale={locale}
          labels={props.labels}
          options={props.choices.map((choice) => ({ subject: choice.subject, hint: hint(choice) }))}
          checked={values.subjects}
          error={errorText(locale, props.errors, 'subject')}
          legend={t('reports.start.sections')}
          hint={t('reports.start.sections.hint')}
        />
        <p>
          <button type="submit">{safeT('reports.start.submit')}</button>
        </p>
      </form>
    </Layout>
  );
}
