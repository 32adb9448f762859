import { Layout } from '../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { aggregateDays } from '../pings.constants.js';
import { pingsMessages, type PingsMessageKey } from '../pings.messages.js';
import type { Overview } from '../pings.queries.js';
import { atInZone } from '../pings.time.js';
import { ChannelFigures, FiguresList, OrganisationTable } from './figures.js';

/** The cooperation space's pings: the last 90 days' figures, and every exercise. */
export function OverviewPage(props: { locale: Locale; overview: Overview }): JSX.Element {
  const { locale, overview } = props;
  const t = pingsMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('pings.title')} path="/cooperation/pings">
      <p class="breadcrumb">
        <a href={`/${locale}/cooperation`}>{safeT('pings.cooperation')}</a>
      </p>
      <h1>{safeT('pings.title')}</h1>
      <p class="lead">{safeT('pings.lead')}</p>
      <p>
        <a class="button" href={`/${locale}/cooperation/pings/new`}>
          {safeT('pings.new')}
        </a>{' '}
        <a href={`/${locale}/cooperation/pings/acknowledge`}>{safeT('pings.code.title')}</a>
      </p>
      <h2>{safeT('pings.overview', { days: aggregateDays })}</h2>
      <FiguresList locale={locale} figures={overview.recent} />
      <ChannelFigures locale={locale} figures={overview.recent} id="recent-channels" />
      <OrganisationTable locale={locale} rows={overview.organisations} />
      <h2>{safeT('pings.exercises')}</h2>
      {overview.exercises.length === 0 ? (
        <p>{safeT('pings.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{safeT('pings.column.scheduled')}</th>
              <th scope="col">{safeT('pings.column.state')}</th>
              <th scope="col">{safeT('pings.column.scope')}</th>
              <th scope="col">{safeT('pings.column.channels')}</th>
              <th scope="col">{safeT('pings.column.results')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.exercises.map((e) => (
              <tr>
                <th scope="row">
                  <a href={`/${locale}/cooperation/pings/exercises/${encodeURIComponent(e.id)}`} safe>
                    {atInZone(locale, e.scheduledAt, e.timeZone)}
                  </a>
                </th>
                <td safe>{t(`pings.state.${e.state}` as PingsMessageKey)}</td>
                <td safe>{e.scopeSupporterIds.length === 0 ? t('pings.scope.all') : t('pings.scope.organisations', { count: e.scopeSupporterIds.length })}</td>
                <td safe>{e.channels.map((c) => t(`pings.channel.${c}` as PingsMessageKey)).join(', ')}</td>
                <td safe>{`${formatNumber(locale, e.figures.acknowledgedTargets)} / ${formatNumber(locale, e.figures.targets)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
