/** The working groups' pure rules and the shapes other modules and the bundle read; no I/O. */
import { groupTextLimits } from './groups.constants.js';
import type { Localized } from './groups.tables.js';
import { textInLocale } from '../../shared/localized.js';

export type { GroupRow, GroupMembershipRow, GroupDocumentRow, GroupDocumentVersionRow, GroupNewsRow, VersionFile, Localized } from './groups.tables.js';

/** A deliverable of the reference bundle: linked to its official address, its file is not bundled. */
export interface ReferenceDocument {
  sourceKey: string;
  kind: 'deliverable';
  title: { en: string; fr: string };
  url: string;
  publishedOn: string;
}

/** One of the Call's six groups as the reference bundle holds it. */
export interface ReferenceGroup {
  sourceKey: string;
  number: number;
  slug: string;
  name: { en: string; fr: string };
  mandate: { en: string; fr: string };
  coChairs: Array<{ name: { en: string; fr: string }; registryName: string | null }>;
  documents: ReferenceDocument[];
}

/** The text in the page's language, else the other one (then marked with its language), else null. */
export function shown(text: Localized, locale: 'en' | 'fr'): { text: string; lang?: 'en' | 'fr' } | null {
  const found = textInLocale(text, locale);
  return found && found.lang === locale ? { text: found.text } : found;
}

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A free text as sent (trimmed; null when empty), or the catalog key of its problem. */
export function checkText(value: string | null | undefined, limit: number, options: { required?: boolean } = {}): { value: string | null } | { problem: true } {
  const text = value?.trim() ?? '';
  if (!text) return options.required ? { problem: true } : { value: null };
  if (text.length > limit || controlCharacters.test(text)) return { problem: true };
  return { value: text };
}

/** A reason to decline or remove: required, bounded. */
export const validReason = (reason: string | null | undefined): string | null => {
  const checked = checkText(reason, groupTextLimits.reason, { required: true });
  return 'value' in checked ? checked.value : null;
};

/** A localized text with at least one language, each within the limit. */
export function checkLocalized(text: { en?: string | undefined; fr?: string | undefined }, limit: number): Localized | null {
  const out: Localized = {};
  for (const language of ['en', 'fr'] as const) {
    const checked = checkText(text[language], limit);
    if ('problem' in checked) return null;
    if (checked.value) out[language] = checked.value;
  }
  return out.en || out.fr ? out : null;
}

export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]$/;
