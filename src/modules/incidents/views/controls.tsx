/** The incidents' form controls: selects and check-box groups in the shared field frame, errors tied to their control. */
import { describedBy, Field, FieldError } from '../../../app/html/field.js';

export type Option = readonly [value: string, label: string];

/** `id`: when one page has the same field in several forms (defaults to the name). */
export function Select(props: { name: string; id?: string; label: string; options: readonly Option[]; value: string; error?: string | undefined; hint?: string; choose: string }): JSX.Element {
  const id = props.id ?? props.name;
  return (
    <Field name={id} label={props.label} hint={props.hint} error={props.error}>
      <select id={id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, Boolean(props.hint), Boolean(props.error))}>
        <option value="" safe>
          {props.choose}
        </option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value} safe>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkboxes(props: { name: string; id?: string; legend: string; options: readonly Option[]; values: readonly string[]; error?: string | undefined }): JSX.Element {
  const id = props.id ?? props.name;
  return (
    <fieldset class="field checkboxes" aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend safe>{props.legend}</legend>
      {props.options.map(([value, label], i) => (
        <div>
          <input type="checkbox" id={`${id}-${i}`} name={props.name} value={value} checked={props.values.includes(value)} />
          <label for={`${id}-${i}`} safe>
            {label}
          </label>
        </div>
      ))}
      <FieldError name={id} message={props.error} />
    </fieldset>
  );
}

export function TextInput(props: { name: string; id?: string; label: string; value: string; error?: string | undefined; hint?: string | undefined; type?: string }): JSX.Element {
  const id = props.id ?? props.name;
  return (
    <Field name={id} label={props.label} hint={props.hint} error={props.error}>
      <input id={id} name={props.name} type={props.type ?? 'text'} value={props.value} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, Boolean(props.hint), Boolean(props.error))} />
    </Field>
  );
}
