import type { Children } from '@kitajs/html';

/**
 * The frame of a form field used across modules: label above, optional hint, the control, optional error; the hint
 * and the error are tied to the control by ids (`<name>-hint`, `<name>-error`) that the control lists in its
 * `aria-describedby` (see describedBy), so screen readers read them with it.
 */
export function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldError(props: { name: string; message: string | undefined }): JSX.Element {
  return props.message ? (
    <p class="field-error" id={`${props.name}-error`} safe>
      {props.message}
    </p>
  ) : (
    ''
  );
}

/** Label, hint, the control (children) and the error, in a `div.field`. */
export function Field(props: { name: string; label: string; hint?: string | undefined; error?: string | undefined; children: Children }): JSX.Element {
  return (
    <div class="field">
      <label for={props.name} safe>
        {props.label}
      </label>
      {props.hint ? (
        <span class="hint" id={`${props.name}-hint`} safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      {props.children}
      <FieldError name={props.name} message={props.error} />
    </div>
  );
}
