/**
 * The gap report of a self-assessment, computed from its answers and the toolkit's data alone (pure, no I/O): the
 * same answers always give the same report, whether posted by a form, uploaded, or opened from a private link.
 */
import { principleKeys, type PrincipleKey } from '../toolkit.constants.js';
import { targetLevel } from './assessment.constants.js';
import { applicabilityOf, recipientOf, type Applicability, type StakeholderCell } from './assessment.profile.js';
import type { Assessment, AssessmentVersion } from './assessment.schemas.js';
import {
  compareVersions, rankGaps, recommendFrameworks, scoreAction, summarisePrinciples,
  type ActionScore, type PrincipleSummary, type Recommendation, type ReferenceData, type VersionDifference,
} from './assessment.scoring.js';
import { minimumSetCover, type CoverResult } from './assessment.set-cover.js';

export interface GapReport {
  target: number;
  applicability: Map<string, Applicability>;
  /** Scores of the applicable actions, in the report's order. */
  scores: ActionScore[];
  principles: PrincipleSummary[];
  /** Gaps by priority, each with its recommended frameworks. */
  gaps: Array<ActionScore & { recommendations: Recommendation[] }>;
  cover: CoverResult & {
    /** For each chosen framework, the gaps it covers and those no other chosen framework covers. */
    reasons: Array<{ framework: string; covers: string[]; only: string[] }>;
  };
  /** Applicable actions left unanswered (counted as level 0). */
  unanswered: string[];
  difference: VersionDifference | null;
}

function gapsOf(version: AssessmentVersion, data: ReferenceData, marks: readonly StakeholderCell[]): { scores: ActionScore[]; applicability: Map<string, Applicability> } {
  const applicability = applicabilityOf(version.context, data.actions.map((a) => a.code), marks);
  const scores = data.actions
    .filter((a) => applicability.get(a.code)?.applies)
    .map((a) => scoreAction(a, version.answers[a.code]?.level ?? null, version.context, data));
  return { scores, applicability };
}

/** The report: priorities, recommendations, the minimum cover with its reasons, and the change since last time. */
export function buildGapReport(assessment: Assessment, data: ReferenceData, marks: readonly StakeholderCell[]): GapReport {
  const { current } = assessment;
  const number = new Map(data.actions.map((a) => [a.code, a.number]));
  const { scores, applicability } = gapsOf(current, data, marks);
  const ranked = rankGaps(scores, (code) => number.get(code) ?? 0);
  const gapCodes = ranked.map((g) => g.code);
  const kind = recipientOf(current.context);
  const cover = minimumSetCover(
    gapCodes,
    data.frameworks.map((f) => ({
      id: f.key,
      elements: gapCodes.filter((g) => data.quoted.get(f.key)?.has(g)),
      applied: current.context.frameworksApplied.includes(f.key),
      recipientMatch: f.recipients[kind],
      position: f.position,
    })),
  );
  const covers = (key: string) => gapCodes.filter((g) => data.quoted.get(key)?.has(g));
  const reasons = cover.chosen.map((key) => ({
    framework: key,
    covers: covers(key),
    only: covers(key).filter((g) => !cover.chosen.some((other) => other !== key && data.quoted.get(other)?.has(g))),
  }));
  const previous = assessment.previous[0];
  const order = data.actions.map((a) => a.code);
  return {
    target: targetLevel,
    applicability,
    scores,
    principles: summarisePrinciples(principleKeys as PrincipleKey[], scores),
    gaps: ranked.map((g) => ({ ...g, recommendations: recommendFrameworks(g.code, gapCodes, current.context, data) })),
    cover: { ...cover, reasons },
    unanswered: scores.filter((s) => s.level === null).map((s) => s.code),
    difference: previous ? compareVersions(previous, current, rankGaps(gapsOf(previous, data, marks).scores, (c) => number.get(c) ?? 0).map((g) => g.code), gapCodes, order) : null,
  };
}
