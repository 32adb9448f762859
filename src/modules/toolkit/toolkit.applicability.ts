/**
 * Which of the 25 actions concern an organisation, read from the report's stakeholder matrix (pp. 26–31), and why.
 * Pure: the "my role" view and the self-assessment both ask it, from the same rows.
 *
 * The matrix has four groups; an organisation says what it is and whether it buys and/or develops ICT products and
 * services. The public sector's conditions ("if it is a customer of ICT products and services", "… a developer/
 * producer …", "… both a customer and developer/product …") are the only ones that restrict; every other note
 * explains the group's part and is shown as printed. "Except for mainstream users" leaves individuals out.
 */
import type { RecipientKind, StakeholderKind } from './toolkit.constants.js';

export const organisationKinds = ['public-sector', 'international-organization', 'private-organization', 'individual'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface OrganisationProfile {
  kind: OrganisationKind;
  /** Buys or uses ICT products and services (the customer, demand side). */
  buysIct: boolean;
  /** Develops, produces or supplies ICT products and services (the supply side). */
  developsIct: boolean;
}

/** What a public-sector condition asks of the organisation, when it asks something. */
export type Requirement = 'customer' | 'developer' | 'customer-and-developer';

/** The part of a stakeholder matrix row the rule reads (the table's row has more). */
export interface StakeholderCell {
  actionCode: string;
  stakeholder: StakeholderKind;
  marked: boolean;
  condition: string | null;
  excludesMainstreamUsers: boolean;
  source: string;
}

export interface Reason {
  stakeholder: StakeholderKind;
  condition: string | null;
  requirement: Requirement | null;
  /** False when the mark is there but its condition or its exception leaves this organisation out. */
  met: boolean;
  source: string;
}

export interface Applicability {
  action: string;
  applies: boolean;
  /** The marked cells of the organisation's groups for this action, met or not: the notes that justify the answer. */
  reasons: Reason[];
}

/** The matrix groups an organisation belongs to. A private organisation that neither buys nor develops still uses ICT. */
export function groupsOf(profile: OrganisationProfile): StakeholderKind[] {
  switch (profile.kind) {
    case 'public-sector':
      return ['public-sector'];
    case 'international-organization':
      return ['international-organizations'];
    case 'individual':
      return ['demand-side'];
    case 'private-organization': {
      const groups: StakeholderKind[] = [];
      if (profile.developsIct) groups.push('supply-side');
      if (profile.buysIct || !profile.developsIct) groups.push('demand-side');
      return groups;
    }
  }
}

/** The workbook's recipient column that addresses this kind of organisation. */
export function recipientOf(profile: OrganisationProfile): RecipientKind {
  if (profile.kind === 'private-organization') return 'private-sector';
  if (profile.kind === 'individual') return 'individuals';
  return 'states';
}

export function requirementOf(condition: string | null): Requirement | null {
  if (!condition) return null;
  if (/^if it is both a customer and developer/i.test(condition)) return 'customer-and-developer';
  if (/^if it is a customer\b/i.test(condition)) return 'customer';
  if (/^if it is a developer/i.test(condition)) return 'developer';
  return null;
}

function meets(profile: OrganisationProfile, requirement: Requirement | null): boolean {
  if (requirement === 'customer') return profile.buysIct;
  if (requirement === 'developer') return profile.developsIct;
  if (requirement === 'customer-and-developer') return profile.buysIct && profile.developsIct;
  return true;
}

/** For each action (in the order of `actions`), whether it applies to the organisation, and the notes that say why. */
export function applicableActions(profile: OrganisationProfile, actions: readonly string[], cells: readonly StakeholderCell[]): Applicability[] {
  const groups = groupsOf(profile);
  return actions.map((action) => {
    const reasons = cells
      .filter((cell) => cell.actionCode === action && cell.marked && groups.includes(cell.stakeholder))
      .map((cell): Reason => {
        const requirement = cell.stakeholder === 'public-sector' ? requirementOf(cell.condition) : null;
        const excluded = profile.kind === 'individual' && cell.excludesMainstreamUsers;
        return { stakeholder: cell.stakeholder, condition: cell.condition, requirement, met: !excluded && meets(profile, requirement), source: cell.source };
      });
    return { action, applies: reasons.some((reason) => reason.met), reasons };
  });
}
