import { Layout } from '../../../app/html/layout.js';
import { formatNumber, type Locale } from '../../../app/i18n/i18n.js';
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
  const c = callMessages(locale);
  return (
    <Layout locale={locale} title={s('home.title')} path="" current="home" description={c('home.callIntro')}>
      <h1>{s('home.title')}</h1>
      <p class="lead">{c('home.callIntro')}</p>
      <section aria-labelledby="counters-title" class="counters-section">
        <h2 id="counters-title">{s('home.counters')}</h2>
        {stats.total === 0 ? (
          <p>{s('home.empty')}</p>
        ) : (
          <>
            <ul class="counters">
              {supporterCategories.map((category) => (
                <li>
                  <a href={`/${locale}/supporters?category=${category}`}>
                    <span class="counter-value">{formatNumber(locale, stats.byCategory[category] ?? 0)}</span>
                    <span class="counter-label">{s(`categoryPlural.${category}`)}</span>
                  </a>
                </li>
              ))}
            </ul>
            <p>
              {s('home.total', { total: stats.total })}
              {stats.byCategory.uncategorised ? (
                <>
                  {' · '}
                  <a href={`/${locale}/supporters?category=uncategorised`}>
                    {`${s('categoryPlural.uncategorised')} : ${formatNumber(locale, stats.byCategory.uncategorised)}`.replace(' : ', locale === 'fr' ? ' : ' : ': ')}
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
            {s('home.seeSupporters')}
          </a>{' '}
          <a href={`/${locale}/call`}>{s('home.join')}</a> · <a href={`/${locale}/principles`}>{s('home.principles')}</a> ·{' '}
          <a href={`/${locale}/supporters/map`}>{s('home.map')}</a>
        </p>
      </section>
      {principles.length ? (
        <section aria-labelledby="principles-title">
          <h2 id="principles-title">{c('principles.title')}</h2>
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
