/**
 * The working groups as pages, the API and other modules read them. Exported read functions (`findGroupBySlug`,
 * `findGroupById`, `listGroups`) serve consultations, events and notifications; the others serve this module's pages,
 * and those that show members-only parts or the co-chairs' page authorize first.
 */
import type { Actor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import { holds } from '../../app/authz/rules.js';
import type { Executor } from '../../app/database/database.js';
import { getUser } from '../../app/auth/users.js';
import { readStoredFile } from '../../app/files/files.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import { documentNotFound, groupNotFound } from './groups.errors.js';
import { groupsPolicies } from './groups.policies.js';
import { createGroupsRepository, type GroupCoChairRow, type GroupDocumentRow, type GroupDocumentVersionRow, type GroupMembershipRow, type GroupNewsRow } from './groups.repository.js';
import type { GroupRow } from './groups.tables.js';

export type Group = GroupRow;

/** The group at `/groups/<slug>`, or null. */
export async function findGroupBySlug(db: Executor, slug: string): Promise<Group | null> {
  // Whatever came in the address: no group has any other shape (and PostgreSQL refuses a NUL byte with an error).
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return (await createGroupsRepository(db).findBySlug(slug)) ?? null;
}

export async function findGroupById(db: Executor, id: string): Promise<Group | null> {
  return (await createGroupsRepository(db).findById(id)) ?? null;
}

/** Every group, the Call's numbered ones first. */
export async function listGroups(db: Executor): Promise<Group[]> {
  return createGroupsRepository(db).list();
}

/** A co-chair organisation: its registry entry (slug) when it has one, else its name only. */
export interface CoChair {
  name: GroupCoChairRow['name'];
  supporterSlug: string | null;
}

/** An organisation taking part as a member (no person is named publicly). */
export interface MemberOrganisation {
  name: string;
  supporterSlug: string;
  since: Date | null;
}

export interface GroupSummary {
  group: Group;
  coChairs: CoChair[];
  members: number;
  documents: number;
}

async function coChairsByGroup(db: Executor, groupIds: string[]): Promise<Map<string, CoChair[]>> {
  const rows = await createGroupsRepository(db).coChairsOf(groupIds);
  const supporters = new Map((await listSupportersByIds(db, [...new Set(rows.flatMap((r) => (r.supporterId ? [r.supporterId] : [])))])).map((s) => [s.id, s]));
  const out = new Map<string, CoChair[]>();
  for (const row of rows) {
    const list = out.get(row.groupId) ?? [];
    list.push({ name: row.name, supporterSlug: (row.supporterId && supporters.get(row.supporterId)?.slug) || null });
    out.set(row.groupId, list);
  }
  return out;
}

/** The member organisations of the groups' accepted memberships, per group (one line per organisation). */
async function memberOrganisations(db: Executor, groupIds?: string[]): Promise<Map<string, MemberOrganisation[]>> {
  const rows = (await createGroupsRepository(db).acceptedMemberships(groupIds)).filter((m) => m.role === 'member' && m.supporterId);
  const supporters = new Map((await listSupportersByIds(db, [...new Set(rows.map((r) => r.supporterId!))])).map((s) => [s.id, s]));
  const out = new Map<string, MemberOrganisation[]>();
  for (const row of rows) {
    const supporter = supporters.get(row.supporterId!);
    const list = out.get(row.groupId) ?? [];
    if (!supporter || list.some((o) => o.supporterSlug === supporter.slug)) continue;
    list.push({ name: supporter.name, supporterSlug: supporter.slug, since: row.decidedAt });
    out.set(row.groupId, list);
  }
  return out;
}

/** Every group with its co-chairs and counts (the groups page, the API's list). */
export async function groupsOverview(input: { db: Executor; page?: number; pageSize?: number }): Promise<{ groups: GroupSummary[]; total: number }> {
  const repository = createGroupsRepository(input.db);
  const pageSize = input.pageSize ?? 100;
  const { rows, total } = await repository.page(((input.page ?? 1) - 1) * pageSize, pageSize);
  const ids = rows.map((g) => g.id);
  const [coChairs, members, documents] = await Promise.all([coChairsByGroup(input.db, ids), memberOrganisations(input.db, ids), repository.countPublicDocuments()]);
  return {
    total,
    groups: rows.map((group) => ({ group, coChairs: coChairs.get(group.id) ?? [], members: members.get(group.id)?.length ?? 0, documents: documents.get(group.id) ?? 0 })),
  };
}

export interface DocumentWithVersions {
  document: GroupDocumentRow;
  versions: GroupDocumentVersionRow[];
}

/** What the visitor is in the group, for the page to show the right parts and buttons. */
export interface Viewer {
  signedIn: boolean;
  seesMembersPart: boolean;
  chairs: boolean;
  mayPublish: boolean;
  membership: GroupMembershipRow | null;
  secretariat: boolean;
}

export interface GroupSpace {
  group: Group;
  coChairs: CoChair[];
  members: MemberOrganisation[];
  documents: DocumentWithVersions[];
  news: GroupNewsRow[];
  viewer: Viewer;
}

/** A group's page: public parts for everyone, members-only documents and news for those who may see them. */
export async function groupSpace(input: { db: Executor; actor: Actor; slug: string }): Promise<GroupSpace> {
  const repository = createGroupsRepository(input.db);
  const group = await repository.findBySlug(input.slug);
  if (!group) throw groupNotFound();
  const seesMembers = can(input.actor, groupsPolicies.viewMembersPart, group);
  const [coChairs, members, documents, news] = await Promise.all([
    coChairsByGroup(input.db, [group.id]),
    memberOrganisations(input.db, [group.id]),
    repository.documentsOf(group.id, seesMembers),
    repository.newsOf(group.id, seesMembers),
  ]);
  const versions = await repository.versionsOf(documents.map((d) => d.id));
  const membership = input.actor.kind === 'user' ? ((await repository.openMembershipOf(group.id, input.actor.userId)) ?? null) : null;
  return {
    group,
    coChairs: coChairs.get(group.id) ?? [],
    members: members.get(group.id) ?? [],
    documents: documents.map((document) => ({ document, versions: versions.filter((v) => v.documentId === document.id) })),
    news,
    viewer: {
      signedIn: input.actor.kind === 'user',
      seesMembersPart: seesMembers,
      chairs: can(input.actor, groupsPolicies.chair, group),
      mayPublish: can(input.actor, groupsPolicies.publish, group),
      membership,
      secretariat: can(input.actor, groupsPolicies.administer, undefined),
    },
  };
}

/** A request or participation as the co-chairs see it: the person's name (or address, to answer) and organisation. */
export interface ManagedParticipation {
  membership: GroupMembershipRow;
  person: string;
  organisation: string | null;
}

/** The co-chairs' page: waiting requests, current members and observers, the documents to version. */
export async function chairSpace(input: { db: Executor; actor: Actor; slug: string }) {
  const space = await groupSpace(input);
  authorize(input.actor, groupsPolicies.chair, space.group);
  const repository = createGroupsRepository(input.db);
  const rows = await repository.membershipsOf(space.group.id, ['requested', 'accepted']);
  const supporters = new Map((await listSupportersByIds(input.db, [...new Set(rows.flatMap((r) => (r.supporterId ? [r.supporterId] : [])))])).map((s) => [s.id, s.name]));
  const people: ManagedParticipation[] = [];
  for (const membership of rows) {
    const user = await getUser(input.db, membership.userId);
    people.push({ membership, person: user?.name || user?.email || membership.userId, organisation: membership.supporterId ? (supporters.get(membership.supporterId) ?? null) : null });
  }
  return { ...space, requests: people.filter((p) => p.membership.state === 'requested'), participants: people.filter((p) => p.membership.state === 'accepted') };
}

/** The organisations the actor represents (for the join form's choice). */
export async function representedOrganisations(input: { db: Executor; actor: Actor }): Promise<Array<{ id: string; name: string }>> {
  if (input.actor.kind !== 'user') return [];
  const ids = input.actor.grants.filter((g) => g.role === 'representative').map((g) => g.scopeId);
  return (await listSupportersByIds(input.db, ids)).map((s) => ({ id: s.id, name: s.name })).filter((s) => holds(input.actor, 'representative', s.id));
}

/** A document version's file in one language, for who may have it (404 otherwise: a members-only document is not told). */
export async function documentFile(input: { db: Executor; actor: Actor; slug: string; documentId: string; number: number; language: 'en' | 'fr' }) {
  const repository = createGroupsRepository(input.db);
  const group = await repository.findBySlug(input.slug);
  if (!group) throw groupNotFound();
  const document = await repository.findDocument(group.id, input.documentId);
  if (!document || (document.visibility === 'members' && !can(input.actor, groupsPolicies.viewMembersPart, group))) throw documentNotFound();
  const version = await repository.findVersion(document.id, input.number);
  const file = version?.files[input.language];
  const stored = file ? await readStoredFile(input.db, file.sha256) : undefined;
  if (!file || !stored) throw documentNotFound();
  return { file: stored, name: file.name, audience: document.visibility === 'public' ? ('public' as const) : ('private' as const) };
}

/** One line per organisation and group: no person, no contact (the memberships CSV). */
export interface MembershipLine {
  group: string;
  organisation: string;
  supporterSlug: string;
  role: 'member';
  since: Date | null;
}

export async function membershipLines(input: { db: Executor; slug?: string }): Promise<MembershipLine[]> {
  const groups = await createGroupsRepository(input.db).list();
  const chosen = input.slug ? groups.filter((g) => g.slug === input.slug) : groups;
  if (input.slug && chosen.length === 0) throw groupNotFound();
  const members = await memberOrganisations(input.db, chosen.map((g) => g.id));
  return chosen.flatMap((g) => (members.get(g.id) ?? []).map((m) => ({ group: g.slug, organisation: m.name, supporterSlug: m.supporterSlug, role: 'member' as const, since: m.since })));
}
