/**
 * The frames and the crosswalk, public (nothing here is about an incident): NCISS's categories, weights and bands as
 * currently configured, NCSC's categories, RSIT's classes and machine tags, the Blueprint's axes, the crosswalk's rows.
 * The secretariat's page shows the same crosswalk as forms (`editable`).
 */
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { Crosswalk } from '../incidents.crosswalk.js';
import { incidentsMessages } from '../incidents.messages.js';
import { ncissCategories, type NcissConfig } from '../incidents.nciss.js';
import { ncscCategories } from '../incidents.ncsc.js';
import { impactName, levelName, rootCauseName } from '../incidents.presenters.js';
import { rsitClasses, rsitMachineTag } from '../incidents.rsit.js';

export function CrosswalkTable(props: { locale: Locale; crosswalk: Crosswalk; edited: Set<string> }): JSX.Element {
  const t = incidentsMessages(props.locale);
  const safeT = escaping(t);
  const mark = (key: string) => (props.edited.has(key) ? <em safe>{` (${t('reference.edited')})`}</em> : '');
  return (
    <>
      <table>
        <caption>{safeT('reference.crosswalk')}</caption>
        <thead>
          <tr>
            <th scope="col">{safeT('reference.level')}</th>
            <th scope="col">NCISS</th>
            <th scope="col">NCSC</th>
            <th scope="col">{safeT('reference.euImpact')}</th>
            <th scope="col">{safeT('reference.urgency')}</th>
          </tr>
        </thead>
        <tbody>
          {props.crosswalk.levels.map((row) => (
            <tr>
              <th scope="row">
                <span safe>{row.name[props.locale]}</span>
                {mark(`level:${row.level}`)}
              </th>
              <td safe>{`${row.ncissLevel} ${levelName(row.ncissLevel, props.locale)}`}</td>
              <td safe>{`C${row.ncscCategory}`}</td>
              <td safe>{row.euImpact.map((c) => impactName(c, props.locale)).join(' / ')}</td>
              <td safe>{row.urgency[props.locale]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{safeT('reference.rootCauses')}</caption>
        <tbody>
          {props.crosswalk.rootCauses.map((row) => (
            <tr>
              <th scope="row">
                <span>{rsitClasses.find((c) => c.key === row.rsitClass)?.label[props.locale] ?? row.rsitClass}</span>
                {mark(`root-cause:${row.rsitClass}`)}
              </th>
              <td>{row.rootCause ? rootCauseName(row.rootCause, props.locale) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function FramesPage(props: { locale: Locale; config: NcissConfig; version: number; crosswalk: Crosswalk; edited: Set<string> }): JSX.Element {
  const { locale } = props;
  const t = incidentsMessages(locale);
  const safeT = escaping(t);
  const [b5, b4, b3, b2, b1] = props.config.bands;
  return (
    <Layout locale={locale} title={t('reference.title')} path="/incident-frames">
      <h1>{safeT('reference.title')}</h1>
      <p>{safeT('reference.intro')}</p>
      <h2>NCISS</h2>
      <p>{safeT('reference.ncissSource')}</p>
      <p safe>{`${t('reference.bands', { b5: b5!, b4: b4!, b3: b3!, b2: b2!, b1: b1! })} ${t('admin.version', { version: props.version })}`}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{safeT('reference.category')}</th>
            <th scope="col">{safeT('reference.weight')}</th>
            <th scope="col">{safeT('reference.options')}</th>
          </tr>
        </thead>
        <tbody>
          {ncissCategories.map((c) => (
            <tr>
              <th scope="row" safe>
                {c.label[locale]}
              </th>
              <td safe>{String(props.config.weights[c.key])}</td>
              <td safe>{c.options.map((o) => `${o.label[locale]} ${o.value}`).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>NCSC</h2>
      <p>{safeT('reference.ncscSource')}</p>
      <ol>
        {ncscCategories.map((c) => (
          <li safe>{`C${c.category} ${c.label[locale]}`}</li>
        ))}
      </ol>
      <h2>RSIT</h2>
      <p>{safeT('reference.rsitSource')}</p>
      <dl>
        {rsitClasses.map((c) => (
          <>
            <dt>{c.label[locale]}</dt>
            <dd>
              {c.types.map((type) => (
                <span>
                  <span safe>{type.label[locale]}</span> <code safe>{rsitMachineTag(`${c.key}:${type.key}`)}</code>
                  {'; '}
                </span>
              ))}
            </dd>
          </>
        ))}
      </dl>
      <h2>EU Blueprint / NIS</h2>
      <p>{safeT('reference.nisSource')}</p>
      <h2>{safeT('reference.crosswalk')}</h2>
      <CrosswalkTable locale={locale} crosswalk={props.crosswalk} edited={props.edited} />
    </Layout>
  );
}
