/** Controls of the layer forms, each in the shared field frame (label, error tied by `aria-describedby`). */
import { describedBy, Field } from '../../../../app/html/field.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { errorText, layersT } from './layer-parts.js';

export interface FormState {
  locale: Locale;
  values: Record<string, string>;
  errors?: Record<string, string> | undefined;
}

export function TextField(props: FormState & { name: string; label: string; hint?: string; max: number; required?: boolean; lang?: string }): JSX.Element {
  const error = errorText(props.locale, props.errors, props.name);
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        type="text"
        id={props.name}
        name={props.name}
        maxlength={props.max}
        value={props.values[props.name] ?? ''}
        required={props.required}
        lang={props.lang}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
      />
    </Field>
  );
}

export function TextArea(props: FormState & { name: string; label: string; hint?: string; max: number; rows?: number; required?: boolean; lang?: string }): JSX.Element {
  const error = errorText(props.locale, props.errors, props.name);
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={props.name}
        name={props.name}
        rows={String(props.rows ?? 4)}
        maxlength={props.max}
        required={props.required}
        lang={props.lang}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
        safe
      >
        {props.values[props.name] ?? ''}
      </textarea>
    </Field>
  );
}

export function Select(props: FormState & { name: string; label: string; hint?: string; options: Array<[value: string, label: string]> }): JSX.Element {
  const error = errorText(props.locale, props.errors, props.name);
  const current = props.values[props.name] ?? '';
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <select id={props.name} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === current} safe>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The supporter a proposal is sent for: a choice when the person represents several verified supporters. */
export function SupporterField(props: FormState & { supporters: Array<{ id: string; name: string }> }): JSX.Element {
  const { t } = layersT(props.locale);
  if (props.supporters.length === 1) {
    const only = props.supporters[0]!;
    return (
      <>
        <input type="hidden" name="supporter" value={only.id} />
        <p safe>{t('layers.propose.for', { name: only.name })}</p>
      </>
    );
  }
  return (
    <Select {...props} name="supporter" label={t('layers.propose.supporter')} options={props.supporters.map((s) => [s.id, s.name])} />
  );
}

/** A form-level message (an error not tied to one field: a refusal, a conflict). */
export function FormAlert(props: { message: string | undefined }): JSX.Element {
  return props.message ? (
    <p class="error-summary" role="alert" safe>
      {props.message}
    </p>
  ) : (
    ''
  );
}
