/** Read use cases of the self-assessment: the toolkit data a report needs (public), and a report itself. */
import type { Executor } from '../../../app/database/database.js';
import { publishedDatasetKey, type FrameworkCategory, recipientKinds, stakeholderKinds, type PrincipleKey, type RecipientKind, type StakeholderKind } from '../toolkit.constants.js';
import type { StakeholderCell } from './assessment.profile.js';
import { buildGapReport, type GapReport } from './assessment.report.js';
import { createStakeholderRolesRepository } from '../toolkit.stakeholders.repository.js';
import { createAssessmentRepository } from './assessment.repository.js';
import type { Assessment } from './assessment.schemas.js';
import type { ReferenceData } from './assessment.scoring.js';

export interface AssessmentReference {
  data: ReferenceData;
  marks: StakeholderCell[];
}

/** The published data set as the assessment reads it: actions, frameworks, quoted pairs, the stakeholder matrix. */
export async function assessmentReference(input: { db: Executor }): Promise<AssessmentReference> {
  const repository = createAssessmentRepository(input.db);
  const [actions, frameworks, cells, marks] = await Promise.all([
    repository.listActions(),
    repository.listFrameworks(publishedDatasetKey),
    repository.listQuotedCells(publishedDatasetKey),
    createStakeholderRolesRepository(input.db).listRoles(),
  ]);
  const quoted = new Map<string, Map<string, string | null>>();
  for (const cell of cells) {
    if (!quoted.has(cell.frameworkKey)) quoted.set(cell.frameworkKey, new Map());
    quoted.get(cell.frameworkKey)!.set(cell.actionCode, cell.locator);
  }
  return {
    data: {
      dataset: publishedDatasetKey,
      actions: actions.map((a) => ({ ...a, principle: a.principle as PrincipleKey })),
      frameworks: frameworks.map((f) => {
        const recipients = f.recipients as Record<RecipientKind, { marked: boolean }>;
        return { key: f.key, name: f.name, category: f.category as FrameworkCategory, position: f.position, recipients: Object.fromEntries(recipientKinds.map((k) => [k, recipients[k]?.marked === true])) as Record<RecipientKind, boolean> };
      }),
      quoted,
    },
    marks: marks
      .filter((m): m is typeof m & { stakeholder: StakeholderKind } => (stakeholderKinds as readonly string[]).includes(m.stakeholder))
      .map((m) => ({ actionCode: m.actionCode, stakeholder: m.stakeholder, marked: m.marked, condition: m.condition, excludesMainstreamUsers: m.excludesMainstreamUsers, source: m.source })),
  };
}

/** The gap report of an assessment against the published data set. */
export function assessmentReport(assessment: Assessment, reference: AssessmentReference): GapReport {
  return buildGapReport(assessment, reference.data, reference.marks);
}
