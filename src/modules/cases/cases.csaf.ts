/**
 * A published case as a CSAF 2.0 security advisory (`csaf_security_advisory`), and its check by the BSI's
 * csaf-validator-lib (strict schema + every mandatory test, 6.1.1–6.1.33): what the basic validator of the standard
 * runs. A document that fails is never published; its errors are listed to the coordinator.
 *
 * Mapping: each product belongs to one participant; its status for a vulnerability is that participant's answer —
 * `affected` → known_affected, `not-affected` → known_not_affected, `fixed` → fixed, and both `under-investigation`
 * and `no-response` → under_investigation (CSAF has no "no response"; silence is never known_not_affected, and the
 * advisory's notes name who did not answer). CVSS 3.1 goes in `scores.cvss_v3`; CSAF 2.0 has no CVSS 4.0 field, so a
 * 4.0 vector is given in the vulnerability's notes.
 */
import { weaknesses } from '@secvisogram/csaf-validator-lib/cwe.js';
import type { TlpLabel } from '../../app/authz/tlp.js';
import type { ParticipantState } from './cases.constants.js';
import { scoreVector } from './cases.cvss.js';

/** What the advisory is built from (read by the publication use case). */
export interface AdvisorySource {
  trackingId: string;
  title: string;
  summary: string;
  language: string;
  marking: TlpLabel;
  publisherName: string;
  publisherNamespace: string;
  advisoryUrl: string;
  releasedAt: Date;
  /** `final` for a published advisory; `interim` for a participant's export of a case still under embargo. */
  status?: 'final' | 'interim';
  participants: Array<{ id: string; name: string }>;
  products: Array<{ id: string; participantId: string; name: string }>;
  vulnerabilities: Array<{ id: string; title: string; cwe: string | null; cve: string | null; cvss31: string | null; cvss40: string | null }>;
  /** participantId → vulnerabilityId → state. */
  states: Map<string, Map<string, ParticipantState>>;
  statements: Array<{ participantName: string; text: string }>;
}

/** The CWE catalogue's name for an id (`CWE-79`), or null when the catalogue the validator uses does not know it. */
export function cweName(id: string): string | null {
  return weaknesses.find((w) => w.id === id)?.name ?? null;
}

/**
 * CSAF 2.0's `distribution` speaks TLP 1.0: CLEAR is WHITE; AMBER+STRICT is AMBER, with the restriction said in
 * `distribution.text` (the schema allows no other field in `tlp`).
 */
export function csafDistribution(label: TlpLabel): { text?: string; tlp: { label: 'WHITE' | 'GREEN' | 'AMBER' | 'RED'; url: string } } {
  const url = 'https://www.first.org/tlp/';
  if (label === 'CLEAR') return { tlp: { label: 'WHITE', url } };
  if (label === 'AMBER+STRICT') return { text: 'TLP:AMBER+STRICT (TLP 2.0): recipients may share only within their own organisation, not with its clients.', tlp: { label: 'AMBER', url } };
  return { tlp: { label, url } };
}

/** CSAF 5.1: lower-case tracking id, runs of other characters replaced by `_`, `.json`. */
export function csafFilename(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

const statusKey: Record<ParticipantState, 'known_affected' | 'known_not_affected' | 'fixed' | 'under_investigation'> = {
  affected: 'known_affected', 'not-affected': 'known_not_affected', fixed: 'fixed', 'under-investigation': 'under_investigation', 'no-response': 'under_investigation',
};

export function buildCsaf(source: AdvisorySource): Record<string, unknown> {
  const date = source.releasedAt.toISOString();
  const productIds = new Map(source.products.map((p, i) => [p.id, `CSAFPID-${String(i + 1).padStart(4, '0')}`]));
  const ownerName = new Map(source.participants.map((p) => [p.id, p.name]));
  const vulnerabilities = source.vulnerabilities.map((v) => {
    const status: Record<string, string[]> = {};
    const silent: string[] = [];
    for (const product of source.products) {
      const state = source.states.get(product.participantId)?.get(v.id) ?? 'no-response';
      (status[statusKey[state]] ??= []).push(productIds.get(product.id)!);
    }
    for (const participant of source.participants) if ((source.states.get(participant.id)?.get(v.id) ?? 'no-response') === 'no-response') silent.push(participant.name);
    const notes: Array<Record<string, string>> = [{ category: 'description', title: 'Vulnerability', text: v.title }];
    if (silent.length) notes.push({ category: 'other', title: 'No response', text: `No answer was received from: ${silent.join(', ')}. Their products are listed as under investigation, not as unaffected.` });
    const v4 = v.cvss40 ? scoreVector('4.0', v.cvss40) : null;
    if (v4) notes.push({ category: 'other', title: 'CVSS 4.0', text: `${v4.vector} (base score ${v4.baseScore}, ${v4.severity}); CSAF 2.0 has no field for CVSS 4.0.` });
    const v3 = v.cvss31 ? scoreVector('3.1', v.cvss31) : null;
    const affectedIds = [...(status.known_affected ?? []), ...(status.fixed ?? [])];
    const cweLabel = v.cwe ? cweName(v.cwe) : null;
    return {
      title: v.title,
      ...(v.cve ? { cve: v.cve } : {}),
      ...(v.cwe && cweLabel ? { cwe: { id: v.cwe, name: cweLabel } } : {}),
      notes,
      product_status: status,
      ...(v3 && affectedIds.length
        ? { scores: [{ products: affectedIds, cvss_v3: { version: '3.1', vectorString: v3.vector, baseScore: v3.baseScore, baseSeverity: v3.severity } }] }
        : {}),
    };
  });
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: source.language,
      title: source.title,
      publisher: { category: 'coordinator', name: source.publisherName, namespace: source.publisherNamespace },
      distribution: csafDistribution(source.marking),
      notes: [
        { category: 'summary', title: 'Summary', text: source.summary },
        ...source.statements.map((s) => ({ category: 'other', title: `Statement of ${s.participantName}`, text: s.text })),
      ],
      references: [{ category: 'self', summary: 'This advisory', url: source.advisoryUrl }],
      tracking: {
        id: source.trackingId,
        status: source.status ?? 'final',
        version: '1',
        initial_release_date: date,
        current_release_date: date,
        revision_history: [{ date, number: '1', summary: source.status === 'interim' ? 'Embargoed draft for the participants' : 'Initial publication' }],
        generator: { engine: { name: 'Paris Call Platform' }, date },
      },
    },
    product_tree: {
      full_product_names: source.products.map((p) => ({ product_id: productIds.get(p.id)!, name: `${ownerName.get(p.participantId) ?? ''} ${p.name}`.trim() })),
    },
    vulnerabilities,
  };
}

// The validation runs in a worker thread (cases.csaf-validator.ts says why); the catalogue above is cheap to load here.
export { closeCsafValidator, validateCsaf, type CsafError } from './cases.csaf-validator.js';
