/**
 * The fixed vocabulary of the self-assessment: what an organisation says about itself (kind, roles, size), the
 * maturity scale, the target, and the caps that keep a posted or uploaded assessment small.
 */
import { organisationKinds as matrixKinds } from '../toolkit.applicability.js';

/**
 * Kinds of organisation assessed, as the stakeholder matrix's applicability reads them (toolkit.applicability.ts);
 * individuals are not assessed here, the matrix leaves most actions to organisations.
 */
export const organisationKinds = matrixKinds.filter((k): k is Exclude<(typeof matrixKinds)[number], 'individual'> => k !== 'individual');
export type OrganisationKind = (typeof organisationKinds)[number];

/** Sizes (EU recommendation 2003/361 head counts); micro, small and medium make an SME. */
export const organisationSizes = ['micro', 'small', 'medium', 'large'] as const;
export type OrganisationSize = (typeof organisationSizes)[number];

/** Maturity levels 0 (nothing) to 5 (optimised), as in CMMI-style scales; `n/a` needs a justification. */
export const maturityLevels = [0, 1, 2, 3, 4, 5] as const;
export type MaturityLevel = (typeof maturityLevels)[number];
export const notApplicable = 'n/a';

/** Level every applicable action should reach (research §5.4 C.3: "defined", level 3). */
export const targetLevel = 3;

/** Caps on what one assessment may hold: evidence links per action, text lengths, versions kept, upload size. */
export const assessmentLimits = {
  evidenceLinks: 5,
  urlLength: 500,
  justificationLength: 1000,
  jurisdictions: 30,
  labelLength: 120,
  /** Earlier versions kept with a saved or exported assessment (the most recent first). */
  previousVersions: 10,
  uploadBytes: 512 * 1024,
} as const;

/** Identifies the JSON export; bumped when its shape changes incompatibly. */
export const exportFormat = 'pariscall-wg6-self-assessment';
export const exportFormatVersion = 1;

/** Saving behind a private link, per client address and hour (both languages, new versions included). */
export const saveBudget = { action: 'toolkit.assessment.save', max: 30, windowMs: 3_600_000 } as const;
