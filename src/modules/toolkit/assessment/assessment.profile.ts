/** The bridge from an assessment's context to the stakeholder matrix's profile (toolkit.applicability.ts). */
import { applicableActions, recipientOf as matrixRecipientOf, type Applicability, type OrganisationProfile, type StakeholderCell } from '../toolkit.applicability.js';
import type { RecipientKind } from '../toolkit.constants.js';
import type { AssessmentContext } from './assessment.schemas.js';

export type { Applicability, StakeholderCell };

export function profileOf(context: AssessmentContext): OrganisationProfile {
  return { kind: context.organisationKind, buysIct: context.customer, developsIct: context.developer };
}

/** The workbook's recipient column that addresses the organisation (intergovernmental texts address states). */
export function recipientOf(context: AssessmentContext): RecipientKind {
  return matrixRecipientOf(profileOf(context));
}

/** Applicability of every action in `codes`, by action code. */
export function applicabilityOf(context: AssessmentContext, codes: readonly string[], cells: readonly StakeholderCell[]): Map<string, Applicability> {
  return new Map(applicableActions(profileOf(context), codes, cells).map((a) => [a.action, a]));
}
