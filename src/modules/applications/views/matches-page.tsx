import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { applicationMessages } from '../applications.messages.js';
import { claimFormSchema, notListedField } from '../applications.schemas.js';
import type { ApplicationDuplicate } from '../applications.tables.js';
import { joinFieldNames } from './join-page.js';

export interface MatchesPageProps {
  locale: Locale;
  /** The organisation's name as typed in the join form. */
  name: string;
  matches: ApplicationDuplicate[];
  /** What the join form held, sent again by either choice so nothing has to be retyped. */
  values: Record<string, unknown>;
  /** The CSRF token field (the form's signed time stamp travels in `values.started`). */
  csrfField: string;
}

/** The fields of a claim that the join form already holds: the people and the privacy acceptance. */
const claimFieldsFromJoin = Object.keys(claimFormSchema.shape);

function Hidden(props: { values: Record<string, unknown>; names: readonly string[] }): JSX.Element {
  return (
    <>
      {props.names.map((name) => {
        const value = props.values[name];
        return typeof value === 'string' && value !== '' ? <input type="hidden" name={name} value={value} /> : '';
      })}
    </>
  );
}

/**
 * Shown instead of storing a join application whose name or website matches entries already in the registry: for each
 * entry "this is us: represent it" (a claim with what was typed), or "a different organisation: continue joining".
 * Plain forms, so it works without JavaScript; nothing is stored until one is chosen.
 */
export function MatchesPage(props: MatchesPageProps): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const carried = [...claimFieldsFromJoin, 'started'];
  return (
    <Layout locale={locale} title={t('matches.title')} path="/join" current="join">
      <h1>{safeT('matches.title')}</h1>
      <p class="lead">{safeT('matches.intro', { name: props.name })}</p>
      <p>{safeT('matches.notSent')}</p>
      <h2>{safeT('matches.list')}</h2>
      <ul class="matches">
        {props.matches.map((match) => (
          <li>
            <p>
              <a href={`/${locale}/supporters/${encodeURIComponent(match.slug)}`} safe>
                {match.name}
              </a>{' '}
              <span class="meta">{safeT(`review.duplicate.${match.reason}`)}</span>
            </p>
            <form method="post" action={`/${locale}/supporters/${encodeURIComponent(match.slug)}/claim`}>
              {props.csrfField as 'safe'}
              <Hidden values={props.values} names={carried} />
              <button type="submit">{safeT('matches.claim', { name: match.name })}</button>
            </form>
          </li>
        ))}
      </ul>
      <h2>{safeT('matches.different.title')}</h2>
      <form method="post" action={`/${locale}/join`}>
        {props.csrfField as 'safe'}
        <Hidden values={props.values} names={[...joinFieldNames, 'started']} />
        <input type="hidden" name={notListedField} value="on" />
        <button type="submit" class="secondary">
          {safeT('matches.continue')}
        </button>
      </form>
    </Layout>
  );
}
