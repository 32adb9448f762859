/**
 * One incident: its TLP marking first (TLP 2.0 wants the label before the information), the details, each frame's
 * result beside the crosswalk's verdict, and the NIS2 clocks with their zone, UTC and time left as of the rendering
 * (no JavaScript), each with a button to mark the report sent.
 */
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import { durationParts, formatZoned, type ReportClock } from '../incidents.clocks.js';
import type { Crosswalk } from '../incidents.crosswalk.js';
import { incidentsMessages } from '../incidents.messages.js';
import { impactName, levelName, ncscName, outlookName, rootCauseName, rsitName, sectorName, threatName } from '../incidents.presenters.js';
import type { IncidentRow } from '../incidents.tables.js';

export interface IncidentPageProps {
  locale: Locale;
  incident: IncidentRow;
  organisation: string;
  author: string | null;
  clocks: ReportClock[];
  crosswalk: Crosswalk;
  /** The forms to mark reports sent, when the reader may (with the CSRF field). */
  reportForms: { csrfField: string } | null;
  notice?: string | undefined;
  alert?: string | undefined;
}

export function TlpBanner(props: { locale: Locale; tlp: string }): JSX.Element {
  return (
    <p class={`tlp tlp-${props.tlp.toLowerCase().replace('+', '-')}`} safe>
      {incidentsMessages(props.locale)('incident.tlpBanner', { tlp: `TLP:${props.tlp}` })}
    </p>
  );
}

export function IncidentPage(props: IncidentPageProps): JSX.Element {
  const { locale, incident } = props;
  const t = incidentsMessages(locale);
  const safeT = escaping(t);
  const c = incident.classification;
  const zoned = (d: Date) => formatZoned(d, incident.timeZone);
  const when = (d: Date) => `${zoned(d).local} (${incident.timeZone}, ${zoned(d).offset}) · ${zoned(d).utc}`;
  const levelLabel = (level: number | null) => (level === null ? t('frames.noLevel') : (props.crosswalk.levels.find((l) => l.level === level)?.name[locale] ?? `L${level}`));
  const verdict = (agrees: boolean, why: string) => (
    <td>
      <strong safe>{agrees ? t('frames.agrees') : t('frames.disagrees')}</strong> <span safe>({why})</span>
    </td>
  );
  const state = (clock: ReportClock) => {
    if (clock.sentAt) return t(clock.state === 'sent-late' ? 'clocks.sentLate' : 'clocks.sent', { at: when(clock.sentAt) });
    const d = durationParts(clock.remainingMs!);
    return t(clock.state === 'overdue' ? 'clocks.overdue' : 'clocks.open', { days: d.days, hours: d.hours, minutes: d.minutes });
  };
  return (
    <Layout locale={locale} title={incident.title} path={`/cooperation/incidents/${incident.id}`}>
      <TlpBanner locale={locale} tlp={incident.tlp} />
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {props.alert ? (
        <p class="notice error" role="alert" safe>
          {props.alert}
        </p>
      ) : (
        ''
      )}
      <h1 lang={incident.language} safe>
        {incident.title}
      </h1>
      <p lang={incident.language} safe>
        {incident.description}
      </p>
      <h2>{safeT('incident.details')}</h2>
      <dl>
        <dt>{safeT('col.organisation')}</dt>
        <dd safe>{props.organisation}</dd>
        <dt>{safeT('incident.author')}</dt>
        <dd safe>{props.author ?? t('incident.authorGone')}</dd>
        <dt>{safeT('incident.detectedAt')}</dt>
        <dd safe>{when(incident.detectedAt)}</dd>
        <dt>{safeT('incident.awareAt')}</dt>
        <dd safe>{when(incident.awareAt)}</dd>
        <dt>{safeT('incident.sectors')}</dt>
        <dd safe>{incident.sectors.map((s) => sectorName(s, locale)).join(', ') || t('incident.none')}</dd>
        <dt>{safeT('incident.countries')}</dt>
        <dd safe>{incident.countries.map((code) => countryName(code, locale)).join(', ') || t('incident.none')}</dd>
        <dt>{safeT('incident.usersAffected')}</dt>
        <dd safe>{incident.usersAffected === null ? t('incident.none') : String(incident.usersAffected)}</dd>
        <dt>{safeT('incident.crossBorder')}</dt>
        <dd safe>{incident.facts.crossBorder ? t('incident.yes') : t('incident.no')}</dd>
      </dl>

      <h2>{safeT('frames.title')}</h2>
      <p safe>{t('incident.configVersion', { version: incident.configVersion })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{safeT('frames.frame')}</th>
            <th scope="col">{safeT('frames.result')}</th>
            <th scope="col">{safeT('frames.commonLevel')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{safeT('frames.nciss')}</th>
            <td safe>{t('frames.ncissValue', { score: c.nciss.score.toFixed(2), level: c.nciss.level, name: levelName(c.nciss.level, locale) })}</td>
            <td safe>{`${levelLabel(c.crosswalk.commonLevel)} (${t('frames.reference')})`}</td>
          </tr>
          <tr>
            <th scope="row">{safeT('frames.ncsc')}</th>
            <td safe>{t('frames.ncscValue', { category: c.ncsc.category, name: ncscName(c.ncsc.category, locale) })}</td>
            {verdict(c.crosswalk.ncscAgrees, t('frames.levelFromNcsc', { category: c.ncsc.category, level: levelLabel(c.crosswalk.levelFromNcsc) }))}
          </tr>
          <tr>
            <th scope="row">{safeT('frames.impact')}</th>
            <td safe>{impactName(c.nis.impactSeverity, locale)}</td>
            {verdict(c.crosswalk.euImpactAgrees, t('frames.levelsFromEu', { colour: impactName(c.nis.impactSeverity, locale), levels: c.crosswalk.levelsFromEuImpact.map(levelLabel).join(', ') || t('frames.noLevel') }))}
          </tr>
          <tr>
            <th scope="row">{safeT('frames.rsit')}</th>
            <td>
              <span safe>{rsitName(c.rsit.class, c.rsit.type, locale)}</span> <code safe>{c.rsit.machineTag}</code>
            </td>
            <td></td>
          </tr>
          <tr>
            <th scope="row">{safeT('frames.rootCause')}</th>
            <td safe>{rootCauseName(c.nis.rootCause, locale)}</td>
            {verdict(c.crosswalk.rootCauseAgrees, c.nis.expectedRootCause ? t('frames.expectedRootCause', { cause: rootCauseName(c.nis.expectedRootCause, locale) }) : t('frames.noExpectation'))}
          </tr>
          <tr>
            <th scope="row">{safeT('frames.threat')}</th>
            <td safe>{threatName(c.nis.threatSeverity, locale)}</td>
            <td></td>
          </tr>
          <tr>
            <th scope="row">{safeT('frames.outlook')}</th>
            <td safe>{outlookName(incident.outlook, locale)}</td>
            <td></td>
          </tr>
        </tbody>
      </table>

      <h2>{safeT('clocks.title')}</h2>
      <p>{safeT('clocks.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{safeT('clocks.report')}</th>
            <th scope="col">{safeT('clocks.due')}</th>
            <th scope="col">{safeT('clocks.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.clocks.map((clock) => (
            <tr class={clock.state}>
              <th scope="row" safe>
                {t(`clocks.${clock.kind}`)}
              </th>
              <td>
                <span safe>{when(clock.dueAt)}</span>
                {clock.provisional ? <span safe>{` (${t('clocks.provisional')})`}</span> : ''}
              </td>
              <td>
                <span safe>{state(clock)}</span>
                {props.reportForms && !clock.sentAt ? (
                  <form method="post" action={`/${locale}/cooperation/incidents/${incident.id}/sent`}>
                    {props.reportForms.csrfField as 'safe'}
                    <input type="hidden" name="report" value={clock.kind} />
                    <button type="submit" aria-label={`${t('clocks.markSent')}: ${t(`clocks.${clock.kind}`)}`}>
                      {safeT('clocks.markSent')}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TlpBanner locale={locale} tlp={incident.tlp} />
    </Layout>
  );
}
