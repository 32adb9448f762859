/**
 * Write use cases other modules call to change the registry: publish a supporter approved on the platform, apply an
 * approved edit, record what the secretariat verified, withdraw an entry. Each runs inside the caller's transaction (so the moderation decision and the
 * registry change commit together) and records an audit entry; callers emit `registry.changed` after the commit.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { foldText } from '../../shared/text.js';
import type { SupporterCategory, VerificationLevel } from './supporters.constants.js';
import { buildSearchText, joinedOn, natureKey, nextVerification, sortName, verificationLevelFor, type VerificationEvidence } from './supporters.models.js';
import { supporterPolicies } from './supporters.policies.js';
import { createSupportersRepository } from './supporters.repository.js';
import type { SupporterRow } from './supporters.tables.js';

/** The fields a supporter controls and the public sees. */
export interface PublicSupporterFields {
  name: string;
  category: SupporterCategory;
  countryCode: string | null;
  nature: string | null;
  website: string | null;
  twitter: string | null;
  linkedin: string | null;
  statement: string;
  statementLocale: string | null;
}

/** The public fields of any row that carries them (an application, an entry), as the registry's write use cases take them. */
export function publicFieldsOf(row: { [K in keyof PublicSupporterFields]: K extends 'category' ? string | null : PublicSupporterFields[K] }): PublicSupporterFields {
  return {
    name: row.name,
    category: row.category as SupporterCategory,
    countryCode: row.countryCode,
    nature: row.nature,
    website: row.website,
    twitter: row.twitter,
    linkedin: row.linkedin,
    statement: row.statement,
    statementLocale: row.statementLocale,
  };
}

interface Change {
  /** Who makes the change: authorized here, and named in the audit entry. */
  actor: Actor;
  reason?: string | null;
  /** What caused it (an application id), kept in the audit entry. */
  cause?: string;
}

/** `<name>-<category>-<ISO3>` like the official file names, made unique with a numeric suffix. */
async function uniqueSlug(db: Executor, fields: PublicSupporterFields): Promise<string> {
  const stem = foldText(fields.name).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '') || 'supporter';
  const base = `${stem}-${fields.category}${fields.countryCode ? `-${fields.countryCode}` : ''}`;
  const taken = new Set(await createSupportersRepository(db).slugsStartingWith(base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function derivedColumns(fields: PublicSupporterFields) {
  return {
    natureKey: natureKey(fields.nature),
    sourceCountryCode: fields.countryCode,
    searchText: buildSearchText(fields),
    sortName: sortName(fields.name),
  };
}

/** Publishes a new supporter, signed today (UTC); returns its id and public slug. */
export async function publishSupporter(
  db: Executor,
  fields: PublicSupporterFields,
  change: Change & { signedOn?: string },
): Promise<Pick<SupporterRow, 'id' | 'slug'>> {
  authorize(change.actor, supporterPolicies.publish, undefined);
  const signedOn = change.signedOn ?? new Date().toISOString().slice(0, 10);
  const slug = await uniqueSlug(db, fields);
  const row = await createSupportersRepository(db).insertOne({
    slug,
    ...fields,
    ...derivedColumns(fields),
    dateSigned: signedOn,
    ...joinedOn({ dateSigned: signedOn, firstSeen: null }),
    status: 'published',
    // The floor for an entry approved here; recordSupporterVerification raises it to what the evidence proved.
    verificationLevel: 'secretariat-review',
    verifiedOn: signedOn,
    source: change.cause ? `platform:${change.cause}` : 'platform',
    platformChange: 'joined',
    platformChangedAt: new Date(),
  });
  await recordAudit(db, { actor: actorRef(change.actor), action: 'supporters.publish', subject: row.id, reason: change.reason ?? null, details: { slug, cause: change.cause } });
  return row;
}

/**
 * Replaces a published supporter's public fields (an approved edit); the slug stays, so links keep working. The entry is
 * marked as edited on the platform (unless it joined here), so a later import of the official source keeps the edit.
 */
export async function updateSupporterFields(db: Executor, supporterId: string, fields: PublicSupporterFields, change: Change): Promise<void> {
  authorize(change.actor, supporterPolicies.update, undefined);
  const repository = createSupportersRepository(db);
  const before = await repository.findById(supporterId);
  if (!before) throw new Error(`no supporter ${supporterId}`);
  await repository.updateById(supporterId, {
    ...fields,
    ...derivedColumns(fields),
    sourceCountryCode: fields.countryCode ?? before.sourceCountryCode,
    platformChange: before.platformChange ?? 'edited',
    platformChangedAt: new Date(),
  });
  const changed = (Object.keys(fields) as Array<keyof PublicSupporterFields>).filter((key) => before[key] !== fields[key]);
  await recordAudit(db, { actor: actorRef(change.actor), action: 'supporters.update', subject: supporterId, reason: change.reason ?? null, details: { changed, cause: change.cause } });
}

/**
 * Takes an entry out of the public registry. The row stays with its withdrawal date: the public history shows a
 * dated "withdrawn" record (name, category, country, dates; nothing personal). Returns false if it was not published.
 */
export async function withdrawSupporter(db: Executor, supporterId: string, change: Change & { on?: string }): Promise<boolean> {
  authorize(change.actor, supporterPolicies.withdraw, { supporterId });
  const on = change.on ?? new Date().toISOString().slice(0, 10);
  if (!(await createSupportersRepository(db).withdrawPublished(supporterId, on))) return false;
  await recordAudit(db, { actor: actorRef(change.actor), action: 'supporters.withdraw', subject: supporterId, reason: change.reason ?? null, details: { on, cause: change.cause } });
  return true;
}

/**
 * Records that an entry imported from the official source now has approved representatives (a claim): from then on the
 * platform, not the source, holds its truth, and imports keep it as it is.
 */
export async function markSupporterClaimed(db: Executor, supporterId: string, change: Change): Promise<void> {
  authorize(change.actor, supporterPolicies.markClaimed, undefined);
  await createSupportersRepository(db).updateById(supporterId, { platformChange: 'claimed', platformChangedAt: new Date() });
  await recordAudit(db, { actor: actorRef(change.actor), action: 'supporters.claim', subject: supporterId, reason: change.reason ?? null, details: { cause: change.cause } });
}

/**
 * What an application proved, read from the record the moderation keeps of it: the note verbale reference, and the
 * signals the platform checked (only a `pass` counts). Structural, so the registry needs nothing else of that module.
 */
export function verificationEvidenceOf(application: { noteVerbale: string | null; signals: ReadonlyArray<{ kind: string; status: string }> }): VerificationEvidence {
  const passed = (kind: string) => application.signals.some((signal) => signal.kind === kind && signal.status === 'pass');
  return {
    noteVerbale: Boolean(application.noteVerbale?.trim()),
    websiteCode: passed('well-known') || passed('dns-txt'),
    emailDomain: passed('email-domain'),
  };
}

/**
 * Records, on approval of a join or a claim, the strongest verification level the secretariat's evidence supports,
 * dated `on` (default today, UTC). An entry already holding a level at least as strong keeps it. Only the level and the
 * day become public; the evidence stays with the application. Returns the level the entry now has.
 */
export async function recordSupporterVerification(
  db: Executor,
  supporterId: string,
  evidence: VerificationEvidence,
  change: Change & { on?: string },
): Promise<SupporterRow['verificationLevel']> {
  authorize(change.actor, supporterPolicies.verify, undefined);
  const repository = createSupportersRepository(db);
  const before = await repository.findById(supporterId);
  if (!before) throw new Error(`no supporter ${supporterId}`);
  const current = { level: before.verificationLevel as VerificationLevel, on: before.verifiedOn };
  const next = nextVerification(current, { level: verificationLevelFor(evidence), on: change.on ?? new Date().toISOString().slice(0, 10) });
  if (next !== current) await repository.updateById(supporterId, { verificationLevel: next.level, verifiedOn: next.on });
  await recordAudit(db, {
    actor: actorRef(change.actor),
    action: 'supporters.verify',
    subject: supporterId,
    reason: change.reason ?? null,
    details: { level: next.level, on: next.on, previous: before.verificationLevel, cause: change.cause },
  });
  return next.level;
}

/** A supporter's current public fields, for edit forms and moderation diffs. */
export async function getSupporterForEdit(db: Executor, supporterId: string): Promise<SupporterRow | undefined> {
  return createSupportersRepository(db).findById(supporterId);
}

/** An entry by its public slug, whatever its status (a claim names the entry it is about by slug). */
export async function getSupporterBySlug(db: Executor, slug: string): Promise<SupporterRow | undefined> {
  return createSupportersRepository(db).findBySlug(slug);
}

/** Published supporters by id, for lists of a representative's organisations. */
export async function listSupportersByIds(db: Executor, ids: string[]): Promise<SupporterRow[]> {
  return createSupportersRepository(db).findByIds(ids);
}

/** Entries whose name matches, for the secretariat's "find an entry to manage"; any status, newest decision first. */
export async function findSupportersByName(db: Executor, query: string, limit = 30): Promise<SupporterRow[]> {
  const terms = foldText(query).split(' ').filter(Boolean).slice(0, 6);
  if (terms.length === 0) return [];
  return createSupportersRepository(db).findByNameTerms(terms, limit);
}
