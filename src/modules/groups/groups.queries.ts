/**
 * The working groups as other modules read them (consultations and events are held in a group, digests are sent per
 * group): exported read functions, so no other module touches the groups' tables.
 */
import type { Executor } from '../../app/database/database.js';
import { createGroupsRepository } from './groups.repository.js';
import type { GroupRow } from './groups.tables.js';

export type Group = GroupRow;

/** The group at `/groups/<slug>`, or null. */
export async function findGroupBySlug(db: Executor, slug: string): Promise<Group | null> {
  return (await createGroupsRepository(db).findBySlug(slug)) ?? null;
}

export async function findGroupById(db: Executor, id: string): Promise<Group | null> {
  return (await createGroupsRepository(db).findById(id)) ?? null;
}

/** Every group, the Call's numbered ones first. */
export async function listGroups(db: Executor): Promise<Group[]> {
  return createGroupsRepository(db).list();
}
