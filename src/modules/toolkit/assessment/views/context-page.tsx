import { describedBy, Field, FieldError } from '../../../../app/html/field.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { frameworkSheets, type FrameworkCategory } from '../../toolkit.constants.js';
import { toolkitMessages } from '../../toolkit.messages.js';
import { assessmentLimits, organisationKinds, organisationSizes } from '../assessment.constants.js';
import type { ContextValues, FieldErrors } from '../assessment.forms.js';
import { assessmentMessages } from '../assessment.messages.js';
import { AssessmentFrame, assessmentBase, ErrorSummary } from './assessment-frame.js';

export interface ContextPageProps {
  locale: Locale;
  csrfField: string;
  frameworks: Array<{ key: string; name: string; category: FrameworkCategory }>;
  values?: ContextValues;
  errors?: FieldErrors;
  /** Hidden fields carried through this step unchanged (earlier versions, answers typed, the private link). */
  carried?: Record<string, string>;
  notice?: string;
}

export const emptyContext: ContextValues = { label: '', organisationKind: '', customer: false, developer: false, size: '', jurisdictions: '', frameworks: [] };

/** Step 1: who the organisation is. Posts to the questions step; nothing is stored. */
export function ContextPage(props: ContextPageProps): JSX.Element {
  const { locale } = props;
  const t = assessmentMessages(locale);
  const tk = toolkitMessages(locale);
  const safeT = escaping(t);
  const values = props.values ?? emptyContext;
  const errors = props.errors ?? {};
  const base = assessmentBase(locale);
  const radio = (name: string, options: readonly string[], label: (o: string) => string, legend: string) => (
    <fieldset id={name} aria-describedby={errors[name] ? `${name}-error` : undefined}>
      <legend safe>{legend}</legend>
      {options.map((option) => (
        <div class="check">
          <input type="radio" name={name} id={`${name}-${option}`} value={option} checked={(values as unknown as Record<string, string>)[name] === option} required />
          <label for={`${name}-${option}`} safe>
            {label(option)}
          </label>
        </div>
      ))}
      <FieldError name={name} message={errors[name]} />
    </fieldset>
  );
  return (
    <AssessmentFrame locale={locale} title={t('title')} path="/toolkit/assessment" step="context">
      <h1>{safeT('title')}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      <p class="lead">{safeT('intro')}</p>
      <p>{safeT('privacy')}</p>
      <p>
        <a href={`${base}/import`}>{safeT('start.import')}</a>
      </p>
      <div class="js-only" data-assessment-forget hidden>
        <button type="button" class="secondary" data-forget-draft>
          {safeT('forget.local')}
        </button>
        <p role="status" data-forget-status data-done={t('forget.local.done')} data-restored={t('draft.restored')}></p>
      </div>
      <ErrorSummary locale={locale} errors={errors} />
      <form class="form" method="post" action={`${base}/questions`} novalidate data-assessment-form="context">
        {props.csrfField as 'safe'}
        <input type="hidden" name="step" value="context" />
        {Object.entries(props.carried ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <fieldset>
          <legend>{safeT('context.legend')}</legend>
          <Field name="label" label={t('context.label')} hint={t('context.label.hint')} error={errors.label}>
            <input type="text" id="label" name="label" value={values.label} maxlength={String(assessmentLimits.labelLength)} aria-describedby={describedBy('label', true, !!errors.label)} aria-invalid={errors.label ? 'true' : undefined} />
          </Field>
          {radio('organisationKind', organisationKinds, (k) => t(`kind.${k as (typeof organisationKinds)[number]}`), t('context.kind'))}
          <fieldset id="roles" aria-describedby={describedBy('roles', true, !!errors.roles)}>
            <legend>{safeT('context.roles')}</legend>
            <span class="hint" id="roles-hint">
              {safeT('context.roles.hint')}
            </span>
            {(['customer', 'developer'] as const).map((role) => (
              <div class="check">
                <input type="checkbox" name={role} id={role} checked={values[role]} />
                <label for={role}>{safeT(`context.${role}`)}</label>
              </div>
            ))}
            <FieldError name="roles" message={errors.roles} />
          </fieldset>
          {radio('size', organisationSizes, (s) => t(`size.${s as (typeof organisationSizes)[number]}`), t('context.size'))}
          <Field name="jurisdictions" label={t('context.jurisdictions')} hint={t('context.jurisdictions.hint')} error={errors.jurisdictions}>
            <input type="text" id="jurisdictions" name="jurisdictions" value={values.jurisdictions} aria-describedby={describedBy('jurisdictions', true, !!errors.jurisdictions)} aria-invalid={errors.jurisdictions ? 'true' : undefined} />
          </Field>
        </fieldset>
        <fieldset id="frameworks" aria-describedby={describedBy('frameworks', true, !!errors.frameworks)}>
          <legend>{safeT('context.frameworks')}</legend>
          <span class="hint" id="frameworks-hint">
            {safeT('context.frameworks.hint')}
          </span>
          {frameworkSheets.map(({ category }) => {
            const group = props.frameworks.filter((f) => f.category === category);
            return group.length === 0 ? (
              ''
            ) : (
              <fieldset class="check-group">
                <legend safe>{tk(`category.${category}`)}</legend>
                {group.map((f) => (
                  <div class="check">
                    <input type="checkbox" name="frameworks" id={`framework-${f.key}`} value={f.key} checked={values.frameworks.includes(f.key)} />
                    <label for={`framework-${f.key}`} lang="en" safe>
                      {f.name}
                    </label>
                  </div>
                ))}
              </fieldset>
            );
          })}
          <FieldError name="frameworks" message={errors.frameworks} />
        </fieldset>
        <button type="submit">{safeT('context.next')}</button>
      </form>
    </AssessmentFrame>
  );
}
