/**
 * The matrix page's filters as pure rules: which frameworks and which actions a filter keeps. Frameworks are kept by
 * category, recipient and type of document, actions by OECD principle; the counts are then taken over what is kept.
 */
import type { FrameworkCategory, PrincipleKey, RecipientKind } from './toolkit.constants.js';

export interface MatrixFilter {
  category?: FrameworkCategory | undefined;
  recipient?: RecipientKind | undefined;
  /** A type of document as `documentTypeLabel` spells it. */
  documentType?: string | undefined;
  principle?: PrincipleKey | undefined;
}

/** The recipients column as stored: each kind marked or not. */
type Recipients = Partial<Record<RecipientKind, { marked?: boolean } | undefined>>;

/**
 * The "Type of document" column as published, with its line breaks and double spaces made single spaces: the
 * workbook writes "Public policy⏎(White paper)" and "Public policy (White paper)" for the same type.
 */
export function documentTypeLabel(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** True when a framework is addressed to the recipient ("X" in its column, merged marks included). */
export function addressedTo(recipients: unknown, kind: RecipientKind): boolean {
  return (recipients as Recipients)[kind]?.marked === true;
}

export function keepsFramework(filter: MatrixFilter, framework: { category: string; recipients: unknown; documentType: string }): boolean {
  if (filter.category && framework.category !== filter.category) return false;
  if (filter.recipient && !addressedTo(framework.recipients, filter.recipient)) return false;
  if (filter.documentType && documentTypeLabel(framework.documentType) !== filter.documentType) return false;
  return true;
}

export function keepsAction(filter: MatrixFilter, action: { principle: string }): boolean {
  return !filter.principle || action.principle === filter.principle;
}

/** True when the filter keeps everything. */
export function isUnfiltered(filter: MatrixFilter): boolean {
  return !filter.category && !filter.recipient && !filter.documentType && !filter.principle;
}
