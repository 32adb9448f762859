/** Pieces shared by the toolkit's pages: their links, the sections' navigation and a quotation with its provenance. */
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { ToolkitCellRow } from '../toolkit.repository.js';

/** The toolkit's addresses, in one place so pages link to each other the same way. */
export const toolkitHref = {
  matrix: (locale: Locale) => `/${locale}/toolkit`,
  action: (locale: Locale, code: string) => `/${locale}/toolkit/actions/${code.toLowerCase()}`,
  framework: (locale: Locale, key: string) => `/${locale}/toolkit/frameworks/${key}`,
  cell: (locale: Locale, key: string, code: string) => `/${locale}/toolkit/cells/${key}/${code.toLowerCase()}`,
  search: (locale: Locale) => `/${locale}/toolkit/search`,
  compare: (locale: Locale, keys: string[] = []) => `/${locale}/toolkit/compare${keys.length ? `?${keys.map((k) => `f=${encodeURIComponent(k)}`).join('&')}` : ''}`,
  stakeholders: (locale: Locale) => `/${locale}/toolkit/stakeholders`,
  myRole: (locale: Locale) => `/${locale}/toolkit/stakeholders/mine`,
  coverage: (locale: Locale) => `/${locale}/toolkit/coverage`,
  assessment: (locale: Locale) => `/${locale}/toolkit/assessment`,
  layers: (locale: Locale) => `/${locale}/toolkit/layers`,
  downloads: (locale: Locale) => `/${locale}/toolkit/downloads`,
};

/** The page of the report an action's title is printed on (`report p. 13` → `13`). */
export const reportPage = (titleSource: string) => /p\. (\d+)/.exec(titleSource)?.[1] ?? '?';

/** Only web links become anchors: a resource is data from a workbook, not markup. */
export const isWebLink = (url: string) => /^https?:\/\//i.test(url);

type Section = 'matrix' | 'search' | 'compare' | 'stakeholders' | 'myRole' | 'coverage' | 'assessment' | 'layers' | 'downloads';

/** The toolkit's sections, the current one marked for screen readers. */
export function ToolkitNav(props: { locale: Locale; current?: Section }): JSX.Element {
  const t = toolkitMessages(props.locale);
  const sections: Section[] = ['matrix', 'assessment', 'myRole', 'search', 'compare', 'stakeholders', 'coverage', 'layers', 'downloads'];
  return (
    <nav aria-label={t('nav.label')} class="toolkit-nav">
      <ul class="links">
        {sections.map((section) => (
          <li>
            <a href={toolkitHref[section](props.locale)} aria-current={props.current === section ? 'page' : undefined} safe>
              {t(`nav.${section}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The provision a cell cites (a suggestion read from its bold opening) and its quotation as published, in English. */
export function QuotedText(props: { locale: Locale; cell: Pick<ToolkitCellRow, 'locator' | 'quotation'> }): JSX.Element {
  const { cell } = props;
  const t = toolkitMessages(props.locale);
  const safeT = escaping(t);
  return (
    <>
      {cell.locator ? (
        <p>
          <strong>{safeT('cell.locator')}</strong>
          {': '}
          <span lang="en" safe>
            {cell.locator}
          </span>{' '}
          <span class="meta" safe>{`(${t('cell.locator.suggested')})`}</span>
        </p>
      ) : (
        ''
      )}
      <blockquote lang="en">
        {(cell.quotation ?? '').split(/\n\s*\n/).map((text) => (
          <p safe>{text}</p>
        ))}
      </blockquote>
    </>
  );
}

/** An action's code as a link to its page, its title on hover (the matrix's and tables' row heads). */
export function ActionCodeLink(props: { locale: Locale; code: string; title: string }): JSX.Element {
  return (
    <a href={toolkitHref.action(props.locale, props.code)}>
      <abbr title={props.title} safe>
        {props.code}
      </abbr>
    </a>
  );
}

/**
 * A quotation as published (English, paragraphs kept), the provision it cites when the cell opens with one, the
 * workbook cell it was read from (and the merge it spans) and a link to its cell page.
 */
export function Quotation(props: { locale: Locale; cell: ToolkitCellRow; frameworkKey: string }): JSX.Element {
  const { locale, cell } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  return (
    <>
      <QuotedText locale={locale} cell={cell} />
      <p class="meta">
        {safeT('quote.cell')} <code safe>{cell.sourceCell}</code>
        {cell.mergedRange ? <span safe>{` — ${t('cell.merged', { range: cell.mergedRange })}`}</span> : ''}
        {' · '}
        <a href={toolkitHref.cell(locale, props.frameworkKey, cell.actionCode)}>{safeT('quote.open')}</a>
      </p>
    </>
  );
}

/**
 * An action's title in English as printed, with a line-break opportunity after each slash: "requirements/standards/
 * certification/conformity" is one word to the browser and would widen a 390-pixel page.
 */
export function ActionTitle(props: { title: string }): JSX.Element {
  const parts = props.title.split('/');
  return (
    <span lang="en">
      {parts.map((part, i) => (
        <>
          <span safe>{i < parts.length - 1 ? `${part}/` : part}</span>
          {i < parts.length - 1 ? <wbr /> : ''}
        </>
      ))}
    </span>
  );
}
