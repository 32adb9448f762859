import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.js';
import { auditLog } from '../../../app/audit/audit.tables.js';
import { systemActor } from '../../../app/authz/actor.js';
import { AppError } from '../../../app/http/errors.js';
import { toolkitCellCorrections, toolkitCells, toolkitFrameworks, toolkitProposals } from '../toolkit.tables.js';
import { acceptProposal, proposeChange, rejectProposal } from './layers.proposals.js';
import { getLayer } from './layers.queries.js';
import { anyone, buildCorrection, buildFramework, setUpLayers, type LayerPeople } from './layers.test-support.js';
import { addFramework, correctCell, createLayer, editFramework } from './layers.usecases.js';

let t: TestApp;
let smtp: TestSmtpServer;
let people: LayerPeople;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url } });
  people = await setUpLayers(t);
  await createLayer({ db: t.database.db, actor: people.moderator, layer: { key: 'corrections-2025', name: 'Corrections 2025', description: 'Corrections after a review.' } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** The error code a promise is refused with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'allowed';
}

const published = async () => {
  const db = t.database.db;
  return {
    frameworks: (await db.select({ n: count() }).from(toolkitFrameworks))[0]!.n,
    cell: (await db.select().from(toolkitCells).innerJoin(toolkitFrameworks, eq(toolkitFrameworks.id, toolkitCells.frameworkId)).where(and(eq(toolkitFrameworks.key, 'pp-9'), eq(toolkitCells.actionCode, 'A4'))))[0]!.toolkit_cells,
  };
};

describe('the published layer is immutable', () => {
  it('refuses every write into WG6 2021, even from the secretariat and the system, and nothing changes', async () => {
    const db = t.database.db;
    const before = await published();
    for (const actor of [people.moderator, systemActor('cli:test')]) {
      expect(await refusal(addFramework({ db, actor, layerKey: 'wg6-2021', framework: buildFramework() }))).toMatch(/^(409 toolkit.layer.immutable|401)/);
      expect(await refusal(correctCell({ db, actor, layerKey: 'wg6-2021', correction: buildCorrection() }))).toMatch(/^(409 toolkit.layer.immutable|401|403)/);
      expect(await refusal(editFramework({ db, actor, layerKey: 'wg6-2021', frameworkKey: 'pp-9', framework: buildFramework() }))).toMatch(/^(409 toolkit.layer.immutable|401|403)/);
    }
    expect(await refusal(proposeChange({ db, actor: people.verifiedRep, layerKey: 'wg6-2021', supporterId: people.verified.id, kind: 'cell', correction: buildCorrection() }))).toBe('409 toolkit.layer.immutable');
    expect(await published()).toEqual(before);
  });
});

describe('the secretariat writes in a curated layer', () => {
  it('corrects a published cell beside it: the 2021 cell stays, the correction carries reason, author and an audit entry', async () => {
    const db = t.database.db;
    const before = await published();
    const correction = await correctCell({ db, actor: people.moderator, layerKey: 'corrections-2025', correction: buildCorrection() });
    expect(correction).toMatchObject({ status: 'reviewed-absent', quotation: null, createdBy: `user:${people.moderator.userId}` });
    expect(await published()).toEqual(before);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.subject, correction.id));
    expect(audit).toMatchObject({ actor: `user:${people.moderator.userId}`, action: 'toolkit.layer.correct-cell', reason: buildCorrection().reason });
    expect(audit!.details).toMatchObject({ layer: 'corrections-2025', of: 'wg6-2021', framework: 'pp-9', action: 'A4', before: { status: 'quoted' }, after: { status: 'reviewed-absent' } });
    const detail = await getLayer({ db, key: 'corrections-2025' });
    expect(detail.corrections.map((c) => [c.framework.key, c.correction.actionCode, c.beforeState.status, c.afterState.status, c.author.kind])).toEqual([['pp-9', 'A4', 'quoted', 'reviewed-absent', 'secretariat']]);
  });

  it('adds a framework under nf-1 with its cells, then edits it; both are in the audit log', async () => {
    const db = t.database.db;
    const framework = await addFramework({ db, actor: people.moderator, layerKey: 'corrections-2025', framework: buildFramework() });
    expect(framework.key).toBe('nf-1');
    await editFramework({ db, actor: people.moderator, layerKey: 'corrections-2025', frameworkKey: 'nf-1', framework: buildFramework({ name: 'Cyber Resilience Act (EU) 2024/2847', cells: [] }) });
    const detail = await getLayer({ db, key: 'corrections-2025' });
    expect(detail.frameworks.map((f) => [f.framework.key, f.framework.name, f.cells.length])).toEqual([['nf-1', 'Cyber Resilience Act (EU) 2024/2847', 0]]);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.subject, framework.id))).map((row) => row.action);
    expect(actions.sort()).toEqual(['toolkit.layer.add-framework', 'toolkit.layer.edit-framework']);
  });

  it('refuses a correction naming a framework that does not exist, writing nothing', async () => {
    const db = t.database.db;
    const before = (await db.select({ n: count() }).from(toolkitCellCorrections))[0]!.n;
    expect(await refusal(correctCell({ db, actor: people.moderator, layerKey: 'corrections-2025', correction: buildCorrection({ framework: 'pp-99' }) }))).toBe('404 toolkit.framework.not-found');
    expect((await db.select({ n: count() }).from(toolkitCellCorrections))[0]!.n).toBe(before);
  });
});

describe('who may write or propose', () => {
  it.each([
    ['anonymous', () => anyone, '401'],
    ['a member', () => people.member, '403'],
    ['a moderator signed in by e-mail link', () => people.moderatorByLink, '403'],
    ['a verified supporter’s representative', () => people.verifiedRep, '403'],
  ])('%s may not write in a curated layer', async (_name, actor, status) => {
    const db = t.database.db;
    expect(await refusal(correctCell({ db, actor: actor(), layerKey: 'corrections-2025', correction: buildCorrection({ action: 'A5' }) }))).toMatch(new RegExp(`^${status} `));
    expect(await refusal(createLayer({ db, actor: actor(), layer: { key: 'mine', name: 'Mine', description: 'Mine.' } }))).toMatch(new RegExp(`^${status} `));
  });

  it.each([
    ['anonymous', () => anyone, () => people.verified.id, '401 auth.unauthorized'],
    ['a member', () => people.member, () => people.verified.id, '403 toolkit.proposal.not-allowed'],
    ['an unverified supporter’s representative', () => people.unverifiedRep, () => people.unverified.id, '403 toolkit.proposal.not-allowed'],
    ['a representative of another supporter', () => people.unverifiedRep, () => people.verified.id, '403 toolkit.proposal.not-allowed'],
  ])('%s may not propose', async (_name, actor, supporter, expected) => {
    const db = t.database.db;
    const before = (await db.select({ n: count() }).from(toolkitProposals))[0]!.n;
    const outcome = await refusal(proposeChange({ db, actor: actor(), layerKey: 'corrections-2025', supporterId: supporter(), kind: 'cell', correction: buildCorrection() }));
    expect(outcome.split(' ')[0]).toBe(expected.split(' ')[0]);
    if (expected.includes('toolkit')) expect(outcome).toBe(expected);
    expect((await db.select({ n: count() }).from(toolkitProposals))[0]!.n).toBe(before);
  });
});

describe('proposals and their moderation', () => {
  it('a verified representative proposes a framework; accepting applies it credited to the supporter, and e-mails the proposer in French', async () => {
    const db = t.database.db;
    const proposal = await proposeChange({ db, actor: people.verifiedRep, layerKey: 'corrections-2025', supporterId: people.verified.id, kind: 'framework', framework: buildFramework({ name: 'NIS 2 Directive' }) });
    expect(proposal.status).toBe('pending');
    expect((await getLayer({ db, key: 'corrections-2025' })).frameworks.map((f) => f.framework.name)).not.toContain('NIS 2 Directive');
    expect(await refusal(acceptProposal({ db, actor: people.verifiedRep, proposalId: proposal.id, note: null, publicUrl: 'https://pariscall.example' }))).toBe('403 auth.forbidden');

    await acceptProposal({ db, actor: people.moderator, proposalId: proposal.id, note: null, publicUrl: 'https://pariscall.example' });
    const added = (await getLayer({ db, key: 'corrections-2025' })).frameworks.find((f) => f.framework.name === 'NIS 2 Directive');
    expect(added?.author).toEqual({ kind: 'supporter', name: people.verified.name });
    const [decided] = await db.select().from(toolkitProposals).where(eq(toolkitProposals.id, proposal.id));
    expect(decided).toMatchObject({ status: 'accepted', decidedBy: `user:${people.moderator.userId}`, proposedBy: `user:${people.verifiedRep.userId}` });
    const trail = await db.select().from(auditLog).where(eq(auditLog.subject, added!.framework.id));
    expect(trail[0]).toMatchObject({ actor: `user:${people.moderator.userId}`, action: 'toolkit.layer.add-framework' });
    expect(trail[0]!.details).toMatchObject({ author: `user:${people.verifiedRep.userId}`, proposal: proposal.id });
    expect((await db.select().from(auditLog).where(eq(auditLog.subject, proposal.id))).map((row) => row.action).sort()).toEqual(['toolkit.proposal.accept', 'toolkit.proposal.create']);

    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => m.subject === 'Votre proposition est acceptée : NIS 2 Directive');
    expect(JSON.stringify(mail.to)).toContain('rep@verified.example');
    expect(mail.text).toContain('https://pariscall.example/fr/toolkit/layers/corrections-2025');
  });

  it('rejecting leaves the layer as it was, keeps the note, e-mails it; a second decision is refused', async () => {
    const db = t.database.db;
    const proposal = await proposeChange({ db, actor: people.verifiedRep, layerKey: 'corrections-2025', supporterId: people.verified.id, kind: 'cell', correction: buildCorrection({ action: 'A7', status: 'quoted', quotation: 'Some text', reason: 'Found in annex' }) });
    const before = (await db.select({ n: count() }).from(toolkitCellCorrections))[0]!.n;
    await rejectProposal({ db, actor: people.moderator, proposalId: proposal.id, note: 'The annex is not binding.', publicUrl: 'https://pariscall.example' });
    expect((await db.select({ n: count() }).from(toolkitCellCorrections))[0]!.n).toBe(before);
    const [decided] = await db.select().from(toolkitProposals).where(eq(toolkitProposals.id, proposal.id));
    expect(decided).toMatchObject({ status: 'rejected', decisionNote: 'The annex is not binding.' });
    expect(await refusal(acceptProposal({ db, actor: people.moderator, proposalId: proposal.id, note: null, publicUrl: 'https://pariscall.example' }))).toBe('409 toolkit.proposal.decided');
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => (m.subject ?? '').startsWith('Votre proposition est déclinée'));
    expect(mail.text).toContain('The annex is not binding.');
  });

  it('an accepted correction is written with the proposer as its author', async () => {
    const db = t.database.db;
    const proposal = await proposeChange({ db, actor: people.verifiedRep, layerKey: 'corrections-2025', supporterId: people.verified.id, kind: 'cell', correction: buildCorrection({ action: 'A9', reason: 'Not in the text' }) });
    await acceptProposal({ db, actor: people.moderator, proposalId: proposal.id, note: 'Thank you.', publicUrl: 'https://pariscall.example' });
    const [row] = await db.select().from(toolkitCellCorrections).where(eq(toolkitCellCorrections.actionCode, 'A9'));
    expect(row).toMatchObject({ createdBy: `user:${people.verifiedRep.userId}`, reason: 'Not in the text' });
  });
});
