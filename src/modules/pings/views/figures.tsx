import { escaping, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { BarChart } from '../../../app/html/bar-chart.js';
import type { PingsMessageKey } from '../pings.messages.js';
import { pingsMessages } from '../pings.messages.js';
import type { Figures } from '../pings.models.js';
import type { OrganisationFigures } from '../pings.queries.js';
import { duration } from '../pings.time.js';

const percent = (locale: Locale, rate: number | null) =>
  rate === null ? pingsMessages(locale)('pings.stats.none') : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);

/** The headline figures as a description list. */
export function FiguresList(props: { locale: Locale; figures: Figures }): JSX.Element {
  const { locale, figures } = props;
  const t = pingsMessages(locale);
  const rows: Array<[PingsMessageKey, string]> = [
    ['pings.stats.targets', formatNumber(locale, figures.targets)],
    ['pings.stats.successRate', percent(locale, figures.successRate)],
    ['pings.stats.sent', formatNumber(locale, figures.sent)],
    ['pings.stats.acknowledged', formatNumber(locale, figures.acknowledged)],
    ['pings.stats.median', duration(locale, figures.medianSeconds)],
    ['pings.stats.p90', duration(locale, figures.p90Seconds)],
    ['pings.stats.escalations', formatNumber(locale, figures.escalations)],
    ['pings.stats.unreachable', formatNumber(locale, figures.unreachable)],
    ['pings.stats.pending', formatNumber(locale, figures.pending)],
  ];
  return (
    <dl class="figures">
      {rows.map(([key, value]) => (
        <div>
          <dt safe>{t(key)}</dt>
          <dd safe>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Per channel: a bar chart of the median time to acknowledge (minutes) and the same figures as a table. */
export function ChannelFigures(props: { locale: Locale; figures: Figures; id: string }): JSX.Element {
  const { locale, figures } = props;
  const t = pingsMessages(locale);
  const safeT = escaping(t);
  if (figures.channels.length === 0) return <></>;
  const channel = (kind: string) => t(`pings.channel.${kind}` as PingsMessageKey);
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{safeT('pings.stats.perChannel')}</h2>
      <BarChart
        locale={locale}
        id={props.id}
        title={t('pings.chart.title')}
        description={t('pings.chart.desc')}
        labelWidth={90}
        bars={figures.channels.map((c) => ({ label: channel(c.channel), value: c.medianSeconds === null ? 0 : Math.round(c.medianSeconds / 60) }))}
      />
      <table>
        <thead>
          <tr>
            <th scope="col">{safeT('pings.stats.channel')}</th>
            <th scope="col">{safeT('pings.stats.sent')}</th>
            <th scope="col">{safeT('pings.stats.acknowledged')}</th>
            <th scope="col">{safeT('pings.stats.median')}</th>
            <th scope="col">{safeT('pings.stats.p90')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.channels.map((c) => (
            <tr>
              <th scope="row" safe>
                {channel(c.channel)}
              </th>
              <td safe>{formatNumber(locale, c.sent)}</td>
              <td safe>{formatNumber(locale, c.acknowledged)}</td>
              <td safe>{duration(locale, c.medianSeconds)}</td>
              <td safe>{duration(locale, c.p90Seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{safeT('pings.stats.quantiles')}</p>
    </section>
  );
}

/** Per organisation, each linking to its history. */
export function OrganisationTable(props: { locale: Locale; rows: OrganisationFigures[] }): JSX.Element {
  const { locale } = props;
  const safeT = escaping(pingsMessages(locale));
  if (props.rows.length === 0) return <></>;
  return (
    <section aria-labelledby="per-organisation">
      <h2 id="per-organisation">{safeT('pings.stats.perOrganisation')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{safeT('pings.stats.organisation')}</th>
            <th scope="col">{safeT('pings.stats.targets')}</th>
            <th scope="col">{safeT('pings.stats.successRate')}</th>
            <th scope="col">{safeT('pings.stats.median')}</th>
            <th scope="col">{safeT('pings.stats.p90')}</th>
            <th scope="col">{safeT('pings.stats.unreachable')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`/${locale}/cooperation/pings/organisations/${encodeURIComponent(row.supporterId)}`} safe>
                  {row.name}
                </a>
              </th>
              <td safe>{formatNumber(locale, row.figures.targets)}</td>
              <td safe>{percent(locale, row.figures.successRate)}</td>
              <td safe>{duration(locale, row.figures.medianSeconds)}</td>
              <td safe>{duration(locale, row.figures.p90Seconds)}</td>
              <td safe>{formatNumber(locale, row.figures.unreachable)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
