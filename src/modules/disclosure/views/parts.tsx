/** Pieces the registry's pages share: the translator, dates with their time zone, the freshness badges. */
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { disclosureMessages } from '../disclosure.messages.js';
import type { PolicyJson } from '../disclosure.schemas.js';

export const disclosureT = (locale: Locale) => {
  const t = disclosureMessages(locale);
  return { t, safeT: escaping(t) };
};

/** A date-time in UTC, said so ("7 December 2026, 04:00 UTC"). */
export function dateTimeText(locale: Locale, iso: string | null): string {
  if (!iso) return '—';
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
}

export function dateText(locale: Locale, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** The entry's flags, as short labels. */
export function FreshnessBadges(props: { locale: Locale; freshness: PolicyJson['freshness'] }): JSX.Element {
  const { safeT } = disclosureT(props.locale);
  const f = props.freshness;
  const badges: JSX.Element[] = [];
  if (f.status === 'never') badges.push(<span class="badge">{safeT('disclosure.flag.never')}</span>);
  if (f.fresh) badges.push(<span class="badge">{safeT('disclosure.flag.fresh')}</span>);
  if (f.expired) badges.push(<span class="badge badge-warning">{safeT('disclosure.flag.expired')}</span>);
  if (f.expiringSoon) badges.push(<span class="badge badge-warning">{safeT('disclosure.flag.expiring')}</span>);
  if (f.unreachable) badges.push(<span class="badge badge-warning">{safeT('disclosure.flag.unreachable')}</span>);
  if (f.status === 'invalid') badges.push(<span class="badge badge-warning">{safeT('disclosure.flag.invalid')}</span>);
  return <>{badges.length ? badges.map((b, i) => <>{i ? ' ' : ''}{b}</>) : ''}</>;
}
