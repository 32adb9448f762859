import { formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import { isOnOrBefore } from '../supporters.models.js';
import { noCountry, type CategoryFacet, type JoinedOnSource, type VerificationLevel } from '../supporters.constants.js';
import { supporterMessages } from '../supporters.messages.js';
import { natureLabel } from '../locales/natures.js';

export function categoryLabel(locale: Locale, category: CategoryFacet): string {
  return supporterMessages(locale)(`category.${category}`);
}

export function countryLabel(locale: Locale, code: string): string {
  return code === noCountry ? supporterMessages(locale)('country.none') : countryName(code, locale);
}

export { natureLabel };

export function verificationLabel(locale: Locale, level: VerificationLevel): string {
  return supporterMessages(locale)(`verification.${level}`);
}

/** "Website verified, 3 March 2026": the level with its day; an imported entry dated by the registry's first day says "on or before". */
export function verifiedLabel(locale: Locale, verification: { level: VerificationLevel; on: string | null }): string {
  const t = supporterMessages(locale);
  const level = verificationLabel(locale, verification.level);
  if (!verification.on) return level;
  const date = formatDate(locale, verification.on);
  const onOrBefore = verification.level === 'official-registry' && isOnOrBefore(verification.on, 'first-seen');
  return t(onOrBefore ? 'detail.verifiedOnOrBefore' : 'detail.verifiedOn', { level, date });
}

/** "signed 1 April 2021", "listed on or before 16 September 2019"…: the join date with its origin. */
export function joinedLabel(locale: Locale, joinedOn: string | null, source: JoinedOnSource | null): string {
  const t = supporterMessages(locale);
  if (!joinedOn) return t('joined.unknown');
  const date = formatDate(locale, joinedOn);
  if (source === 'signed') return t('joined.signed', { date });
  return isOnOrBefore(joinedOn, source) ? t('joined.onOrBefore', { date }) : t('joined.firstSeen', { date });
}

/** The join date for a table cell: a short date, "≤" marking a date that is only an upper bound. */
export function joinedShort(locale: Locale, joinedOn: string | null, source: JoinedOnSource | null): { text: string; onOrBefore: boolean } {
  if (!joinedOn) return { text: supporterMessages(locale)('joined.unknown'), onOrBefore: false };
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${joinedOn}T00:00:00Z`));
  return { text, onOrBefore: isOnOrBefore(joinedOn, source) };
}
