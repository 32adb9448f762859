import { createHash } from 'node:crypto';
import type { ApplicationStatus, PublicFields } from './applications.schemas.js';

/**
 * The application state machine. Every transition is named; the use cases ask `nextStatus` and refuse anything the
 * table does not allow, so a decided application cannot be decided again and an expired one cannot be confirmed.
 */
export const transitions = {
  confirm: { from: ['pending-confirmation'], to: 'submitted' },
  expire: { from: ['pending-confirmation'], to: 'expired' },
  approve: { from: ['submitted', 'info-requested'], to: 'approved' },
  reject: { from: ['submitted', 'info-requested'], to: 'rejected' },
  requestInfo: { from: ['submitted', 'info-requested'], to: 'info-requested' },
  answerInfo: { from: ['info-requested'], to: 'submitted' },
  cancel: { from: ['pending-confirmation', 'submitted', 'info-requested'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>;

export type Transition = keyof typeof transitions;

export function nextStatus(current: string, transition: Transition): ApplicationStatus | null {
  const rule = transitions[transition];
  return (rule.from as readonly string[]).includes(current) ? rule.to : null;
}

/** Statuses the secretariat still has to act on. */
export const openStatuses = ['submitted', 'info-requested'] as const satisfies readonly ApplicationStatus[];

export function isOpen(status: string): boolean {
  return (openStatuses as readonly string[]).includes(status);
}

/** Validity of the confirmation link sent to the executive, and of an unconfirmed application. */
export const confirmationTtlMs = 7 * 24 * 3600 * 1000;
/** Links asking for more information stay valid longer: the applicant may need to gather documents. */
export const infoRequestTtlMs = 30 * 24 * 3600 * 1000;
export const invitationTtlMs = 7 * 24 * 3600 * 1000;

/**
 * Identifies a submission by what was typed, so a double-click or a replayed POST does not create a second
 * application for the same organisation and executive.
 */
export function submissionHash(fields: PublicFields & { executiveEmail: string }): string {
  const key = [fields.category, fields.name.toLowerCase(), fields.countryCode ?? '', fields.website ?? '', fields.executiveEmail].join('\u0000');
  return createHash('sha256').update(key).digest('hex');
}

/** Identifies a claim by the entry and the executive: asking twice to represent the same entry makes one request. */
export function claimSubmissionHash(supporterId: string, executiveEmail: string): string {
  return createHash('sha256').update(['claim', supporterId, executiveEmail].join('\u0000')).digest('hex');
}

/** The catalog key naming an application's kind (`kind.join`, `kind.edit`, `kind.claim`). */
export function kindLabel(kind: string): 'kind.join' | 'kind.edit' | 'kind.claim' {
  return kind === 'edit' ? 'kind.edit' : kind === 'claim' ? 'kind.claim' : 'kind.join';
}

/** Fields shown as "before → after" when a representative proposes an edit. */
export const editableFields = ['name', 'category', 'countryCode', 'nature', 'website', 'twitter', 'linkedin', 'statement', 'statementLocale'] as const;
export type EditableField = (typeof editableFields)[number];

export function changedFields(before: Record<EditableField, unknown>, after: Record<EditableField, unknown>): EditableField[] {
  return editableFields.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}
