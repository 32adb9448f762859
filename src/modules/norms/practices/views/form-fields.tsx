/** The controls of the practice form, each with its label, hint and error tied to it (see app/html/field.tsx). */
import { describedBy, Field, FieldError } from '../../../../app/html/field.js';
import type { FormErrors, FormValues } from '../practices.forms.js';
import { all, one } from '../practices.forms.js';

export interface FieldState {
  values: FormValues;
  errors: FormErrors;
}

export function TextField(props: FieldState & { name: string; label: string; hint?: string; type?: string; required?: boolean; lang?: string; maxlength?: number }): JSX.Element {
  const error = props.errors[props.name];
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={one(props.values, props.name)}
        lang={props.lang}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
      />
    </Field>
  );
}

export function TextArea(props: FieldState & { name: string; label: string; hint?: string; lang?: string; rows?: number }): JSX.Element {
  const error = props.errors[props.name];
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={props.name}
        name={props.name}
        rows={String(props.rows ?? 8)}
        lang={props.lang}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
        safe
      >
        {one(props.values, props.name)}
      </textarea>
    </Field>
  );
}

export function SelectField(props: FieldState & { name: string; label: string; hint?: string; options: Array<{ value: string; label: string }>; multiple?: boolean; size?: number }): JSX.Element {
  const error = props.errors[props.name];
  const chosen = all(props.values, props.name);
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <select
        id={props.name}
        name={props.name}
        multiple={props.multiple ? 'multiple' : undefined}
        size={props.size === undefined ? undefined : String(props.size)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={chosen.includes(option.value)} safe>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A group of checkboxes (or radio buttons) in a fieldset, its legend the question, its error under it. */
export function Choices(props: FieldState & { name: string; legend: string; hint?: string; type?: 'checkbox' | 'radio'; options: Array<{ value: string; label: string; lang?: string }> }): JSX.Element {
  const error = props.errors[props.name];
  const chosen = all(props.values, props.name);
  return (
    <fieldset class="check-group" aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}>
      <legend safe>{props.legend}</legend>
      {props.hint ? (
        <p class="hint" id={`${props.name}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {props.options.map((option, index) => (
        <div class="check">
          <input type={props.type ?? 'checkbox'} id={`${props.name}-${index}`} name={props.name} value={option.value} checked={chosen.includes(option.value)} />
          <label for={`${props.name}-${index}`} lang={option.lang} safe>
            {option.label}
          </label>
        </div>
      ))}
      <FieldError name={props.name} message={error} />
    </fieldset>
  );
}
