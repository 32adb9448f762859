import { Layout } from '../../../app/html/layout.js';
import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import type { FrameworkCategory } from '../toolkit.constants.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { CellDetail } from '../toolkit.queries.js';
import { ActionTitle, QuotedText, ToolkitNav, isWebLink, toolkitHref } from './toolkit-parts.js';


/**
 * One framework × action pair: the quotation as published (in English, whatever the page's language), the provision
 * it cites, or that the reviewers found nothing, or that nobody reviewed it; then where every value was read.
 */
export function CellPage(props: { locale: Locale; detail: CellDetail; /** Curated layers' section (layers/layers.cell.ts), rendered. */ layers?: string }): JSX.Element {
  const { locale, detail } = props;
  const { framework, action, cell, dataset } = detail;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const title = t('cell.title', { action: action.code, framework: framework.name });
  const page = /p\. (\d+)/.exec(action.titleSource)?.[1] ?? '?';
  return (
    <Layout locale={locale} title={title} path={`/toolkit/cells/${framework.key}/${action.code.toLowerCase()}`}>
      <ToolkitNav locale={locale} />
      <p>
        <a href={toolkitHref.matrix(locale)}>{safeT('cell.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <dl>
        <dt>{safeT('cell.action')}</dt>
        <dd lang="en">
          <a href={toolkitHref.action(locale, action.code)}>
            {action.code as 'safe'}: <ActionTitle title={action.title} />
          </a>
        </dd>
        <dt>{safeT('cell.principle')}</dt>
        <dd safe>{t(`principle.${action.principle}`)}</dd>
        <dt>{safeT('cell.framework')}</dt>
        <dd lang="en">
          <a href={toolkitHref.framework(locale, framework.key)} safe>
            {framework.name}
          </a>
        </dd>
        <dt>{safeT('cell.category')}</dt>
        <dd safe>{t(`category.${framework.category as FrameworkCategory}`)}</dd>
        <dt>{safeT('cell.type')}</dt>
        <dd lang="en" safe>{framework.documentType}</dd>
      </dl>
      <h2>{safeT('cell.status')}</h2>
      {cell?.quotation ? (
        <>
          <QuotedText locale={locale} cell={cell} />
          {locale === 'en' ? '' : <p class="meta">{safeT('cell.quotation.lang')}</p>}
        </>
      ) : (
        <p>{safeT(cell ? 'cell.absent' : 'cell.unknown')}</p>
      )}
      {(props.layers ?? '') as 'safe'}
      <h2>{safeT('cell.provenance')}</h2>
      <dl>
        <dt>{safeT('cell.dataset')}</dt>
        <dd safe>{`${t('dataset.published')} (${formatDate(locale, dataset.version)})`}</dd>
        {cell ? (
          <>
            <dt>{safeT('cell.source')}</dt>
            <dd>
              <code safe>{cell.sourceCell}</code>
              {cell.mergedRange ? <p safe>{t('cell.merged', { range: cell.mergedRange })}</p> : ''}
            </dd>
          </>
        ) : (
          ''
        )}
        <dt>{safeT('cell.actionSource')}</dt>
        <dd safe>{t('cell.actionSource.value', { page })}</dd>
        <dt>{safeT('cell.resources')}</dt>
        <dd>
          <ul>
            {(framework.resources as string[]).map((url) => (
              <li>{isWebLink(url) ? <a href={url} rel="noopener noreferrer" safe>{url}</a> : <span safe>{url}</span>}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <p class="meta">{safeT('toolkit.attribution')}</p>
    </Layout>
  );
}
