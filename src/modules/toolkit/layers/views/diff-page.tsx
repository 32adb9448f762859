import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { FrameworkCategory } from '../../toolkit.constants.js';
import type { LayerDetail } from '../layers.queries.js';
import { CorrectionsTable } from './corrections-table.js';
import { authorText, dateText, layersT } from './layer-parts.js';

/** What a layer changes against WG6 2021 as published: the frameworks it adds, and each corrected cell before → after. */
export function DiffPage(props: { locale: Locale; detail: LayerDetail }): JSX.Element {
  const { locale, detail } = props;
  const { layer } = detail;
  const { t, safeT } = layersT(locale);
  const name = layer.immutable ? t('dataset.published') : layer.name;
  const title = t('layers.diff.title', { name });
  return (
    <Layout locale={locale} title={title} path={`/toolkit/layers/${layer.key}/diff`}>
      <p>
        <a href={`/${locale}/toolkit/layers/${layer.key}`} safe>
          {t('layers.diff.back', { name })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {layer.immutable ? (
        <p>{safeT('layers.diff.published')}</p>
      ) : (
        <>
          <p class="lead" safe>{t('layers.diff.summary', { frameworks: detail.frameworks.length, corrections: detail.corrections.length })}</p>
          <h2>{safeT('layers.diff.added')}</h2>
          {detail.frameworks.length === 0 ? (
            <p>{safeT('layers.frameworks.none')}</p>
          ) : (
            <ul>
              {detail.frameworks.map(({ framework, cells, author }) => (
                <li>
                  <ins>
                    <span lang="en" safe>{framework.name}</span>
                  </ins>{' '}
                  <span class="meta" safe>
                    {`(${t(`category.${framework.category as FrameworkCategory}`)}; ${t('layers.diff.cells', { quoted: cells.filter((c) => c.status === 'quoted').length, absent: cells.filter((c) => c.status === 'reviewed-absent').length })}; ${t('layers.byOn', { author: authorText(locale, author), date: dateText(locale, framework.createdAt) })})`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h2>{safeT('layers.diff.corrected')}</h2>
          {detail.corrections.length === 0 ? <p>{safeT('layers.corrections.none')}</p> : <CorrectionsTable locale={locale} corrections={detail.corrections} />}
        </>
      )}
    </Layout>
  );
}
