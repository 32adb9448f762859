/**
 * What the toolkit's three OSCAL documents share (the structure of the OSCAL 1.2.0 metaschemas: metadata, properties,
 * links): stable name-based UUIDs, the platform's namespace for its own property names, the metadata naming WG6.
 * No OSCAL library exists for TypeScript (none on npm), so the shapes are typed here for the few models used.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../../../app/i18n/i18n.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { PublishedToolkit } from './toolkit.exports.queries.js';

/** The OSCAL release whose metaschemas the documents follow (the mapping model first appears in 1.2.0). */
export const oscalVersion = '1.2.0';
/** Namespace of the properties and parts the platform names itself (OSCAL's own names carry no `ns`). */
export const wg6Namespace = 'https://pariscall.international/ns/oscal/wg6';

export interface OscalProperty {
  name: string;
  ns?: string;
  value: string;
  remarks?: string;
}
export interface OscalLink {
  href: string;
  rel?: string;
  'media-type'?: string;
  text?: string;
}
export interface OscalPart {
  id?: string;
  name: string;
  ns?: string;
  title?: string;
  props?: OscalProperty[];
  prose?: string;
}

/** A property in the platform's namespace; OSCAL property values are one line without edge whitespace. */
export const wg6Prop = (name: string, value: string | number): OscalProperty => ({ name, ns: wg6Namespace, value: String(value).replace(/\s+/g, ' ').trim() });

const urlNamespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A name-based UUID (RFC 4122 version 5, SHA-1): the same subject gets the same UUID in every export and revision. */
export function uuidV5(name: string, namespace = urlNamespace): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The UUID of a subject of the published layer (`mapping/pp-5`), under the platform's namespace. */
export const subjectUuid = (toolkit: PublishedToolkit, subject: string) => uuidV5(`${toolkit.dataset.key}/${subject}`, uuidV5(wg6Namespace));

/** Where each OSCAL document is served, so they can point at each other. */
export const oscalHref = (publicUrl: string, locale: Locale, file: 'catalog' | 'provisions' | 'mapping') => `${publicUrl}/${locale}/toolkit/export/oscal/${file}.json`;

/** Metadata of one document: its title, the data set's version and last change, WG6 as author, the attribution. */
export function oscalMetadata(toolkit: PublishedToolkit, locale: Locale, publicUrl: string, title: string) {
  const t = toolkitMessages(locale);
  const wg6 = subjectUuid(toolkit, 'party/wg6');
  const platform = subjectUuid(toolkit, 'party/platform');
  return {
    title,
    'last-modified': toolkit.dataset.updatedAt.toISOString(),
    version: toolkit.dataset.version,
    'oscal-version': oscalVersion,
    props: [wg6Prop('dataset', toolkit.dataset.key), wg6Prop('source-sha256', toolkit.dataset.sourceSha256)],
    links: [{ href: `${publicUrl}/${locale}/toolkit`, rel: 'alternate', 'media-type': 'text/html', text: t('toolkit.title') }],
    roles: [
      { id: 'creator', title: 'Creator' },
      { id: 'prepared-by', title: 'Prepared by' },
    ],
    parties: [
      { uuid: wg6, type: 'organization', name: 'Paris Call working group 6 (Cigref, Kaspersky, with GEODE)' },
      { uuid: platform, type: 'organization', name: 'Paris Call Platform', links: [{ href: publicUrl, rel: 'homepage' }] },
    ],
    'responsible-parties': [
      { 'role-id': 'creator', 'party-uuids': [wg6] },
      { 'role-id': 'prepared-by', 'party-uuids': [platform] },
    ],
    remarks: `${t('toolkit.attribution')} ${t('export.oscal.remarks', { source: toolkit.dataset.source })}`,
  };
}
