import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { attestationDue, utcOffset } from '../contacts.models.js';
import { contactsMessages, type ContactsMessageKey } from '../contacts.messages.js';
import type { ContactChannelRow, ContactKeyRow, ContactRow } from '../contacts.tables.js';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');

/** State, attested date, due date and the stale flag. */
export function Freshness(props: { locale: Locale; contact: ContactRow }): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const due = attestationDue(props.contact);
  return (
    <span class="freshness">
      <span class={`badge state-${props.contact.state}`} safe>
        {t(`state.${props.contact.state}` as ContactsMessageKey)}
      </span>{' '}
      {props.contact.attestedAt ? safeT('fresh.attested', { date: formatDate(props.locale, day(props.contact.attestedAt)) }) : ''}
      {due ? ` · ${safeT('fresh.due', { date: formatDate(props.locale, day(due)) })}` : ''}
    </span>
  );
}

/** Weekly hours with their time zone and its current UTC offset. */
export function Hours(props: { locale: Locale; contact: ContactRow; now: Date }): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const zone = `${props.contact.timeZone} (${utcOffset(props.contact.timeZone, props.now)})`;
  return (
    <div class="hours">
      <p>{safeT('page.timeZone', { zone })}</p>
      {props.contact.weeklyHours.length ? (
        <ul>
          {props.contact.weeklyHours.map((slot) => (
            <li safe>{`${t(`day.${slot.day}` as ContactsMessageKey)}: ${slot.opens}–${slot.closes}`}</li>
          ))}
        </ul>
      ) : (
        <p>{safeT('page.noHours')}</p>
      )}
    </div>
  );
}

export function Channels(props: { locale: Locale; channels: ContactChannelRow[] }): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  if (!props.channels.length) return <p>{safeT('page.noChannels')}</p>;
  return (
    <ol class="channels">
      {props.channels.map((c) => (
        <li>
          <span safe>{t(`channel.${c.kind}` as ContactsMessageKey)}</span>:{' '}
          {c.kind === 'email' ? <a href={`mailto:${c.value}`} safe>{c.value}</a> : c.kind === 'portal' ? <a href={c.value} safe>{c.value}</a> : <span safe>{c.value}</span>}
          {c.is24x7 ? <strong class="badge">{safeT('page.is24x7')}</strong> : ''}
        </li>
      ))}
    </ol>
  );
}

export function Keys(props: { locale: Locale; keys: ContactKeyRow[]; downloadBase: string | null }): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  if (!props.keys.length) return <p>{safeT('page.noKeys')}</p>;
  return (
    <ul class="keys">
      {props.keys.map((k) => (
        <li>
          <code safe>{k.fingerprint.replace(/(.{4})/g, '$1 ').trim()}</code> <span safe>{`${k.algorithm}, ${k.userIds.join('; ')}`}</span>{' '}
          <span safe>{k.expiresAt ? t('page.keyExpires', { date: formatDate(props.locale, day(k.expiresAt)) }) : t('page.keyNoExpiry')}</span>
          {props.downloadBase ? (
            <>
              {' '}
              <a href={`${props.downloadBase}/${k.id}`}>{safeT('page.keyDownload')}</a>
            </>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

/** The policy URLs a contact gives. */
export function PolicyLinks(props: { locale: Locale; contact: Pick<ContactRow, 'rfc2350Url' | 'securityTxtUrl' | 'cvdPolicyUrl'> }): JSX.Element {
  const t = contactsMessages(props.locale);
  const links = ([['rfc2350Url', 'form.rfc2350Url'], ['securityTxtUrl', 'form.securityTxtUrl'], ['cvdPolicyUrl', 'form.cvdPolicyUrl']] as const).filter(([field]) => props.contact[field]);
  if (!links.length) return '';
  return (
    <ul class="policy-links">
      {links.map(([field, label]) => (
        <li>
          <span safe>{t(label)}</span>: <a href={props.contact[field]!} safe>{props.contact[field]!}</a>
        </li>
      ))}
    </ul>
  );
}
