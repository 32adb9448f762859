/** Working groups for tests of the modules that work inside one (consultations, events, notifications). */
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import type { UserActor } from '../../app/authz/actor.js';
import { grantRole } from '../../app/authz/grants.js';
import { supporters } from '../supporters/supporters.tables.js';
import type { Executor } from '../../app/database/database.js';
import { groups, type GroupRow } from './groups.tables.js';

let serial = 0;

/** Inserts a group and grants the given people their roles in it (scoped roles, audited like any grant). */
export async function seedGroup(
  db: Executor,
  options: { slug?: string; number?: number; name?: { en: string; fr: string }; coChairs?: string[]; members?: string[]; observers?: string[] } = {},
): Promise<GroupRow> {
  const slug = options.slug ?? `test-group-${++serial}-${Date.now().toString(36)}`;
  const [group] = await db
    .insert(groups)
    .values({ slug, number: options.number ?? null, name: options.name ?? { en: `Group ${slug}`, fr: `Groupe ${slug}` }, createdBy: 'test:setup' })
    .returning();
  for (const [role, userIds] of [['co-chair', options.coChairs], ['member', options.members], ['observer', options.observers]] as const) {
    for (const userId of userIds ?? []) await grantRole(db, 'test:setup', { userId, role, scopeId: group!.id });
  }
  return group!;
}

/** A signed-in person as the use cases and the HTTP tests need them. */
export interface GroupPerson {
  actor: UserActor;
  cookie: string;
}

/**
 * The people of a group's tests: a co-chair (French), a supporter's representative (English), someone signed in with no
 * role, and a moderator with a passkey; `group` is active, with the co-chair holding the role.
 */
export async function setUpGroupPeople(t: TestApp, options: { slug?: string } = {}): Promise<{ group: GroupRow; supporter: { id: string; name: string; slug: string }; people: Record<'coChair' | 'rep' | 'member' | 'moderator', GroupPerson> }> {
  const db = t.database.db;
  const [supporter] = await db.select().from(supporters).where(eq(supporters.status, 'published')).limit(1);
  const spec: Array<['coChair' | 'rep' | 'member' | 'moderator', string, UserActor['role'], UserActor['method'], 'en' | 'fr']> = [
    ['coChair', `chair-${++serial}@group.example`, 'member', 'email-link', 'fr'],
    ['rep', `rep-${++serial}@supporter.example`, 'member', 'email-link', 'en'],
    ['member', `someone-${++serial}@example.org`, 'member', 'email-link', 'en'],
    ['moderator', `mod-${++serial}@secretariat.example`, 'moderator', 'passkey', 'en'],
  ];
  const signed = {} as Record<'coChair' | 'rep' | 'member' | 'moderator', { userId: string; sessionId: string; cookie: string; email: string; role: UserActor['role']; method: UserActor['method']; locale: 'en' | 'fr' }>;
  for (const [who, email, role, method, locale] of spec) signed[who] = { ...(await signInAs(t, { email, role, method, locale, ...(who === 'rep' ? { name: 'Rita Rep' } : {}) })), email, role, method, locale };
  const group = await seedGroup(db, { ...(options.slug ? { slug: options.slug } : {}), coChairs: [signed.coChair.userId] });
  await grantRole(db, 'test:setup', { userId: signed.rep.userId, role: 'representative', scopeId: supporter!.id });
  const person = (who: keyof typeof signed, grants: UserActor['grants']): GroupPerson => {
    const s = signed[who];
    return { cookie: s.cookie, actor: { kind: 'user', userId: s.userId, email: s.email, name: who === 'rep' ? 'Rita Rep' : null, role: s.role, locale: s.locale, sessionId: s.sessionId, method: s.method, grants } };
  };
  return {
    group,
    supporter: { id: supporter!.id, name: supporter!.name, slug: supporter!.slug },
    people: {
      coChair: person('coChair', [{ role: 'co-chair', scopeId: group.id }]),
      rep: person('rep', [{ role: 'representative', scopeId: supporter!.id }]),
      member: person('member', []),
      moderator: person('moderator', []),
    },
  };
}
