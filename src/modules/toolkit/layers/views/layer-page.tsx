import { Layout } from '../../../../app/html/layout.js';
import { formatDate, type Locale } from '../../../../app/i18n/i18n.js';
import type { FrameworkCategory } from '../../toolkit.constants.js';
import type { LayerDetail } from '../layers.queries.js';
import { cellState } from '../layers.models.js';
import { authorText, CellStateView, dateText, layersT } from './layer-parts.js';
import { CorrectionsTable } from './corrections-table.js';

export interface LayerRights {
  write: boolean;
  propose: boolean;
}

/**
 * One layer: what it is, who made it and when, its downloads; the frameworks it lists (for a curated layer, each with
 * its review, author and date) and the cells it corrects with the reason. The forms that change it are linked for
 * whoever may use them.
 */
export function LayerPage(props: { locale: Locale; detail: LayerDetail; rights: LayerRights; notice?: string | undefined }): JSX.Element {
  const { locale, detail, rights } = props;
  const { layer } = detail;
  const { t, safeT } = layersT(locale);
  const name = layer.immutable ? t('dataset.published') : layer.name;
  const base = `/${locale}/toolkit/layers/${layer.key}`;
  return (
    <Layout locale={locale} title={name} path={`/toolkit/layers/${layer.key}`}>
      <p>
        <a href={`/${locale}/toolkit/layers`}>{safeT('layers.back')}</a>
      </p>
      <h1 safe>{name}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      <p class="lead" safe>{layer.immutable ? t('layers.published.description') : (layer.description ?? '')}</p>
      <dl>
        <dt>{safeT('layers.table.kind')}</dt>
        <dd safe>{t(layer.immutable ? 'layers.kind.published' : 'layers.kind.curated')}</dd>
        <dt>{safeT('layers.table.author')}</dt>
        <dd safe>{authorText(locale, detail.author)}</dd>
        <dt>{safeT('layers.table.date')}</dt>
        <dd safe>{layer.immutable ? formatDate(locale, layer.version) : dateText(locale, layer.createdAt)}</dd>
      </dl>
      <ul class="inline-links">
        {layer.immutable ? '' : <li><a href={`${base}/diff`}>{safeT('layers.diff.link')}</a></li>}
        <li><a href={`/api/v1/toolkit/layers/${layer.key}`} type="application/json">{safeT('layers.download.json')}</a></li>
        <li><a href={`/api/v1/toolkit/layers/${layer.key}/cells.csv`} type="text/csv">{safeT('layers.download.csv')}</a></li>
      </ul>
      {layer.immutable ? <p>{safeT('layers.published.immutable')}</p> : ''}
      {!layer.immutable && (rights.write || rights.propose) ? (
        <p class="actions">
          <a class="button" href={`${base}/frameworks/new`}>
            {safeT(rights.write ? 'layers.framework.add' : 'layers.framework.propose')}
          </a>
          <a class="button secondary" href={`/${locale}/toolkit/corrections/new?layer=${encodeURIComponent(layer.key)}`}>
            {safeT(rights.write ? 'layers.correction.add' : 'layers.correction.propose')}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2>{safeT('layers.frameworks.title')}</h2>
      {detail.frameworks.length === 0 ? <p>{safeT('layers.frameworks.none')}</p> : ''}
      {layer.immutable ? (
        <ul>
          {detail.frameworks.map(({ framework, cells }) => (
            <li>
              <span lang="en" safe>{framework.name}</span>{' '}
              <span class="meta" safe>{`(${t(`category.${framework.category as FrameworkCategory}`)}; ${t('layers.frameworks.quoted', { count: cells.filter((c) => c.status === 'quoted').length })})`}</span>
            </li>
          ))}
        </ul>
      ) : (
        detail.frameworks.map(({ framework, cells, author }) => (
          <section aria-labelledby={`framework-${framework.key}`}>
            <h3 id={`framework-${framework.key}`} lang="en" safe>{framework.name}</h3>
            <p class="meta" safe>{t('layers.byOn', { author: authorText(locale, author), date: dateText(locale, framework.createdAt) })}</p>
            <dl>
              <dt>{safeT('cell.category')}</dt>
              <dd safe>{t(`category.${framework.category as FrameworkCategory}`)}</dd>
              <dt>{safeT('cell.type')}</dt>
              <dd lang="en" safe>{framework.documentType}</dd>
              <dt>{safeT('cell.resources')}</dt>
              <dd>
                <ul>
                  {framework.resources.map((url) => (
                    <li>{/^https?:\/\//i.test(url) ? <a href={url} rel="noopener" safe>{url}</a> : <span safe>{url}</span>}</li>
                  ))}
                </ul>
              </dd>
            </dl>
            {cells.length === 0 ? (
              <p>{safeT('layers.frameworks.noCells')}</p>
            ) : (
              <dl>
                {cells.map((cell) => (
                  <>
                    <dt safe>{cell.actionCode}</dt>
                    <dd>
                      <CellStateView locale={locale} state={cellState(cell)} />
                    </dd>
                  </>
                ))}
              </dl>
            )}
            {rights.write ? (
              <p>
                <a href={`/${locale}/secretariat/toolkit/layers/${layer.key}/frameworks/${framework.key}`} safe>
                  {t('layers.framework.edit', { name: framework.name })}
                </a>
              </p>
            ) : (
              ''
            )}
          </section>
        ))
      )}
      {layer.immutable ? (
        ''
      ) : (
        <>
          <h2>{safeT('layers.corrections.title')}</h2>
          {detail.corrections.length === 0 ? <p>{safeT('layers.corrections.none')}</p> : <CorrectionsTable locale={locale} corrections={detail.corrections} />}
        </>
      )}
    </Layout>
  );
}
