/**
 * A section's form: who reads it, each question in the report's language (the original) and, apart and marked as
 * such, its optional translation, and the organisation's practices it points to. `version` is the version the form was
 * loaded from (on the conflict screen: the version saved meanwhile, so that keeping one's text replaces it knowingly).
 */
import { describedBy, Field, FieldError } from '../../../../app/html/field.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { maxAnswerLength, sectionFields, visibilities, type ReportLanguage } from '../reports.constants.js';
import { answerField, type FormErrors, type SectionFormValues } from '../reports.forms.js';
import type { PracticeRef } from '../reports.queries.js';
import { errorText, languageText, reportsT } from './report-parts.js';

export interface SectionFormProps {
  locale: Locale;
  action: string;
  csrfField: string;
  original: ReportLanguage;
  kind: 'norm' | 'principle';
  values: SectionFormValues;
  version: number;
  errors?: FormErrors | undefined;
  practices: Array<PracticeRef & { implements: boolean }>;
  submitLabel: string;
}

export function SectionForm(props: SectionFormProps): JSX.Element {
  const { locale, values } = props;
  const { t, safeT } = reportsT(locale);
  const translation: ReportLanguage = props.original === 'en' ? 'fr' : 'en';
  const visibilityError = errorText(locale, props.errors, 'visibility');
  const practiceError = errorText(locale, props.errors, 'practice');
  const versionError = errorText(locale, props.errors, 'version');
  const textArea = (name: string, label: string, language: ReportLanguage, rows: number) => {
    const error = errorText(locale, props.errors, name);
    return (
      <Field name={name} label={label} error={error}>
        <textarea
          id={name}
          name={name}
          rows={String(rows)}
          maxlength={maxAnswerLength}
          lang={language}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(name, false, Boolean(error))}
          safe
        >
          {values.fields[name] ?? ''}
        </textarea>
      </Field>
    );
  };
  return (
    <form method="post" action={props.action} class="form" novalidate>
      {props.csrfField as 'safe'}
      <input type="hidden" name="version" value={String(props.version)} />
      <FieldError name="version" message={versionError} />
      <fieldset aria-describedby={describedBy('visibility', false, Boolean(visibilityError))}>
        <legend>{safeT('reports.section.visibility')}</legend>
        <FieldError name="visibility" message={visibilityError} />
        {[...visibilities].reverse().map((visibility) => (
          <div class="check">
            <input type="radio" id={`visibility-${visibility}`} name="visibility" value={visibility} checked={values.fields.visibility === visibility} aria-describedby={`visibility-${visibility}-hint`} />
            <label for={`visibility-${visibility}`}>
              <strong safe>{t(`reports.visibility.${visibility}`)}</strong>
              <span class="hint" id={`visibility-${visibility}-hint`} safe>
                {t(`reports.visibility.${visibility}.hint`)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <p class="note">{safeT('reports.section.markdown')}</p>
      {sectionFields.map((field) => {
        const question = t(`reports.field.${field}`);
        return (
          <fieldset>
            <legend safe>{question}</legend>
            {textArea(answerField(field, props.original), t('reports.section.original', { question, language: languageText(locale, props.original) }), props.original, 6)}
            {textArea(answerField(field, translation), t('reports.section.translation', { question, language: languageText(locale, translation) }), translation, 3)}
          </fieldset>
        );
      })}
      <fieldset aria-describedby={describedBy('practice', true, Boolean(practiceError))}>
        <legend>{safeT('reports.section.practices')}</legend>
        <span class="hint" id="practice-hint" safe>
          {t('reports.section.practices.hint', { kind: t(`reports.section.kind.${props.kind}`) })}
        </span>
        <FieldError name="practice" message={practiceError} />
        {props.practices.length === 0 ? <p>{safeT('reports.section.practices.none')}</p> : ''}
        {props.practices.map((practice) => (
          <div class="check">
            <input type="checkbox" id={`practice-${practice.id}`} name="practice" value={practice.id} checked={values.practiceIds.includes(practice.id)} />
            <label for={`practice-${practice.id}`}>
              <span safe>{practice.title[locale] ?? practice.title.en ?? practice.title.fr ?? practice.id}</span>
              {practice.implements ? <span class="hint" safe>{` (${t('reports.section.implements')})`}</span> : ''}
            </label>
          </div>
        ))}
      </fieldset>
      <p>
        <button type="submit" safe>
          {props.submitLabel}
        </button>
      </p>
    </form>
  );
}
