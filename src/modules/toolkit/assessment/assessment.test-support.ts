/**
 * Test helpers of the self-assessment: the toolkit's data and the report's stakeholder matrix read from the reference
 * bundle (no database), and an assessment factory.
 */
import { referenceDir } from '../../../app/reference/reference.js';
import { recipientKinds, type PrincipleKey, type RecipientKind } from '../toolkit.constants.js';
import { toolkitReference } from '../toolkit.reference.js';
import { exportFormat, exportFormatVersion } from './assessment.constants.js';
import type { StakeholderCell } from './assessment.profile.js';
import type { Answer, Assessment, AssessmentContext } from './assessment.schemas.js';
import type { ReferenceData } from './assessment.scoring.js';

/** The published data set as a report reads it, straight from reference/toolkit. */
export async function bundleReference(): Promise<{ data: ReferenceData; marks: StakeholderCell[] }> {
  const parsed = await toolkitReference.read(referenceDir);
  const quoted = new Map<string, Map<string, string | null>>();
  for (const cell of parsed.cells) {
    if (cell.status !== 'quoted') continue;
    if (!quoted.has(cell.frameworkKey)) quoted.set(cell.frameworkKey, new Map());
    quoted.get(cell.frameworkKey)!.set(cell.action, cell.locator);
  }
  return {
    data: {
      dataset: parsed.key,
      actions: parsed.actions.map((a) => ({ code: a.code, number: a.number, principle: a.principle as PrincipleKey, title: a.title })),
      frameworks: parsed.frameworks.map((f) => ({
        key: f.key, name: f.name, category: f.category, position: f.position,
        recipients: Object.fromEntries(recipientKinds.map((k) => [k, f.recipients[k].marked])) as Record<RecipientKind, boolean>,
      })),
      quoted,
    },
    marks: parsed.stakeholderRoles.map(({ action, mergedWith: _merged, ...role }) => ({ ...role, actionCode: action })),
  };
}

export const buildContext = (overrides: Partial<AssessmentContext> = {}): AssessmentContext => ({
  label: 'Test organisation', organisationKind: 'private-organization', customer: true, developer: true, size: 'medium', jurisdictions: ['FRA'], frameworksApplied: [], ...overrides,
});

/** Every action answered with `level` unless `answers` says otherwise. */
export function buildAssessment(options: { context?: Partial<AssessmentContext>; level?: number; answers?: Record<string, Partial<Answer>>; assessedAt?: string } = {}): Assessment {
  const answers: Record<string, Answer> = {};
  for (let n = 1; n <= 25; n++) answers[`A${n}`] = { level: options.level ?? 3, justification: null, evidence: [], ...options.answers?.[`A${n}`] } as Answer;
  return {
    format: exportFormat, formatVersion: exportFormatVersion, dataset: 'wg6-2021',
    current: { assessedAt: options.assessedAt ?? '2026-01-15T10:00:00.000Z', context: buildContext(options.context), answers },
    previous: [],
  };
}
