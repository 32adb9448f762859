/**
 * Which of the 25 actions apply to an organisation, from the report's stakeholder matrix (pp. 26–31): an action
 * applies when a column the organisation belongs to is marked and the mark's condition holds; its notes, as printed,
 * are the justification shown beside each question.
 */
import type { StakeholderKind } from '../toolkit.constants.js';
import { stakeholderOf } from './assessment.constants.js';
import type { AssessmentContext } from './assessment.schemas.js';

export interface StakeholderMark {
  actionCode: string;
  stakeholder: StakeholderKind;
  marked: boolean;
  condition: string | null;
  source: string;
}

export interface Applicability {
  applicable: boolean;
  /** The marks that make it apply (or the columns the organisation sits in, when none does). */
  reasons: Array<{ stakeholder: StakeholderKind; condition: string | null; source: string }>;
}

/** The matrix columns an organisation sits in: its kind, and for a company its side(s) of the market. */
export function stakeholderColumns(context: AssessmentContext): StakeholderKind[] {
  if (context.organisationKind !== 'private-sector') return [stakeholderOf[context.organisationKind]];
  return [...(context.developer ? (['supply-side'] as const) : []), ...(context.customer ? (['demand-side'] as const) : [])];
}

/**
 * Whether a public body meets a mark's condition. The report's conditions name the public sector as a customer, a
 * developer/producer, or both (A2–A6, A11); any other note describes a role rather than restricting it.
 */
export function meetsCondition(condition: string | null, context: AssessmentContext): boolean {
  if (!condition) return true;
  const text = condition.toLowerCase();
  const customer = /\bcustomer\b/.test(text) && /^\(?if\b/.test(text);
  const developer = /\b(developer|producer)\b/.test(text) && /^\(?if\b/.test(text);
  if (/\bboth\b/.test(text) && customer && developer) return context.customer && context.developer;
  if (customer && !developer) return context.customer;
  if (developer && !customer) return context.developer;
  return true;
}

/** Applicability of every action code in `codes`, from the matrix's marks. */
export function applicableActions(context: AssessmentContext, marks: StakeholderMark[], codes: string[]): Map<string, Applicability> {
  const columns = stakeholderColumns(context);
  return new Map(
    codes.map((code) => {
      const mine = marks.filter((m) => m.actionCode === code && columns.includes(m.stakeholder));
      const applying = mine.filter((m) => m.marked && meetsCondition(m.condition, context));
      const shown = applying.length ? applying : mine;
      return [code, { applicable: applying.length > 0, reasons: shown.map((m) => ({ stakeholder: m.stakeholder, condition: m.condition, source: m.source })) }];
    }),
  );
}
