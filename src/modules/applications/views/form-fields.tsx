import { describedBy, Field, FieldError } from '../../../app/html/field.js';
import type { ApplicationMessageKey, ApplicationMessages } from '../applications.messages.js';

/**
 * Form controls of the joining pages. Each field ties its label, hint and error to the control (for screen readers)
 * and shows back what was typed; every value is escaped.
 */
export interface FieldContext {
  t: ApplicationMessages;
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

export function errorText(t: ApplicationMessages, key: string | undefined): string | undefined {
  if (!key) return undefined;
  const catalogKey = `error.${key}` as ApplicationMessageKey;
  try {
    return t(catalogKey);
  } catch {
    return t('error.generic');
  }
}

function value(ctx: FieldContext, name: string): string {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

interface FieldProps {
  ctx: FieldContext;
  name: string;
  label: string;
  hint?: string | undefined;
  required?: boolean;
  autocomplete?: string;
}

export function TextField(props: FieldProps & { type?: 'text' | 'email' | 'url'; maxlength?: number }): JSX.Element {
  const error = errorText(props.ctx.t, props.ctx.errors[props.name]);
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        type={props.type ?? 'text'}
        id={props.name}
        name={props.name}
        value={value(props.ctx, props.name)}
        required={props.required}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
      />
    </Field>
  );
}

export function TextArea(props: FieldProps & { maxlength?: number }): JSX.Element {
  const error = errorText(props.ctx.t, props.ctx.errors[props.name]);
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={props.name}
        name={props.name}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
        safe
      >
        {value(props.ctx, props.name)}
      </textarea>
    </Field>
  );
}

export function SelectField(props: FieldProps & { options: Array<{ value: string; label: string }>; placeholder?: string }): JSX.Element {
  const error = errorText(props.ctx.t, props.ctx.errors[props.name]);
  const current = value(props.ctx, props.name);
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <select
        id={props.name}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
      >
        {props.placeholder !== undefined ? (
          <option value="" safe>
            {props.placeholder}
          </option>
        ) : (
          ''
        )}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current} safe>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox(props: FieldProps & { children?: JSX.Element }): JSX.Element {
  const error = errorText(props.ctx.t, props.ctx.errors[props.name]);
  const checked = ['on', 'true', 'yes'].includes(value(props.ctx, props.name));
  return (
    <div class="field">
      <div class="check">
        <input
          type="checkbox"
          id={props.name}
          name={props.name}
          checked={checked}
          required={props.required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${props.name}-error` : undefined}
        />
        <label for={props.name} safe>
          {props.label}
        </label>
      </div>
      {(props.children ?? '') as 'safe'}
      <FieldError name={props.name} message={error} />
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field, focused by the page's script-free anchor. */
export function ErrorSummary(props: { t: ApplicationMessages; errors: Record<string, string>; labels: Record<string, string>; title?: string }): JSX.Element {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return '';
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="errors">
      <h2 id="error-summary-title" safe>
        {props.title ?? props.t('join.errors.title')}
      </h2>
      <p safe>{props.t('join.errors.intro')}</p>
      <ul>
        {entries.map(([field, key]) => (
          <li>
            <a href={`#${field}`} safe>
              {`${props.labels[field] ?? field}: ${errorText(props.t, key) ?? ''}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
