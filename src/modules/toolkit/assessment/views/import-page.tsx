import { FieldError } from '../../../../app/html/field.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { assessmentLimits } from '../assessment.constants.js';
import type { FieldErrors } from '../assessment.forms.js';
import { assessmentMessages } from '../assessment.messages.js';
import { AssessmentFrame, assessmentBase, ErrorSummary } from './assessment-frame.js';

/** Upload of an exported JSON file, to continue it or to assess again against it. */
export function ImportPage(props: { locale: Locale; csrfField: string; errors?: FieldErrors; mode?: string }): JSX.Element {
  const { locale } = props;
  const t = assessmentMessages(locale);
  const safeT = escaping(t);
  const errors = props.errors ?? {};
  const mode = props.mode ?? 'continue';
  return (
    <AssessmentFrame locale={locale} title={`${t('import.title')} · ${t('title')}`} path="/toolkit/assessment/import" step={null}>
      <h1>{safeT('import.title')}</h1>
      <p>{safeT('import.intro')}</p>
      <ErrorSummary locale={locale} errors={errors} />
      <form class="form" method="post" action={`${assessmentBase(locale)}/import`} enctype="multipart/form-data" novalidate>
        {props.csrfField as 'safe'}
        <div class="field">
          <label for="file">{safeT('import.file')}</label>
          <span class="hint" id="file-hint">
            {safeT('import.file.hint', { max: assessmentLimits.uploadBytes / 1024 })}
          </span>
          <input type="file" id="file" name="file" accept=".json,application/json" aria-describedby={errors.file ? 'file-hint file-error' : 'file-hint'} aria-invalid={errors.file ? 'true' : undefined} />
          <FieldError name="file" message={errors.file} />
        </div>
        <fieldset id="mode" aria-describedby={errors.mode ? 'mode-error' : undefined}>
          <legend>{safeT('import.mode')}</legend>
          {(['continue', 'reassess'] as const).map((m) => (
            <div class="check">
              <input type="radio" name="mode" id={`mode-${m}`} value={m} checked={mode === m} />
              <label for={`mode-${m}`}>{safeT(`import.mode.${m}`)}</label>
            </div>
          ))}
          <FieldError name="mode" message={errors.mode} />
        </fieldset>
        <button type="submit">{safeT('import.submit')}</button>
      </form>
    </AssessmentFrame>
  );
}
