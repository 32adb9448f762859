import { formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import { isOnOrBefore } from '../supporters.models.js';
import { noCountry, type CategoryFacet, type JoinedOnSource } from '../supporters.constants.js';
import { supporterMessages } from '../supporters.messages.js';
import { natureLabel } from '../locales/natures.js';

export function categoryLabel(locale: Locale, category: CategoryFacet): string {
  return supporterMessages(locale)(`category.${category}`);
}

export function countryLabel(locale: Locale, code: string): string {
  return code === noCountry ? supporterMessages(locale)('country.none') : countryName(code, locale);
}

export { natureLabel };

/** "signed 1 April 2021", "listed on or before 16 September 2019"…: the join date with its origin. */
export function joinedLabel(locale: Locale, joinedOn: string | null, source: JoinedOnSource | null): string {
  const t = supporterMessages(locale);
  if (!joinedOn) return t('joined.unknown');
  const date = formatDate(locale, joinedOn);
  if (source === 'signed') return t('joined.signed', { date });
  return isOnOrBefore(joinedOn, source) ? t('joined.onOrBefore', { date }) : t('joined.firstSeen', { date });
}
