import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { Provenance } from '../../../app/reference/bundle-file.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import { SourcesSection } from './sources-section.js';

/** How to reuse the registry: CSV, JSON API, OpenAPI documentation, embeddable counters. */
export function OpenDataPage({ locale, publicUrl, sources = [] }: { locale: Locale; publicUrl: string; sources?: Provenance[] }): JSX.Element {
  const t = supporterMessages(locale);
  const safeT = escaping(t);
  const embed = `<iframe src="${publicUrl}/${locale}/embed/counters" title="${safeT('embed.title')}" width="100%" height="220" loading="lazy"></iframe>`;
  return (
    <Layout locale={locale} title={t('openData.title')} path="/open-data" current="api">
      <h1>{safeT('openData.title')}</h1>
      <p class="lead">{safeT('openData.intro')}</p>
      <h2>CSV</h2>
      <p>
        {safeT('openData.csv')} <a href="/supporters.csv">/supporters.csv</a>
      </p>
      <p>
        {safeT('openData.csvFiltered')} <a href="/supporters.csv?category=state">/supporters.csv?category=state</a>
      </p>
      <h2>JSON</h2>
      <p>{safeT('openData.api')}</p>
      <ul>
        <li>
          <a href="/api/v1/supporters?country=FRA&amp;category=private-sector">/api/v1/supporters?country=FRA&amp;category=private-sector</a>
        </li>
        <li>
          {/* A string, not JSX text: JSX would decode `&lt;slug&gt;` into a raw <slug> tag in the output. */}
          <code>{'/api/v1/supporters/&lt;slug&gt;'}</code>
        </li>
        <li>
          <a href="/api/v1/stats">/api/v1/stats</a>
        </li>
      </ul>
      <p>
        <a href="/api/docs">{safeT('openData.docs')}</a> · <a href="/api/openapi.json">openapi.json</a>
      </p>
      <p>
        {safeT('openData.withdrawn')} <a href={`/${locale}/supporters/withdrawn`}>{safeT('withdrawn.link')}</a> ·{' '}
        <a href="/api/v1/withdrawals">/api/v1/withdrawals</a>
      </p>
      <h2 id="verification">{safeT('openData.verificationTitle')}</h2>
      <p>{safeT('openData.verification')}</p>
      <h2>{safeT('embed.title')}</h2>
      <p>{safeT('openData.embed')}</p>
      <pre>
        <code safe>{embed}</code>
      </pre>
      <SourcesSection locale={locale} files={sources} />
    </Layout>
  );
}
