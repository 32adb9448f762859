/**
 * The contact form's fields (nomination and edit) to and from what the models check. Without JavaScript a form has a
 * fixed number of channel rows (`channel-N-kind`, `-value`, `-24x7`, `-order`, `-published`) and one hours field per
 * weekday (`hours-1` Monday … `hours-7` Sunday, `09:00-18:00` or empty).
 */
import { formText } from '../../app/http/private-page.js';
import { contactLimits } from './contacts.constants.js';
import type { RawDetails } from './contacts.models.js';
import type { ContactChannelRow, ContactRow } from './contacts.tables.js';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

/** Rows of channels a form offers: the record's channels and one empty row more, at least four. */
export const channelRows = (filled: number) => Math.min(contactLimits.channels, Math.max(4, filled + 1));

const checked = (body: unknown, name: string) => formText(body, name) === 'yes';

export function rawFromForm(body: unknown): RawDetails {
  const channels: RawDetails['channels'] = [];
  for (let i = 0; i < contactLimits.channels; i++) {
    if (formText(body, `channel-${i}-kind`) === '' && formText(body, `channel-${i}-value`) === '') continue;
    channels[i] = { kind: formText(body, `channel-${i}-kind`), value: formText(body, `channel-${i}-value`), is24x7: checked(body, `channel-${i}-24x7`), order: formText(body, `channel-${i}-order`), published: checked(body, `channel-${i}-published`) };
  }
  return {
    role: formText(body, 'role'), name: formText(body, 'name'), title: formText(body, 'title'), email: formText(body, 'email'),
    timeZone: formText(body, 'timeZone'), hours: [1, 2, 3, 4, 5, 6, 7].map((d) => formText(body, `hours-${d}`)), languages: formText(body, 'languages'),
    rfc2350Url: formText(body, 'rfc2350Url'), securityTxtUrl: formText(body, 'securityTxtUrl'), cvdPolicyUrl: formText(body, 'cvdPolicyUrl'),
    escalationOrder: formText(body, 'escalationOrder'), attestationDays: formText(body, 'attestationDays'),
    channels: channels.map((c) => c ?? { kind: '', value: '', is24x7: false, order: '', published: false }),
  };
}

/** What was typed, to show again beside its errors. */
export function valuesOfBody(body: unknown): FormValues {
  return Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([key, v]) => typeof v === 'string' && key !== '_csrf')) as FormValues;
}

/** The form's values for a stored contact. */
export function valuesOfContact(contact: ContactRow, channels: ContactChannelRow[]): FormValues {
  const values: FormValues = {
    role: contact.role, name: contact.name, title: contact.title ?? '', email: contact.email, timeZone: contact.timeZone, languages: contact.languages.join(', '),
    rfc2350Url: contact.rfc2350Url ?? '', securityTxtUrl: contact.securityTxtUrl ?? '', cvdPolicyUrl: contact.cvdPolicyUrl ?? '',
    escalationOrder: String(contact.escalationOrder), attestationDays: String(contact.attestationDays), version: String(contact.version), published: contact.published ? 'yes' : '',
  };
  for (const slot of contact.weeklyHours) values[`hours-${slot.day}`] = `${slot.opens}-${slot.closes}`;
  channels.forEach((c, i) => {
    values[`channel-${i}-kind`] = c.kind;
    values[`channel-${i}-value`] = c.value;
    values[`channel-${i}-order`] = String(c.position);
    if (c.is24x7) values[`channel-${i}-24x7`] = 'yes';
    if (c.published) values[`channel-${i}-published`] = 'yes';
  });
  return values;
}
