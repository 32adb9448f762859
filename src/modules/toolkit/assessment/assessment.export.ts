/**
 * The assessment and its report as files: JSON (the assessment as imported again, the report for other tools; shape
 * in assessment.json-schema.ts) and CSV (one row per action, for a spreadsheet), written with csv-stringify.
 */
import { stringify } from 'csv-stringify/sync';
import { notApplicable } from './assessment.constants.js';
import { assessmentJsonSchemaId } from './assessment.json-schema.js';
import type { GapReport } from './assessment.report.js';
import type { Assessment } from './assessment.schemas.js';
import { recommendationWeights, type ReferenceData } from './assessment.scoring.js';

/** The JSON export: the assessment (what an import reads back) and its report (recomputed on import, never trusted). */
export function assessmentToJson(assessment: Assessment, report: GapReport, data: ReferenceData) {
  const name = new Map(data.frameworks.map((f) => [f.key, f.name]));
  return {
    $schema: assessmentJsonSchemaId,
    assessment,
    report: {
      dataset: data.dataset,
      target: report.target,
      weights: recommendationWeights,
      actions: data.actions.map((a) => {
        const applicability = report.applicability.get(a.code)!;
        const score = report.scores.find((s) => s.code === a.code);
        return {
          code: a.code,
          principle: a.principle,
          applicable: applicability.applies,
          reasons: applicability.reasons,
          level: score?.level ?? null,
          distance: score?.distance ?? 0,
          priority: score?.priority ?? 0,
        };
      }),
      principles: report.principles,
      gaps: report.gaps.map((g) => ({
        code: g.code,
        distance: g.distance,
        priority: g.priority,
        appliedAddressing: g.appliedAddressing,
        recommendations: g.recommendations.map((r) => ({ ...r, name: name.get(r.framework) ?? r.framework })),
      })),
      cover: {
        frameworks: report.cover.reasons.map((r) => ({ ...r, name: name.get(r.framework) ?? r.framework })),
        uncovered: report.cover.uncovered,
        witness: report.cover.witness,
        explored: report.cover.explored,
        tieBreak: ['applied', 'recipient', 'workbook-order'],
      },
      difference: report.difference,
    },
  };
}

/** OWASP CSV injection: a cell opening with = + - @ tab or CR could run as a formula; it gets a leading `'`. */
const neutralise = (value: string): string => (/^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export const csvColumns = ['action', 'principle', 'title', 'applicable', 'level', 'justification', 'evidence', 'distance', 'priority', 'recommended', 'in_smallest_set'] as const;

/** One row per action (all 25), levels as numbers or `n/a`, lists separated by spaces; the action titles in English. */
export function assessmentToCsv(assessment: Assessment, report: GapReport, data: ReferenceData): string {
  const rows = data.actions.map((a) => {
    const answer = assessment.current.answers[a.code];
    const score = report.scores.find((s) => s.code === a.code);
    const gap = report.gaps.find((g) => g.code === a.code);
    const chosen = report.cover.reasons.filter((r) => r.covers.includes(a.code)).map((r) => r.framework);
    return [
      a.code,
      a.principle,
      a.title,
      report.applicability.get(a.code)?.applies ? 'yes' : 'no',
      answer ? (answer.level === notApplicable ? notApplicable : String(answer.level)) : '',
      answer?.justification ?? '',
      (answer?.evidence ?? []).join(' '),
      String(score?.distance ?? 0),
      String(score?.priority ?? 0),
      (gap?.recommendations ?? []).slice(0, 5).map((r) => r.framework).join(' '),
      chosen.join(' '),
    ].map(neutralise);
  });
  return stringify([[...csvColumns], ...rows]);
}
