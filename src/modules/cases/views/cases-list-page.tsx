import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { casesMessages } from '../cases.messages.js';
import type { CvdCaseRow } from '../cases.tables.js';
import { zonedText } from '../cases.time.js';
import { Notices } from './parts.js';

const embargoText = (locale: Locale, c: CvdCaseRow): string => (c.embargoAt && c.embargoZone ? zonedText(locale, c.embargoAt, c.embargoZone) : '—');

/** The reader's cases: title, state, embargo (with its zone). */
export function CasesListPage(props: { locale: Locale; cases: CvdCaseRow[]; notice?: string }): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  const l = props.locale;
  return (
    <Layout locale={l} title={t('list.title')} path="/cooperation/cases">
      <h1>{safeT('list.title')}</h1>
      <Notices notice={props.notice} />
      <p>{safeT('list.intro')}</p>
      <p>
        <a href={`/${l}/cooperation/cases/new`}>{safeT('list.new')}</a> · <a href={`/${l}/cooperation`}>{safeT('list.hub')}</a> ·{' '}
        <a href={`/${l}/advisories`}>{safeT('list.advisories')}</a>
      </p>
      {props.cases.length === 0 ? (
        <p>{safeT('list.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{safeT('list.col.title')}</th>
              <th scope="col">{safeT('list.col.state')}</th>
              <th scope="col">{safeT('list.col.embargo')}</th>
            </tr>
          </thead>
          <tbody>
            {props.cases.map((c) => (
              <tr>
                <td>
                  <a href={`/${l}/cooperation/cases/${c.id}`} safe>
                    {c.title}
                  </a>{' '}
                  <span class="tlp" safe>{`TLP:${c.marking}`}</span>
                </td>
                <td>{safeT(c.state === 'published' ? 'state.published' : 'state.open')}</td>
                <td safe>{embargoText(l, c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
