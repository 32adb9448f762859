/** Form controls of the case pages: label, hint and error tied to the control (src/app/html/field.tsx). */
import { describedBy, Field } from '../../../app/html/field.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { CaseDetail } from '../cases.queries.js';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

/** What the case page and its forms are drawn from. */
export interface CasePageProps {
  locale: Locale;
  detail: CaseDetail;
  csrfField: string;
  values?: FormValues;
  errors?: FormErrors;
  notice?: string | undefined;
  alert?: string | undefined;
}

export function Input(props: { name: string; label: string; values: FormValues; errors?: FormErrors | undefined; hint?: string; type?: string; required?: boolean }): JSX.Element {
  const error = props.errors?.[props.name];
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.values[props.name] ?? ''}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
      />
    </Field>
  );
}

export function TextArea(props: { name: string; label: string; values: FormValues; errors?: FormErrors | undefined; rows?: number }): JSX.Element {
  const error = props.errors?.[props.name];
  return (
    <Field name={props.name} label={props.label} error={error}>
      <textarea id={props.name} name={props.name} rows={String(props.rows ?? 4)} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(props.name, false, Boolean(error))} safe>
        {props.values[props.name] ?? ''}
      </textarea>
    </Field>
  );
}

export function Select(props: { name: string; label: string; values: FormValues; errors?: FormErrors | undefined; options: Array<[string, string]> }): JSX.Element {
  const error = props.errors?.[props.name];
  const current = props.values[props.name] ?? props.options[0]?.[0];
  return (
    <Field name={props.name} label={props.label} error={error}>
      <select id={props.name} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(props.name, false, Boolean(error))}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === current} safe>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The notices above a page's content: a done message, an alert, the form's error summary. */
export function Notices(props: { notice?: string | undefined; alert?: string | undefined }): JSX.Element {
  return (
    <>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      {props.alert ? <p class="notice error" role="alert" safe>{props.alert}</p> : ''}
    </>
  );
}
