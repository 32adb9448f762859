/** Controls of the norms module's secretariat forms, each in the shared field frame (label, hint and error tied by ids). */
import { describedBy, Field } from '../../../app/html/field.js';

export interface ControlProps {
  name: string;
  label: string;
  hint?: string | undefined;
  /** The message to show beside the field, already translated. */
  error?: string | undefined;
  value: string;
  lang?: string;
}

export function TextArea(props: ControlProps & { max: number; rows?: number; required?: boolean }): JSX.Element {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <textarea
        id={props.name}
        name={props.name}
        rows={String(props.rows ?? 4)}
        maxlength={props.max}
        required={props.required}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}
        safe
      >
        {props.value}
      </textarea>
    </Field>
  );
}

export function TextInput(props: ControlProps & { max: number; required?: boolean }): JSX.Element {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <input
        type="text"
        id={props.name}
        name={props.name}
        maxlength={props.max}
        value={props.value}
        required={props.required}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}
      />
    </Field>
  );
}

export function Select(props: ControlProps & { options: Array<[value: string, label: string]>; required?: boolean }): JSX.Element {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <select
        id={props.name}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}
      >
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value} safe>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A notice after a change (`?done=…`), or the form's summary of errors, announced to screen readers. */
export function Notice({ message, problem }: { message?: string | undefined; problem?: boolean }): JSX.Element {
  if (!message) return '';
  return problem ? (
    <p class="notice error" role="alert" safe>
      {message}
    </p>
  ) : (
    <p class="notice" role="status" safe>
      {message}
    </p>
  );
}
