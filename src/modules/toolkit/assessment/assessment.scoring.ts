/**
 * Scoring of a self-assessment, pure: which applicable actions are gaps and how urgent each is, which frameworks to
 * read for each gap and why, the change since the previous version. Every weight is stated here and shown on the
 * report page (views/report-method.tsx), so a reader can redo the arithmetic.
 */
import type { FrameworkCategory, PrincipleKey, RecipientKind } from '../toolkit.constants.js';
import { notApplicable, targetLevel } from './assessment.constants.js';
import { recipientOf } from './assessment.profile.js';
import type { AssessmentContext, AssessmentVersion, Level } from './assessment.schemas.js';

export interface ReferenceAction {
  code: string;
  number: number;
  principle: PrincipleKey;
  title: string;
}

export interface ReferenceFramework {
  key: string;
  name: string;
  category: FrameworkCategory;
  position: number;
  recipients: Record<RecipientKind, boolean>;
}

/** The toolkit's data a report is computed from: actions, frameworks and each quoted pair's locator. */
export interface ReferenceData {
  dataset: string;
  actions: ReferenceAction[];
  frameworks: ReferenceFramework[];
  /** framework key → action code → the provision cited (null when the quotation names none). */
  quoted: Map<string, Map<string, string | null>>;
}

/** Recommendation weights (research §5.4 C.5, the ones our data can support). */
export const recommendationWeights = {
  /** The workbook marks the framework as addressed to the organisation's kind (states, private sector). */
  recipient: 3,
  /** The organisation already applies it: extending what is in place costs less than adopting something new. */
  applied: 2,
  /** Per other gap of the organisation the same framework quotes a provision for. */
  otherGap: 1,
  /** The quotation names a precise provision (article, control), so the reader knows where to look. */
  locator: 1,
} as const;

export interface ActionScore {
  code: string;
  principle: PrincipleKey;
  /** null: applicable but not answered (counted as 0). */
  level: Level | null;
  /** Levels short of the target (0 when at or above it, or not applicable). */
  distance: number;
  /** Frameworks the organisation applies that quote a provision for this action. */
  appliedAddressing: string[];
  /** distance × (1 + appliedAddressing.length): 0 when not a gap. */
  priority: number;
}

/** Gap size and priority of one applicable action. */
export function scoreAction(action: ReferenceAction, level: Level | null, context: AssessmentContext, data: ReferenceData): ActionScore {
  const value = level === notApplicable ? null : (level ?? 0);
  const distance = value === null ? 0 : Math.max(0, targetLevel - value);
  const appliedAddressing = context.frameworksApplied.filter((key) => data.quoted.get(key)?.has(action.code));
  return { code: action.code, principle: action.principle, level, distance, appliedAddressing, priority: distance * (1 + appliedAddressing.length) };
}

/** Gaps first by priority, then by distance, then in the report's order of actions. */
export function rankGaps(scores: ActionScore[], numberOf: (code: string) => number): ActionScore[] {
  return scores.filter((s) => s.distance > 0).sort((a, b) => b.priority - a.priority || b.distance - a.distance || numberOf(a.code) - numberOf(b.code));
}

export interface Recommendation {
  framework: string;
  score: number;
  recipient: boolean;
  applied: boolean;
  /** The organisation's other gaps the framework also addresses. */
  otherGaps: string[];
  locator: string | null;
}

/** The frameworks quoting a provision for `gap`, best first (ties in the workbook's order). */
export function recommendFrameworks(gap: string, gaps: string[], context: AssessmentContext, data: ReferenceData): Recommendation[] {
  const kind = recipientOf(context);
  const w = recommendationWeights;
  return data.frameworks
    .filter((f) => data.quoted.get(f.key)?.has(gap))
    .map((f) => {
      const cells = data.quoted.get(f.key)!;
      const locator = cells.get(gap) ?? null;
      const otherGaps = gaps.filter((g) => g !== gap && cells.has(g));
      const recipient = f.recipients[kind];
      const applied = context.frameworksApplied.includes(f.key);
      const score = (recipient ? w.recipient : 0) + (applied ? w.applied : 0) + otherGaps.length * w.otherGap + (locator ? w.locator : 0);
      return { framework: f.key, score, recipient, applied, otherGaps, locator, position: f.position };
    })
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map(({ position: _position, ...r }) => r);
}

export interface PrincipleSummary {
  principle: PrincipleKey;
  applicable: number;
  notApplicable: number;
  gaps: number;
  /** Mean level of the answered applicable actions (n/a left out); null when none. */
  mean: number | null;
}

export function summarisePrinciples(principles: readonly PrincipleKey[], scores: ActionScore[]): PrincipleSummary[] {
  return principles.map((principle) => {
    const mine = scores.filter((s) => s.principle === principle);
    const levels = mine.map((s) => (s.level === notApplicable ? null : (s.level ?? 0))).filter((l): l is number => l !== null);
    return {
      principle,
      applicable: mine.length,
      notApplicable: mine.length - levels.length,
      gaps: mine.filter((s) => s.distance > 0).length,
      mean: levels.length ? Math.round((levels.reduce((a, b) => a + b, 0) / levels.length) * 10) / 10 : null,
    };
  });
}

export interface VersionDifference {
  previousAt: string;
  /** Every action answered in either version whose level changed. */
  changes: Array<{ code: string; before: Level | null; after: Level | null }>;
  /** Gaps of the previous version that are gaps no more, and the reverse. */
  closed: string[];
  opened: string[];
}

/** The change from `previous` to the current version, given each version's gap list. */
export function compareVersions(previous: AssessmentVersion, current: AssessmentVersion, previousGaps: string[], currentGaps: string[], order: string[]): VersionDifference {
  const changes = order
    .map((code) => ({ code, before: previous.answers[code]?.level ?? null, after: current.answers[code]?.level ?? null }))
    .filter((c) => c.before !== c.after);
  return {
    previousAt: previous.assessedAt,
    changes,
    closed: order.filter((c) => previousGaps.includes(c) && !currentGaps.includes(c)),
    opened: order.filter((c) => currentGaps.includes(c) && !previousGaps.includes(c)),
  };
}
