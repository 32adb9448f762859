import { Layout } from '../../../../app/html/layout.js';
import { formatDate, type Locale } from '../../../../app/i18n/i18n.js';
import type { LayerSummary } from '../layers.queries.js';
import { authorText, dateText, layersT } from './layer-parts.js';

/**
 * Every layer of the toolkit: the published WG6 2021 mapping, which never changes, and the curated layers that add
 * frameworks or correct cells beside it. The secretariat sees the way to create one.
 */
export function LayersPage(props: { locale: Locale; layers: LayerSummary[]; canCreate: boolean; canModerate: boolean }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = layersT(locale);
  return (
    <Layout locale={locale} title={t('layers.title')} path="/toolkit/layers">
      <p>
        <a href={`/${locale}/toolkit`}>{safeT('layers.backToMatrix')}</a>
      </p>
      <h1>{safeT('layers.title')}</h1>
      <p class="lead">{safeT('layers.intro')}</p>
      {props.canCreate || props.canModerate ? (
        <p class="actions">
          {props.canCreate ? (
            <a class="button" href={`/${locale}/secretariat/toolkit/layers`}>
              {safeT('layers.create.link')}
            </a>
          ) : (
            ''
          )}
          {props.canModerate ? (
            <a class="button secondary" href={`/${locale}/secretariat/toolkit/proposals`}>
              {safeT('layers.queue.title')}
            </a>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      <p id="layers-caption" class="table-caption">
        {safeT('layers.table.caption')}
      </p>
      <div class="table-scroll" role="region" aria-labelledby="layers-caption" tabindex="0">
        <table aria-labelledby="layers-caption">
          <thead>
            <tr>
              <th scope="col">{safeT('layers.table.name')}</th>
              <th scope="col">{safeT('layers.table.kind')}</th>
              <th scope="col">{safeT('layers.table.author')}</th>
              <th scope="col">{safeT('layers.table.date')}</th>
              <th scope="col">{safeT('layers.table.frameworks')}</th>
              <th scope="col">{safeT('layers.table.corrections')}</th>
            </tr>
          </thead>
          <tbody>
            {props.layers.map((layer) => (
              <tr>
                <th scope="row">
                  <a href={`/${locale}/toolkit/layers/${layer.key}`} safe>
                    {layer.immutable ? t('dataset.published') : layer.name}
                  </a>
                </th>
                <td safe>{t(layer.immutable ? 'layers.kind.published' : 'layers.kind.curated')}</td>
                <td safe>{authorText(locale, layer.author)}</td>
                <td safe>{layer.immutable ? formatDate(locale, layer.version) : dateText(locale, layer.createdAt)}</td>
                <td class="num" safe>{String(layer.frameworks)}</td>
                <td class="num" safe>{String(layer.corrections)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
