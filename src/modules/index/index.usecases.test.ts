import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../app/audit/audit.tables.js';
import type { Actor } from '../../app/authz/actor.js';
import type { DatabaseHandle } from '../../app/database/database.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import { AppError } from '../../app/http/errors.js';
import { computeSnapshot, editionConfigOf, type EditionInputs } from './index.compute.js';
import { indexEditions } from './index.tables.js';
import { fixtureTable } from './index.usecases.test-support.js';
import {
  createDraftEdition, getPublishedEdition, listPublishedEditions, previewEdition, publishEdition, updateDraftConfig, type CreateDraftInput,
} from './index.usecases.js';

const secretariat: Actor = { kind: 'user', userId: 'usr_sec', email: 'sec@example.org', name: null, role: 'moderator', locale: 'en', sessionId: 'ses_1', method: 'passkey', grants: [] };
const member: Actor = { ...secretariat, userId: 'usr_member', role: 'member' };
const moderatorByLink: Actor = { ...secretariat, userId: 'usr_link', method: 'email-link' };

const draft = (slug: string, overrides: Partial<CreateDraftInput> = {}): CreateDraftInput => ({
  slug,
  titles: { en: `Test ${slug}`, fr: `Essai ${slug}` },
  iData: fixtureTable('small-iData.csv'),
  iMeta: fixtureTable('small-iMeta.csv'),
  config: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
  uncertainty: { seed: 7, runs: 256, weightPerturbation: 0.25 },
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let handle: DatabaseHandle;
let deps: { db: DatabaseHandle['db'] };
const editionCount = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(indexEditions))[0]?.n ?? 0;
const auditCount = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(like(auditLog.action, 'index.%')))[0]?.n ?? 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  deps = { db: handle.db };
});
afterAll(async () => handle.close());

describe('index editions: create, preview, publish', () => {
  it('when the secretariat creates, previews and publishes an edition, the snapshot is stored, listed and audited', async () => {
    const { edition } = await createDraftEdition(deps, secretariat, draft('first'));
    expect(edition).toMatchObject({ slug: 'first', status: 'draft', snapshot: null, createdBy: 'user:usr_sec' });
    expect(await listPublishedEditions(deps)).toEqual([]);
    await expect(getPublishedEdition(deps, 'first')).rejects.toMatchObject({ code: 'index.edition.not-found', status: 404 });

    const preview = await previewEdition(deps, secretariat, { slug: 'first' });
    expect(preview.snapshot.rows).toHaveLength(8);
    expect(preview.changes).toEqual({ previous: null, config: [], units: [] });
    expect((await handle.db.select().from(indexEditions).where(eq(indexEditions.slug, 'first')))[0]?.snapshot).toBeNull();

    const published = await publishEdition(deps, secretariat, { slug: 'first', changesNote: { en: 'First edition', fr: 'Première édition' } });
    expect(published.edition).toMatchObject({ status: 'published', publishedBy: 'user:usr_sec', previousEditionId: null, changesNoteFr: 'Première édition' });
    // The published snapshot is the preview: same inputs, same seed.
    expect(published.edition.snapshot).toEqual(preview.snapshot);
    expect((await listPublishedEditions(deps)).map((e) => e.slug)).toEqual(['first']);
    expect((await getPublishedEdition(deps, 'first')).snapshot.top).toBe('Index');
    const actions = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, edition.id));
    expect(actions.map((a) => a.action).sort()).toEqual(['index.edition.create', 'index.edition.publish']);
  });

  it('when a draft’s configuration is updated, the engine checks it first and the change is audited', async () => {
    await createDraftEdition(deps, secretariat, draft('configurable'));
    // min-max 0–100 gives zeros, which a geometric mean refuses: reported with the engine's code, nothing changes
    const error = await refusal(updateDraftConfig(deps, secretariat, { slug: 'configurable', config: { steps: [], aggregate: { method: 'geometric' } } }));
    expect(error).toMatchObject({ code: 'index.edition.invalid', status: 422 });
    expect(error.issues[0]).toMatchObject({ field: 'config', code: 'aggregate.geometric.non_positive' });
    const geometric = { steps: [{ step: 'normalise', method: 'minmax', lower: 1, upper: 100 }], aggregate: { method: 'geometric' } };
    const { edition } = await updateDraftConfig(deps, secretariat, { slug: 'configurable', config: geometric, uncertainty: { seed: 8, runs: 128, weightPerturbation: 0.1 } });
    expect(edition.config).toEqual({ pipeline: geometric, uncertainty: { seed: 8, runs: 128, weightPerturbation: 0.1 } });
    const preview = await previewEdition(deps, secretariat, { slug: 'configurable' });
    expect(preview.snapshot.config.aggregate).toMatchObject({ method: 'geometric' });
    expect(preview.snapshot.uncertainty.seed).toBe(8);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'index.edition.configure'));
    expect(audits).toHaveLength(1);
  });
});

describe('published editions are immutable', () => {
  it('when anyone tries to change a published edition, the use cases refuse and nothing changes', async () => {
    expect(await refusal(updateDraftConfig(deps, secretariat, { slug: 'first', uncertainty: { seed: 1, runs: 128, weightPerturbation: 0 } }))).toMatchObject({ code: 'index.edition.published', status: 409 });
    expect(await refusal(publishEdition(deps, secretariat, { slug: 'first' }))).toMatchObject({ code: 'index.edition.published', status: 409 });
    const [row] = await handle.db.select().from(indexEditions).where(eq(indexEditions.slug, 'first'));
    expect(row?.config.uncertainty.seed).toBe(7);
  });

  it('when SQL updates or deletes a published edition directly, the database refuses', async () => {
    await expect(handle.db.update(indexEditions).set({ titleEn: 'Rewritten' }).where(eq(indexEditions.slug, 'first'))).rejects.toThrow();
    await expect(handle.db.delete(indexEditions).where(eq(indexEditions.slug, 'first'))).rejects.toThrow();
    const [row] = await handle.db.select().from(indexEditions).where(eq(indexEditions.slug, 'first'));
    expect(row?.titleEn).toBe('Test first');
    // A draft stays editable at the SQL level.
    await handle.db.update(indexEditions).set({ titleEn: 'Renamed draft' }).where(eq(indexEditions.slug, 'configurable'));
  });
});

describe('changes between editions', () => {
  it('when a second edition changes a weight and a value, it records the configuration change and the units that moved', async () => {
    const iData = fixtureTable('small-iData.csv');
    iData.rows = iData.rows.map((r) => (r.uCode === 'BBB' && r.Time === '2020' ? { ...r, gci: '95' } : r));
    const iMeta = fixtureTable('small-iMeta.csv');
    iMeta.rows = iMeta.rows.map((r) => (r.iCode === 'gci' ? { ...r, Weight: '1' } : r));
    await createDraftEdition(deps, secretariat, draft('second', { iData, iMeta }));
    const preview = await previewEdition(deps, secretariat, { slug: 'second' });
    const { edition } = await publishEdition(deps, secretariat, { slug: 'second', changesNote: { en: 'GCI weight equalised; Beta 2020 corrected' } });
    expect(edition.changes).toEqual(preview.changes);
    const first = await getPublishedEdition(deps, 'first');
    expect(edition.previousEditionId).toBe(first.id);
    expect(edition.changes?.previous?.slug).toBe('first');
    expect(edition.changes?.config).toEqual([{ path: 'framework.gci.weight', before: 2, after: 1 }]);
    const beta = edition.changes?.units.find((u) => u.unit === 'BBB' && u.time === 2020);
    expect(beta?.score.delta).toBeGreaterThan(0);
    expect(beta?.rank.before).toBe(first.snapshot.rows.find((r) => r.unit === 'BBB' && r.time === 2020)?.ranks.Index);
    const listed = await listPublishedEditions(deps);
    expect(listed.map((e) => [e.slug, e.previousSlug])).toEqual([['second', 'first'], ['first', null]]);
  });
});

/** What a draft's input computes, as the pilot command prepares it before opening the database. */
function inputsOfDraft(input: CreateDraftInput): EditionInputs {
  return { iData: input.iData, iMeta: input.iMeta, source: input.source ?? input.slug, config: editionConfigOf(input), withoutData: { categories: [], indicators: [] } };
}

describe('a snapshot computed before the draft is stored (the pilot command)', () => {
  it('when it was computed from the draft’s own inputs, publication stores it, equal to what it would compute', async () => {
    const input = draft('precomputed');
    const inputs = inputsOfDraft(input);
    const snapshot = computeSnapshot(inputs);
    await createDraftEdition(deps, secretariat, input, { computed: { inputs, snapshot } });
    const preview = await previewEdition(deps, secretariat, { slug: 'precomputed' });
    const { edition } = await publishEdition(deps, secretariat, { slug: 'precomputed', computed: { inputs, snapshot } });
    expect(edition.snapshot).toEqual(preview.snapshot);
    expect(edition.snapshot).toEqual(snapshot);
  });

  it('when it was computed from other inputs, publication computes its own and a draft’s tables are still checked', async () => {
    const other = inputsOfDraft(draft('other', { uncertainty: { seed: 8, runs: 256, weightPerturbation: 0.25 } }));
    const stale = { inputs: other, snapshot: computeSnapshot(other) };
    await createDraftEdition(deps, secretariat, draft('not-precomputed'), { computed: stale });
    const preview = await previewEdition(deps, secretariat, { slug: 'not-precomputed' });
    const { edition } = await publishEdition(deps, secretariat, { slug: 'not-precomputed', computed: stale });
    expect(edition.snapshot).toEqual(preview.snapshot);
    expect(edition.snapshot).not.toEqual(stale.snapshot);

    const bad = draft('bad-precomputed', { iData: fixtureTable('bad-iData.csv') });
    expect(await refusal(createDraftEdition(deps, secretariat, bad, { computed: stale }))).toMatchObject({ code: 'index.edition.invalid', status: 422 });
  });
});

describe('bad input', () => {
  it('when iData and iMeta have errors, every problem is reported with its row and column and nothing is stored', async () => {
    const [editions, audits] = [await editionCount(), await auditCount()];
    const error = await refusal(createDraftEdition(deps, secretariat, draft('bad', { iData: fixtureTable('bad-iData.csv'), iMeta: fixtureTable('bad-iMeta.csv') })));
    expect(error).toMatchObject({ code: 'index.edition.invalid', status: 422 });
    expect(error.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'iData, row 2, column press', code: 'idata.cell.non_numeric' }),
      expect.objectContaining({ field: 'iData, row 4, column uCode', code: 'idata.row.duplicate' }),
    ]));
    expect(error.issues.some((i) => i.field.startsWith('iMeta, row 1'))).toBe(true);
    expect([await editionCount(), await auditCount()]).toEqual([editions, audits]);
  });

  it.each([
    { name: 'a misspelt pipeline option', input: { config: { steps: [{ step: 'treat', winmaks: 3 }] } }, field: 'config.steps.0' },
    { name: 'too few Monte Carlo runs', input: { uncertainty: { seed: 1, runs: 3, weightPerturbation: 0.2 } }, field: 'uncertainty.runs' },
    { name: 'an invalid slug', input: { slug: 'Not A Slug' }, field: 'slug' },
    { name: 'an empty title', input: { titles: { en: ' ', fr: 'Titre' } }, field: 'titles.en' },
  ])('when a draft has $name, it is refused on $field and nothing is stored', async ({ input, field }) => {
    const before = await editionCount();
    const error = await refusal(createDraftEdition(deps, secretariat, { ...draft('refused'), ...input }));
    expect(error.code).toBe('index.edition.invalid');
    expect(error.issues.map((i) => i.field)).toContain(field);
    expect(await editionCount()).toBe(before);
  });

  it('when the slug is taken, the second draft is refused', async () => {
    expect(await refusal(createDraftEdition(deps, secretariat, draft('first')))).toMatchObject({ code: 'index.edition.slug-taken', status: 409 });
  });
});

describe('authorization', () => {
  it.each([
    { who: 'anonymous', actor: { kind: 'anonymous' } as Actor, code: 'auth.unauthorized' },
    { who: 'a member', actor: member, code: 'auth.forbidden' },
    { who: 'a moderator signed in by e-mail link', actor: moderatorByLink, code: 'auth.passkey-required' },
  ])('when $who tries to create, configure, preview or publish, it is refused and nothing changes', async ({ actor, code }) => {
    const [editions, audits] = [await editionCount(), await auditCount()];
    for (const attempt of [
      createDraftEdition(deps, actor, draft('intruder')),
      updateDraftConfig(deps, actor, { slug: 'configurable', config: { steps: [] } }),
      previewEdition(deps, actor, { slug: 'configurable' }),
      publishEdition(deps, actor, { slug: 'configurable' }),
    ]) {
      expect((await refusal(attempt)).code).toBe(code);
    }
    expect([await editionCount(), await auditCount()]).toEqual([editions, audits]);
    const [row] = await handle.db.select().from(indexEditions).where(eq(indexEditions.slug, 'configurable'));
    expect(row?.status).toBe('draft');
  });

  it('when the command line (an operator with database access) publishes, it is recorded under its name', async () => {
    await createDraftEdition(deps, { kind: 'system', ref: 'cli:tester' }, draft('by-cli'));
    const { edition } = await publishEdition(deps, { kind: 'system', ref: 'cli:tester' }, { slug: 'by-cli' });
    expect(edition).toMatchObject({ createdBy: 'cli:tester', publishedBy: 'cli:tester' });
  });
});
