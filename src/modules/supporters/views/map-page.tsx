import { Layout } from '../../../app/html/layout.js';
import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { registryStartDate } from '../supporters.constants.js';
import { supporterMessages } from '../supporters.messages.js';
import type { RegistryStats } from '../supporters.queries.js';
import { chartMessages } from './charts.locales.js';
import { GrowthChart, GrowthTable } from './growth-chart.js';
import { MilestoneTable, type GrowthMilestone } from './growth-milestones.js';
import { CountryTable, WorldMap } from './world-map.js';

export interface MapPageProps {
  locale: Locale;
  stats: RegistryStats;
  milestones: GrowthMilestone[];
  path: string;
}

/** Where supporters come from and how the Call grew, each chart with its data table. */
export function MapPage({ locale, stats, milestones, path }: MapPageProps): JSX.Element {
  const t = supporterMessages(locale);
  const safeT = escaping(t);
  const counts = stats.byCountry.map((c) => ({ countryCode: c.country, count: c.count, isState: c.isState }));
  const points = stats.byMonth.map((m) => ({ month: m.month, signed: m.signed, firstSeen: m.firstSeen }));
  const countryHref = `/${locale}/supporters?country=`;
  return (
    <Layout locale={locale} title={t('map.title')} path={path} current="map">
      <h1>{safeT('map.title')}</h1>
      <p class="lead">{safeT('map.intro', { withoutCountry: stats.withoutCountry })}</p>
      <figure class="chart">
        <WorldMap locale={locale} counts={counts} countryHref={countryHref} title={t('map.title')} />
      </figure>
      <details class="data-table">
        <summary>{safeT('map.tableTitle')}</summary>
        <CountryTable locale={locale} counts={counts} countryHref={countryHref} title={t('map.tableTitle')} />
      </details>
      <h2 id="growth">{safeT('growth.title')}</h2>
      <p>{safeT('growth.intro', { start: formatDate(locale, registryStartDate) })}</p>
      <figure class="chart">
        <GrowthChart locale={locale} points={points} registryStart={registryStartDate} title={t('growth.title')} milestones={milestones} />
      </figure>
      <GrowthTable locale={locale} points={points} registryStart={registryStartDate} title={t('growth.title')} />
      <MilestoneTable locale={locale} milestones={milestones} />
      {milestones.length ? (
        <p class="chart-note" safe>
          {chartMessages(locale)('milestone.note', { date: formatDate(locale, registryStartDate) })}
        </p>
      ) : (
        ''
      )}
      {stats.withoutDate ? <p class="note">{safeT('growth.undated', { count: stats.withoutDate })}</p> : ''}
    </Layout>
  );
}
