import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../app/audit/audit.tables.js';
import { anonymous, systemActor, type Actor } from '../../../app/authz/actor.js';
import type { DatabaseHandle } from '../../../app/database/database.js';
import { createTestDatabase } from '../../../app/database/test-utils.js';
import { EventBus } from '../../../app/events/events.js';
import { referenceDir } from '../../../app/reference/reference.js';
import { normsReference } from '../norms.reference.js';
import { normFormSchema } from '../norms.schemas.js';
import { editNormText, getNorm } from '../norms.usecases.js';
import { crosswalkReference } from './crosswalk.reference.js';
import { newLinkFormSchema, rationaleFormSchema } from './crosswalk.schemas.js';
import {
  addCrosswalkLink,
  crosswalkForNorm,
  editCrosswalkLink,
  getCrosswalkLink,
  importCrosswalk,
  isCrosswalkEmpty,
  listCrosswalk,
  removeCrosswalkLink,
} from './crosswalk.usecases.js';

function user(role: 'member' | 'moderator', method: 'passkey' | 'email-link' = 'passkey'): Actor {
  return { kind: 'user', userId: `usr_${role}`, email: `${role}@example.org`, name: null, role, locale: 'en', sessionId: 'ses_1', method, grants: [] };
}
const secretariat = user('moderator');
const refusals: Array<[string, Actor, object]> = [
  ['a visitor', anonymous, { status: 401 }],
  ['a member', user('member'), { status: 403, code: 'auth.forbidden' }],
  ['a moderator without a passkey', user('moderator', 'email-link'), { status: 403, code: 'auth.passkey-required' }],
];

let database: DatabaseHandle;
const changes: string[] = [];
const events = new EventBus();
events.on('registry.changed', 'test.record', ({ reason }) => changes.push(reason));
const audits = async (action: string) => database.db.select().from(auditLog).where(eq(auditLog.action, action));
const link = (principle: number, norm: string, en: string, fr?: string) => newLinkFormSchema.parse({ principle: String(principle), norm, rationaleEn: en, rationaleFr: fr });

beforeAll(async () => {
  database = await createTestDatabase();
  const norms = await normsReference.read(referenceDir);
  const crosswalk = await crosswalkReference.read(referenceDir);
  await database.db.transaction(async (tx) => {
    await normsReference.load(tx, norms, 'test');
    expect(await crosswalkReference.isEmpty(tx)).toBe(true);
    expect(await crosswalkReference.load(tx, crosswalk, 'test')).toEqual({ links: 16 });
  });
});
afterAll(async () => database.close());

describe('the crosswalk as imported from the reference bundle', () => {
  it('holds the 16 links of the WG4 report, with their pages, principle 6 linked to 13(i) and 13(j)', async () => {
    const { items, total } = await listCrosswalk({ db: database.db });
    expect(total).toBe(16);
    expect(items.filter((l) => l.principleNumber === 6).map((l) => [l.normCode, l.source?.page])).toEqual([['13i', 18], ['13j', 20]]);
    expect((await crosswalkForNorm({ db: database.db, normCode: '13i' })).map((l) => l.principleNumber)).toEqual([5, 6]);
    expect(await isCrosswalkEmpty({ db: database.db })).toBe(false);
  });
});

describe('the secretariat keeps the crosswalk', () => {
  it.each(refusals)('refuses %s adding, editing or removing a link, and nothing changes', async (_who, actor, refusal) => {
    const before = (await listCrosswalk({ db: database.db })).items;
    await expect(addCrosswalkLink({ db: database.db, actor, events, link: link(7, '13g', 'Hygiene protects.') })).rejects.toMatchObject(refusal);
    await expect(editCrosswalkLink({ db: database.db, actor, events, principleNumber: 6, normCode: '13i', rationale: rationaleFormSchema.parse({ rationaleEn: 'Changed.' }) })).rejects.toMatchObject(refusal);
    await expect(removeCrosswalkLink({ db: database.db, actor, events, principleNumber: 6, normCode: '13i' })).rejects.toMatchObject(refusal);
    await expect(importCrosswalk({ db: database.db, actor, links: [] })).rejects.toMatchObject(refusal);
    expect((await listCrosswalk({ db: database.db })).items).toEqual(before);
    expect(await audits('norms.crosswalk.add')).toEqual([]);
  });

  it('adds a link written on the platform (no report page), audited, and says when the pair is linked already or the norm unknown', async () => {
    changes.length = 0;
    const added = await addCrosswalkLink({ db: database.db, actor: secretariat, events, link: link(7, '13g', 'Cyber hygiene protects critical infrastructure.') });
    expect(added).toMatchObject({ principleNumber: 7, normCode: '13g', rationale: { en: 'Cyber hygiene protects critical infrastructure.' }, source: null, editedBy: 'user:usr_moderator' });
    expect(await audits('norms.crosswalk.add')).toEqual([expect.objectContaining({ actor: 'user:usr_moderator', subject: 'crosswalk:7/13g' })]);
    expect(changes).toEqual(['crosswalk']);
    await expect(addCrosswalkLink({ db: database.db, actor: secretariat, events, link: link(6, '13i', 'Again.') })).rejects.toMatchObject({ code: 'norms.crosswalk.exists', status: 409 });
    // A norm the database does not hold (as if the norms were never loaded) is refused before anything is written.
    await expect(addCrosswalkLink({ db: database.db, actor: secretariat, link: { ...link(7, '13k', 'Teams.'), norm: '13l' } })).rejects.toMatchObject({ code: 'norms.crosswalk.unknown-norm' });
    expect((await listCrosswalk({ db: database.db })).total).toBe(17);
    expect(await audits('norms.crosswalk.add')).toHaveLength(1);
  });

  it('edits a rationale (the report page stays), with before and after in the audit log; an import then keeps the edit', async () => {
    const edited = await editCrosswalkLink({
      db: database.db,
      actor: secretariat,
      events,
      principleNumber: 6,
      normCode: '13i',
      rationale: rationaleFormSchema.parse({ rationaleEn: '  The supply chain norm.  ', rationaleFr: '' }),
    });
    expect(edited).toMatchObject({ rationale: { en: 'The supply chain norm.' }, source: { document: 'WG4-Final-Report-101121', page: 18 }, editedBy: 'user:usr_moderator' });
    expect(edited.rationale.fr).toBeUndefined();
    const [entry] = await audits('norms.crosswalk.edit');
    expect(entry).toMatchObject({ subject: 'crosswalk:6/13i', details: { after: { en: 'The supply chain norm.' }, before: { en: expect.stringMatching(/^After supply-chain attacks/) } } });

    const bundle = await crosswalkReference.read(referenceDir);
    const renewed = bundle.map((l) => (l.principleNumber === 6 || l.principleNumber === 5 ? { ...l, rationale: { en: `${l.rationale.en} (revised)`, fr: l.rationale.fr } } : l));
    const report = await importCrosswalk({ db: database.db, actor: systemActor('cli:test'), links: renewed });
    expect(report).toEqual({ added: [], updated: ['5/13i', '5/13j', '6/13j'], kept: ['6/13i'] });
    expect((await getCrosswalkLink({ db: database.db, principleNumber: 6, normCode: '13i' })).rationale).toEqual({ en: 'The supply chain norm.' });
    expect((await getCrosswalkLink({ db: database.db, principleNumber: 6, normCode: '13j' })).rationale.en).toMatch(/\(revised\)$/);
    // The link added on the platform is not in the bundle: an import leaves it too.
    expect((await listCrosswalk({ db: database.db })).total).toBe(17);
  });

  it('removes a link with a ticked confirmation, keeping what it said in the audit log; a removed crosswalk is not loaded again', async () => {
    await removeCrosswalkLink({ db: database.db, actor: secretariat, events, principleNumber: 7, normCode: '13g' });
    expect(await audits('norms.crosswalk.remove')).toEqual([expect.objectContaining({ subject: 'crosswalk:7/13g', details: { rationale: { en: 'Cyber hygiene protects critical infrastructure.' }, source: null } })]);
    await expect(removeCrosswalkLink({ db: database.db, actor: secretariat, principleNumber: 7, normCode: '13g' })).rejects.toMatchObject({ status: 404 });
    for (const l of (await listCrosswalk({ db: database.db })).items) await removeCrosswalkLink({ db: database.db, actor: secretariat, principleNumber: l.principleNumber, normCode: l.normCode });
    expect((await listCrosswalk({ db: database.db })).total).toBe(0);
    // Emptied by the secretariat, not never loaded: a restart must not bring the links back.
    expect(await crosswalkReference.isEmpty(database.db)).toBe(false);
  });
});

describe('the secretariat edits a norm\'s text', () => {
  const form = (values: Record<string, string>) => normFormSchema.safeParse(values);

  it('refuses bad input with a catalog key per field, before anything is written', () => {
    const missing = form({ en: '   ', fr: 'Les États…' });
    expect(missing.success).toBe(false);
    // Every field's problem at once: the French's wording and source are asked for even while the English is missing.
    expect(missing.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['en', 'norm.error.required'],
      ['frWording', 'norm.error.frWording'],
      ['frSource', 'norm.error.frSource'],
    ]);
    const unsourced = form({ en: 'States should.', fr: 'Les États…' });
    expect(unsourced.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['frWording', 'norm.error.frWording'],
      ['frSource', 'norm.error.frSource'],
    ]);
    expect(form({ en: 'States\u0000 should.' }).error?.issues[0]?.message).toBe('norm.error.control');
    expect(form({ en: 'x'.repeat(2001) }).error?.issues[0]?.message).toBe('norm.error.tooLong');
  });

  it.each(refusals)('refuses %s, and the norm stays as imported', async (_who, actor, refusal) => {
    await expect(editNormText({ db: database.db, actor, code: '13a', form: normFormSchema.parse({ en: 'Changed.' }) })).rejects.toMatchObject(refusal);
    expect((await getNorm({ db: database.db, code: '13a' }))?.editedBy).toBeNull();
  });

  it('saves the UN French text with its source, audited with before and after; a new load of the norms keeps it', async () => {
    changes.length = 0;
    const frText = 'Les États devraient encourager le signalement responsable des vulnérabilités.';
    const saved = await editNormText({
      db: database.db,
      actor: secretariat,
      events,
      code: '13j',
      form: normFormSchema.parse({ en: (await getNorm({ db: database.db, code: '13j' }))!.text.en, fr: frText, frWording: 'un', frSource: 'A/70/174, version française, par. 13 j)' }),
    });
    expect(saved).toMatchObject({ text: { fr: frText }, frWording: 'un', sources: { en: 'UN A/70/174 (22 July 2015), para. 13(j)', fr: 'A/70/174, version française, par. 13 j)' }, editedBy: 'user:usr_moderator' });
    const [entry] = await database.db.select().from(auditLog).where(like(auditLog.subject, 'norm:%'));
    expect(entry).toMatchObject({ action: 'norms.edit', subject: 'norm:13j', details: { before: { frWording: 'g7' }, after: { frWording: 'un' } } });
    expect(changes).toEqual(['norms-edit']);
    const again = await normsReference.load(database.db, await normsReference.read(referenceDir), 'test');
    expect(again).toEqual({ norms: 0 });
    expect((await getNorm({ db: database.db, code: '13j' }))?.text.fr).toBe(frText);
  });

  it('removes the French when it is emptied, with whose wording it was', async () => {
    const saved = await editNormText({ db: database.db, actor: secretariat, code: '13k', form: normFormSchema.parse({ en: 'States should not harm teams.', fr: '', frWording: 'g7', frSource: 'ignored' }) });
    expect(saved).toMatchObject({ text: { en: 'States should not harm teams.' }, frWording: null, sources: { en: 'UN A/70/174 (22 July 2015), para. 13(k)' } });
    expect(saved.text.fr).toBeUndefined();
    expect(saved.sources.fr).toBeUndefined();
  });
});
