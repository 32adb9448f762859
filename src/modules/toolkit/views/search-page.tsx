import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { SearchHit } from '../toolkit.queries.js';
import { ActionTitle, ToolkitNav, toolkitHref } from './toolkit-parts.js';

/** A passage with its matches in `<mark>`; every piece is escaped, the marks are the only markup. */
function PassageText(props: { hit: SearchHit }): JSX.Element {
  const { passage } = props.hit;
  return (
    <p lang="en">
      {passage.cutBefore ? '… ' : ''}
      {passage.pieces.map((piece) => (piece.match ? <mark safe>{piece.text}</mark> : <span safe>{piece.text}</span>))}
      {passage.cutAfter ? ' …' : ''}
    </p>
  );
}

/**
 * Search in the quotations (a GET form): the number of quotations found, then each with its framework, its action,
 * the passage around the first match with every match highlighted, and a link to its cell page.
 */
export function SearchPage(props: { locale: Locale; q: string; result: { terms: string[]; hits: SearchHit[] } }): JSX.Element {
  const { locale, q, result } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={q ? `${t('search.title')}: ${q}` : t('search.title')} path={`/toolkit/search${q ? `?q=${encodeURIComponent(q)}` : ''}`}>
      <ToolkitNav locale={locale} current="search" />
      <h1>{safeT('search.title')}</h1>
      <form method="get" action={toolkitHref.search(locale)} role="search">
        <div class="search-row">
          <label for="q">{safeT('search.label')}</label>
          <div class="search-box">
            <input type="search" id="q" name="q" value={q} aria-describedby="q-hint" maxlength="200" />
            <button type="submit">{safeT('search.submit')}</button>
          </div>
          <p id="q-hint" class="hint">
            {safeT('search.hint')}
          </p>
        </div>
      </form>
      {result.terms.length > 0 ? (
        <>
          <p role="status">{safeT('search.results', { count: result.hits.length, q })}</p>
          <ol class="toolkit-results">
            {result.hits.map((hit) => (
              <li>
                <h2 class="toolkit-result-title">
                  <a href={toolkitHref.cell(locale, hit.framework.key, hit.action.code)} safe>
                    {t('search.result', { action: hit.action.code, framework: hit.framework.name })}
                  </a>
                </h2>
                <p class="meta">
                  <a href={toolkitHref.action(locale, hit.action.code)}>
                    <ActionTitle title={hit.action.title} />
                  </a>
                  {hit.cell.locator ? <span lang="en" safe>{` · ${hit.cell.locator}`}</span> : ''}
                </p>
                <PassageText hit={hit} />
              </li>
            ))}
          </ol>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
