/**
 * A case as its reader sees it: marking, coordinator, summary, vulnerabilities with their scores, the embargo (its zone,
 * UTC and the reader's zone) with who acknowledged it, and the participants' answers as a matrix, one page of
 * participants at a time (a case with 120 vendors stays one readable table per page). Forms for what the reader may do.
 */
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { casesMessages, type CasesMessageKey } from '../cases.messages.js';
import { zonedText } from '../cases.time.js';
import { CoordinatorForms, ParticipantForms } from './case-forms.js';
import { Notices, type CasePageProps } from './parts.js';

export type { CasePageProps };


function Embargo(props: CasePageProps): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  const c = props.detail.case;
  if (!c.embargoAt || !c.embargoZone) return <p>{safeT('embargo.none')}</p>;
  const zone = props.detail.readerZone;
  return (
    <>
      <p class="embargo">
        <strong safe>{t('embargo.until', { when: zonedText(props.locale, c.embargoAt, c.embargoZone) })}</strong>
        <br />
        <span safe>{t('embargo.utc', { when: zonedText(props.locale, c.embargoAt, 'UTC') })}</span>
        {zone && zone !== c.embargoZone ? (
          <>
            <br />
            <span safe>{t('embargo.yours', { zone, when: zonedText(props.locale, c.embargoAt, zone) })}</span>
          </>
        ) : (
          ''
        )}
      </p>
      <p safe>{t('embargo.ackCount', { acked: props.detail.tallies.acked, total: props.detail.total })}</p>
    </>
  );
}

function Matrix(props: CasePageProps): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  const d = props.detail;
  const base = `/${props.locale}/cooperation/cases/${d.case.id}`;
  return (
    <section>
      <h2 id="matrix">{safeT('case.matrix')}</h2>
      <p>{safeT('case.matrixIntro')}</p>
      <p safe>{t('case.summaryCounts', { total: d.total, answered: d.total - d.tallies.silent, silent: d.tallies.silent })}</p>
      <div class="table-scroll" role="region" aria-labelledby="matrix" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col">{safeT('case.participant')}</th>
              {d.vulnerabilities.map((v) => (
                <th scope="col" safe>
                  {v.cve ?? v.title}
                </th>
              ))}
              <th scope="col">{safeT('embargo.title')}</th>
              <th scope="col">{safeT('statement.title')}</th>
            </tr>
          </thead>
          <tbody>
            {d.participants.map((p) => (
              <tr>
                <th scope="row">
                  <span safe>{p.name}</span>
                  {d.products.filter((product) => product.participantId === p.id).length ? (
                    <ul class="products">
                      {d.products.filter((product) => product.participantId === p.id).map((product) => (
                        <li safe>{product.name}</li>
                      ))}
                    </ul>
                  ) : (
                    ''
                  )}
                </th>
                {d.vulnerabilities.map((v) => {
                  const state = d.stateOf(p.id, v.id);
                  return (
                    <td class={`state state-${state}`} safe>
                      {t(`answer.${state}` as CasesMessageKey)}
                    </td>
                  );
                })}
                <td safe>{p.ackVersion === d.case.embargoVersion && d.case.embargoAt ? t('embargo.acknowledged') : t('embargo.notAcknowledged')}</td>
                <td safe>{t(`statement.state.${p.statementState}` as CasesMessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.pages > 1 ? (
        <nav aria-label={t('case.page', { page: d.page, pages: d.pages })}>
          <p safe>{t('case.page', { page: d.page, pages: d.pages })}</p>
          {d.page > 1 ? <a href={`${base}?page=${d.page - 1}`}>{safeT('case.previous')}</a> : ''} {d.page < d.pages ? <a href={`${base}?page=${d.page + 1}`}>{safeT('case.next')}</a> : ''}
        </nav>
      ) : (
        ''
      )}
    </section>
  );
}

/** A CVSS vector that may break after each `/` (a 390-pixel phone cannot show it on one line). */
export function Vector(props: { text: string }): JSX.Element {
  return (
    <code>
      {props.text.split('/').map((part, i) => (
        <>
          {i ? '/' : ''}
          {i ? <wbr /> : ''}
          <span safe>{part}</span>
        </>
      ))}
    </code>
  );
}

/** ` (CVE-…, CWE-…)`, or nothing. */
const idsText = (v: { cve: string | null; cwe: string | null }): string => {
  const ids = [v.cve, v.cwe].filter(Boolean);
  return ids.length ? ` (${ids.join(', ')})` : '';
};

export function CasePage(props: CasePageProps): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  const d = props.detail;
  const c = d.case;
  return (
    <Layout locale={props.locale} title={c.title} path={`/cooperation/cases/${c.id}`}>
      <p>
        <a href={`/${props.locale}/cooperation/cases`}>{safeT('list.title')}</a>
      </p>
      <h1 lang={c.language} safe>
        {c.title}
      </h1>
      <p class="tlp-banner">
        <strong safe>{`TLP:${c.marking}`}</strong> — {safeT('case.markingNote')}
      </p>
      <Notices notice={props.notice} alert={props.alert} />
      <dl>
        <dt>{safeT('case.coordinator')}</dt>
        <dd safe>{d.coordinatorName ?? t('case.secretariat')}</dd>
        <dt>{safeT('list.col.state')}</dt>
        <dd>{safeT(c.state === 'published' ? 'state.published' : 'state.open')}</dd>
      </dl>
      <h2>{safeT('case.summary')}</h2>
      <p lang={c.language} safe>
        {c.summary}
      </p>
      <h2>{safeT('case.vulnerabilities')}</h2>
      <ul>
        {d.vulnerabilities.map((v) => (
          <li>
            <strong safe>{v.title}</strong>
            <span safe>{idsText(v)}</span>
            <br />
            {v.cvss31Vector ? (
              <span>
                <span safe>{`CVSS 3.1: ${v.cvss31Score} — `}</span>
                <Vector text={v.cvss31Vector} />
              </span>
            ) : (
              <span safe>{`CVSS 3.1: ${t('case.noScore')}`}</span>
            )}
            {v.cvss40Vector ? (
              <>
                <br />
                <span safe>{`CVSS 4.0: ${v.cvss40Score} — `}</span>
                <Vector text={v.cvss40Vector} />
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      <h2>{safeT('embargo.title')}</h2>
      <Embargo {...props} />
      <Matrix {...props} />
      {d.mayParticipate ? <ParticipantForms {...props} /> : ''}
      {d.mayCoordinate ? <CoordinatorForms {...props} /> : ''}
    </Layout>
  );
}
