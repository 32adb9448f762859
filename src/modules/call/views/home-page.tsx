import { Layout } from '../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { supporterCategories } from '../../supporters/supporters.constants.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import type { RegistryStats } from '../../supporters/supporters.queries.js';
import { callMessages } from '../call.messages.js';
import type { principles } from '../call.tables.js';

export interface HomePageProps {
  locale: Locale;
  stats: RegistryStats;
  principles: Array<typeof principles.$inferSelect>;
}

export function HomePage({ locale, stats, principles }: HomePageProps): JSX.Element {
  const s = supporterMessages(locale);
  const safeS = escaping(s);
  const c = callMessages(locale);
  const safeC = escaping(c);
  return (
    <Layout locale={locale} title={s('home.title')} path="" current="home" description={c('home.callIntro')}>
      <h1>{safeS('home.title')}</h1>
      <p class="lead">{safeC('home.callIntro')}</p>
      <section aria-labelledby="counters-title" class="counters-section">
        <h2 id="counters-title">{safeS('home.counters')}</h2>
        {stats.total === 0 ? (
          <p>{safeS('home.empty')}</p>
        ) : (
          <>
            <ul class="counters">
              {supporterCategories.map((category) => (
                <li>
                  <a href={`/${locale}/supporters?category=${category}`}>
                    <span class="counter-value">{formatNumber(locale, stats.byCategory[category] ?? 0) as 'safe'}</span>
                    <span class="counter-label">{safeS(`categoryPlural.${category}`)}</span>
                  </a>
                </li>
              ))}
            </ul>
            <p>
              {safeS('home.total', { total: stats.total })}
              {stats.byCategory.uncategorised ? (
                <>
                  {' · '}
                  <a href={`/${locale}/supporters?category=uncategorised`}>
                    {safeS('categoryPlural.uncategorised')}
                    {locale === 'fr' ? ' : ' : ': '}
                    {formatNumber(locale, stats.byCategory.uncategorised) as 'safe'}
                  </a>
                </>
              ) : (
                ''
              )}
            </p>
          </>
        )}
        <p class="actions">
          <a class="button" href={`/${locale}/supporters`}>
            {safeS('home.seeSupporters')}
          </a>{' '}
          <a href={`/${locale}/call`}>{safeS('home.join')}</a> · <a href={`/${locale}/principles`}>{safeS('home.principles')}</a> ·{' '}
          <a href={`/${locale}/supporters/map`}>{safeS('home.map')}</a>
        </p>
      </section>
      {principles.length ? (
        <section aria-labelledby="principles-title">
          <h2 id="principles-title">{safeC('principles.title')}</h2>
          <ol class="principles">
            {principles.map((p) => (
              <li>
                <a href={`/${locale}/principles/${p.number}`} safe>
                  {p.shortName[locale] ?? p.shortName.en ?? ''}
                </a>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
