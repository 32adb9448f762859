/**
 * A one-button form for an action on a row (revoke, remove, resend, approve): POST with the CSRF field and the hidden
 * values that name the row. Works without JavaScript.
 */
export function PostButton(props: {
  action: string;
  /** The hidden CSRF input (escaped markup from csrfField). */
  csrfField: string;
  fields?: Record<string, string>;
  label: string;
  variant?: 'secondary' | 'danger';
}): JSX.Element {
  return (
    <form method="post" action={props.action}>
      {props.csrfField as 'safe'}
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.variant} safe>
        {props.label}
      </button>
    </form>
  );
}
