import { assetPath } from '../../../app/http/assets.js';
import { escaping, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { supporterCategories } from '../supporters.constants.js';
import { supporterMessages } from '../supporters.messages.js';
import type { RegistryStats } from '../supporters.queries.js';

export interface EmbedCountersProps {
  locale: Locale;
  stats: RegistryStats;
  publicUrl: string;
}

/** A self-contained, frameable block of counters: no navigation, no script, one small stylesheet. */
export function EmbedCounters({ locale, stats, publicUrl }: EmbedCountersProps): JSX.Element {
  const t = supporterMessages(locale);
  const safeT = escaping(t);
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{safeT('embed.title')}</title>
          <link rel="stylesheet" href={assetPath('site.css')} />
        </head>
        <body class="embed">
          <main>
            <h1 class="embed-heading">{safeT('home.counters')}</h1>
            <ul class="counters">
              {supporterCategories.map((category) => (
                <li>
                  <span class="counter-value">{formatNumber(locale, stats.byCategory[category] ?? 0) as 'safe'}</span>
                  <span class="counter-label">{safeT(`categoryPlural.${category}`)}</span>
                </li>
              ))}
            </ul>
            <p>
              <a href={`${publicUrl}/${locale}/supporters`} target="_blank" rel="noopener">
                {safeT('embed.link')}
              </a>
            </p>
          </main>
        </body>
      </html>
    </>
  );
}
