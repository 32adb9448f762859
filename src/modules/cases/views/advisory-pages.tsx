/**
 * The public advisories, rendered from the published CSAF document only (what the publication validated and made
 * TLP:CLEAR), never from the case: nothing embargoed can reach these pages.
 */
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { casesMessages } from '../cases.messages.js';
import { zonedText } from '../cases.time.js';

interface CsafNote { category: string; title?: string; text: string }
interface CsafVulnerability { title?: string; cve?: string; cwe?: { id: string; name: string }; notes?: CsafNote[]; product_status?: Record<string, string[]>; scores?: Array<{ cvss_v3?: { baseScore: number; baseSeverity: string; vectorString: string } }> }
interface CsafDocument {
  document: { title: string; lang?: string; notes?: CsafNote[]; tracking: { id: string } };
  product_tree?: { full_product_names?: Array<{ product_id: string; name: string }> };
  vulnerabilities?: CsafVulnerability[];
}

const statusLabels: Record<string, { en: string; fr: string }> = {
  known_affected: { en: 'Affected', fr: 'Affecté' },
  known_not_affected: { en: 'Not affected', fr: 'Non affecté' },
  fixed: { en: 'Fixed', fr: 'Corrigé' },
  under_investigation: { en: 'Under investigation or no response', fr: 'En cours d’analyse ou pas de réponse' },
};

export function AdvisoryListPage(props: { locale: Locale; items: Array<{ trackingId: string; title: string; publishedAt: Date }> }): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  return (
    <Layout locale={props.locale} title={t('advisory.list')} path="/advisories">
      <h1>{safeT('advisory.list')}</h1>
      <p>{safeT('advisory.listIntro')}</p>
      {props.items.length === 0 ? (
        <p>{safeT('advisory.none')}</p>
      ) : (
        <ul>
          {props.items.map((a) => (
            <li>
              <a href={`/${props.locale}/advisories/${encodeURIComponent(a.trackingId)}`} safe>
                {a.title}
              </a>{' '}
              <span safe>{`(${a.trackingId}, ${t('advisory.published', { when: zonedText(props.locale, a.publishedAt, 'UTC') })})`}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function AdvisoryPage(props: { locale: Locale; csaf: Record<string, unknown>; publishedAt: Date }): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  const doc = props.csaf as unknown as CsafDocument;
  const id = doc.document.tracking.id;
  const names = new Map((doc.product_tree?.full_product_names ?? []).map((p) => [p.product_id, p.name]));
  const notes = doc.document.notes ?? [];
  return (
    <Layout locale={props.locale} title={doc.document.title} path={`/advisories/${encodeURIComponent(id)}`}>
      <h1 lang={doc.document.lang} safe>
        {doc.document.title}
      </h1>
      <p safe>{`${id} · ${t('advisory.published', { when: zonedText(props.locale, props.publishedAt, 'UTC') })} · TLP:CLEAR`}</p>
      <p>
        <a href={`/api/v1/advisories/${encodeURIComponent(id)}/csaf.json`}>{safeT('advisory.csaf')}</a>
      </p>
      {notes.filter((n) => n.category === 'summary').map((n) => (
        <p lang={doc.document.lang} safe>
          {n.text}
        </p>
      ))}
      <h2>{safeT('case.vulnerabilities')}</h2>
      {(doc.vulnerabilities ?? []).map((v) => (
        <section>
          <h3 safe>{[v.cve, v.title].filter(Boolean).join(' — ')}</h3>
          {v.cwe ? <p safe>{`${v.cwe.id}: ${v.cwe.name}`}</p> : ''}
          {(v.scores ?? []).map((s) => (s.cvss_v3 ? <p safe>{`CVSS 3.1: ${s.cvss_v3.baseScore} (${s.cvss_v3.baseSeverity}) — ${s.cvss_v3.vectorString}`}</p> : ''))}
          {(v.notes ?? []).filter((n) => n.category !== 'description').map((n) => (
            <p lang="en" safe>
              {n.text}
            </p>
          ))}
          <h4>{safeT('advisory.status')}</h4>
          <ul>
            {Object.entries(v.product_status ?? {}).flatMap(([status, ids]) =>
              ids.map((pid) => <li safe>{`${names.get(pid) ?? pid}: ${statusLabels[status]?.[props.locale] ?? status}`}</li>),
            )}
          </ul>
        </section>
      ))}
      {notes.some((n) => n.category === 'other') ? <h2>{safeT('advisory.statements')}</h2> : ''}
      {notes.filter((n) => n.category === 'other').map((n) => (
        <section>
          <h3 safe>{n.title ?? ''}</h3>
          <p safe>{n.text}</p>
        </section>
      ))}
    </Layout>
  );
}
