/**
 * Test helpers of the self-assessment: the toolkit's data read from the reference bundle (no database), the report's
 * stakeholder matrix as printed on pp. 26–31 (research §3.4; notes shortened to their condition where there is one),
 * rows to insert until the matrix's importer fills the table, and an assessment factory.
 */
import { referenceDir } from '../../../app/reference/reference.js';
import type { Executor } from '../../../app/database/database.js';
import { recipientKinds, type PrincipleKey, type RecipientKind, type StakeholderKind } from '../toolkit.constants.js';
import { toolkitReference } from '../toolkit.reference.js';
import { toolkitStakeholderRoles } from '../toolkit.tables.js';
import type { StakeholderMark } from './assessment.applicability.js';
import { exportFormat, exportFormatVersion } from './assessment.constants.js';
import type { Answer, Assessment, AssessmentContext } from './assessment.schemas.js';
import type { ReferenceData } from './assessment.scoring.js';

type Cell = false | true | string;
const both = 'if it is both a customer and developer/product [sic] of ICT products and services';
const all = (note: string): [Cell, Cell, Cell, Cell] => [note, note, note, note];
/** Action → [public sector, international organizations, supply side, demand side]: false blank, true marked, text marked with that note. */
const printed: Record<string, [Cell, Cell, Cell, Cell]> = {
  A1: [false, false, true, false],
  A2: ['if it is a customer of ICT products and services', false, true, false],
  A3: ['if it is a developer/producer of ICT products and services', false, true, false],
  A4: [both, false, true, false],
  A5: [both, false, true, false],
  A6: [both, false, true, false],
  A7: [true, 'and, where possible, seeking harmonization', 'except for mainstream users', 'except for mainstream users'],
  A8: all('except for mainstream users'),
  A9: all('except for mainstream users'),
  A10: [true, 'and, where possible, seeking harmonization', true, false],
  A11: ['if it is a developer/producer of ICT products and services', false, true, false],
  A12: all('except for mainstream users'),
  A13: [true, false, false, false],
  A14: [true, true, true, true],
  A15: [true, true, true, true],
  A16: all('except for mainstream users'),
  A17: [true, true, true, false],
  A18: all('except for mainstream users'),
  A19: [true, false, false, false],
  A20: all('except for mainstream users'),
  A21: [true, true, 'except for mainstream users', 'except for mainstream users'],
  A22: [true, true, true, true],
  A23: [true, true, true, true],
  A24: [true, true, true, 'except for mainstream users'],
  A25: [true, true, true, false],
};
const columns: StakeholderKind[] = ['public-sector', 'international-organizations', 'supply-side', 'demand-side'];

export const fixtureMarks: StakeholderMark[] = Object.entries(printed).flatMap(([actionCode, cells]) =>
  cells.map((cell, i) => ({ actionCode, stakeholder: columns[i]!, marked: cell !== false, condition: typeof cell === 'string' ? `(${cell})` : null, source: 'report p. 26' })),
);

/** Inserts the fixture matrix (the toolkit's actions must be loaded). */
export async function insertFixtureMarks(db: Executor): Promise<void> {
  await db.insert(toolkitStakeholderRoles).values(fixtureMarks.map((m) => ({ ...m, excludesMainstreamUsers: /mainstream/.test(m.condition ?? '') })));
}

/** The published data set as a report reads it, straight from reference/toolkit. */
export async function bundleReference(): Promise<ReferenceData> {
  const parsed = await toolkitReference.read(referenceDir);
  const quoted = new Map<string, Map<string, string | null>>();
  for (const cell of parsed.cells) {
    if (cell.status !== 'quoted') continue;
    if (!quoted.has(cell.frameworkKey)) quoted.set(cell.frameworkKey, new Map());
    quoted.get(cell.frameworkKey)!.set(cell.action, cell.locator);
  }
  return {
    dataset: parsed.key,
    actions: parsed.actions.map((a) => ({ code: a.code, number: a.number, principle: a.principle as PrincipleKey, title: a.title })),
    frameworks: parsed.frameworks.map((f) => ({
      key: f.key, name: f.name, category: f.category, position: f.position,
      recipients: Object.fromEntries(recipientKinds.map((k) => [k, f.recipients[k].marked])) as Record<RecipientKind, boolean>,
    })),
    quoted,
  };
}

export const buildContext = (overrides: Partial<AssessmentContext> = {}): AssessmentContext => ({
  label: 'Test organisation', organisationKind: 'private-sector', customer: true, developer: true, size: 'medium', jurisdictions: ['FRA'], frameworksApplied: [], ...overrides,
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
