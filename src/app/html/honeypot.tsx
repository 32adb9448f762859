import { escaping, type Locale } from '../i18n/i18n.js';
import { appMessages } from '../i18n/messages.js';

/**
 * The honeypot of public forms: a field people never see or reach with the keyboard, which naive bots fill in.
 * A filled honeypot is answered like a success and nothing is done.
 */
export const honeypotField = 'homepage';

export function Honeypot(props: { locale: Locale }): JSX.Element {
  const safeT = escaping(appMessages(props.locale));
  return (
    <div class="hp" aria-hidden="true">
      <label for={honeypotField}>{safeT('form.honeypot')}</label>
      <input type="text" id={honeypotField} name={honeypotField} tabindex="-1" autocomplete="off" value="" />
    </div>
  );
}

export function isHoneypotFilled(body: unknown): boolean {
  const value = (body as Record<string, unknown> | null | undefined)?.[honeypotField];
  return typeof value === 'string' && value.trim() !== '';
}
