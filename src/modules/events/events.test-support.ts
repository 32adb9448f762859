/** Set-up shared by the events' tests: a working group with its co-chair and member, the secretariat, other people. */
import type { UserActor } from '../../app/authz/actor.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { signInAs } from '../../../test/helpers/auth.js';
import type { TestApp } from '../../../test/helpers/app.js';
import { seedGroup } from '../groups/groups.test-support.js';
import type { Group } from '../groups/groups.queries.js';
import type { EventInput } from './events.models.js';

export type Who = 'moderator' | 'coChair' | 'member' | 'alice' | 'bob' | 'carol' | 'dora';

export interface EventPeople {
  group: Group;
  actors: Record<Who, UserActor>;
  cookies: Record<Who, string>;
}

let serial = 0;

/** A group whose co-chair and member are signed in, a passkey moderator, and four people with no role (Bob reads French). */
export async function setUpEventPeople(t: TestApp): Promise<EventPeople> {
  const n = ++serial;
  const people: Array<[Who, UserActor['role'], Locale]> = [
    ['moderator', 'moderator', 'en'], ['coChair', 'member', 'en'], ['member', 'member', 'fr'], ['alice', 'member', 'en'], ['bob', 'member', 'fr'], ['carol', 'member', 'en'], ['dora', 'member', 'en'],
  ];
  const actors = {} as Record<Who, UserActor>;
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<Who, string>;
  for (const [who, role, locale] of people) {
    const email = `${who.toLowerCase()}-${n}@events.example`;
    const signed = await signInAs(t, { email, role, locale });
    ids[who] = signed.userId;
    cookies[who] = signed.cookie;
    actors[who] = { kind: 'user', userId: signed.userId, email, name: null, role, locale, sessionId: signed.sessionId, method: role === 'member' ? 'email-link' : 'passkey', grants: [] };
  }
  const group = await seedGroup(t.database.db, { coChairs: [ids.coChair], members: [ids.member] });
  actors.coChair = { ...actors.coChair, grants: [{ role: 'co-chair', scopeId: group.id }] };
  actors.member = { ...actors.member, grants: [{ role: 'member', scopeId: group.id }] };
  return { group, actors, cookies };
}

/** A timed meeting next year in Paris, public, registration open, three places. */
export function buildEventInput(overrides: Partial<EventInput> = {}): EventInput {
  const year = new Date().getUTCFullYear() + 1;
  return {
    title: { en: 'Working group meeting', fr: 'Réunion du groupe de travail' },
    description: { en: 'A meeting of the group.' },
    agenda: { en: '1. Welcome\n2. Draft report', fr: '1. Accueil\n2. Projet de rapport' },
    startDate: `${year}-03-10`,
    endDate: `${year}-03-10`,
    startTime: '14:30',
    endTime: '16:00',
    timeZone: 'Europe/Paris',
    address: '1 quai d’Orsay',
    city: 'Paris',
    country: 'France',
    link: 'https://meet.example.org/wg',
    linkTitle: 'meet.example.org',
    openness: 'public',
    capacity: '3',
    registrationOpen: true,
    invitees: [],
    minutes: {},
    recordingUrl: '',
    ...overrides,
  };
}
