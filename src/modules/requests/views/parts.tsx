/** Pieces shared by the requests' pages: the TLP label and definitions, deadlines with their time zone and UTC, names. */
import type { TlpLabel } from '../../../app/authz/tlp.js';
import { tlpText } from '../../../app/authz/tlp.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { erasedPerson, sectors, tlpDefinitionsEn, tlpDefinitionsFr, type Sector } from '../requests.constants.js';
import { requestsMessages } from '../requests.messages.js';

export function requestsT(locale: Locale) {
  const t = requestsMessages(locale);
  return { t, safeT: escaping(t) };
}

/** The label as TLP 2.0 writes it, in its colour on black (FIRST), never translated. */
export function TlpLabelBadge(props: { label: TlpLabel }): JSX.Element {
  return (
    <strong class={`tlp tlp-${props.label.replace('+', '-').toLowerCase()}`} lang="en" safe>
      {tlpText(props.label)}
    </strong>
  );
}

/** A time in the reader's zone, with the zone named, and in UTC: `7 Dec 2026, 17:33 CET (16:33 UTC)`. */
export function formatInstant(locale: Locale, at: Date, timeZone: string): string {
  const parts = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } as const;
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const local = new Intl.DateTimeFormat(tag, { ...parts, timeZone, timeZoneName: 'short' }).format(at);
  const name = timeZone === 'UTC' ? '' : ` ${timeZone}`;
  if (timeZone === 'UTC') return `${local}`;
  const utc = new Intl.DateTimeFormat(tag, { ...parts, timeZone: 'UTC', timeZoneName: 'short' }).format(at);
  return `${local}${name} (${utc})`;
}

export function Instant(props: { locale: Locale; at: Date; timeZone: string }): JSX.Element {
  return (
    <time datetime={props.at.toISOString()} safe>
      {formatInstant(props.locale, props.at, props.timeZone)}
    </time>
  );
}

export const personName = (name: string | null, locale: Locale) => name ?? erasedPerson[locale];
export const sectorName = (sector: string, locale: Locale) => sectors[sector as Sector]?.[locale] ?? sector;

/**
 * The TLP 2.0 definitions: FIRST's English text verbatim in every language; on French pages our translation beside it,
 * marked as such. `only` shows one label's (a request's page), else all five (the form).
 */
export function TlpDefinitions(props: { locale: Locale; only?: TlpLabel; headingLevel?: 2 | 3 }): JSX.Element {
  const { safeT } = requestsT(props.locale);
  const labels = props.only ? [props.only] : (['RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR'] as TlpLabel[]);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="tlp-definitions" aria-labelledby="tlp-definitions">
      <Heading id="tlp-definitions">{safeT('tlp.definitions')}</Heading>
      <p class="hint">{props.locale === 'fr' ? safeT('tlp.translation') : safeT('tlp.sourceNote')}</p>
      <dl>
        {labels.map((label) => (
          <>
            <dt>
              <TlpLabelBadge label={label} />
            </dt>
            <dd>
              <blockquote lang="en" cite="https://www.first.org/tlp/">
                <p safe>{tlpDefinitionsEn[label]}</p>
              </blockquote>
              {props.locale === 'fr' ? (
                <p class="translation">
                  <span class="hint">{safeT('tlp.ours')}</span>{' '}
                  <span lang="fr" safe>
                    {tlpDefinitionsFr[label]}
                  </span>
                </p>
              ) : (
                ''
              )}
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}
