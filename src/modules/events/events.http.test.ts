import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor } from '../../../test/helpers/auth.js';
import { events } from './events.tables.js';
import { buildEventInput, setUpEventPeople, type EventPeople } from './events.test-support.js';
import { createEvent } from './events.usecases.js';

let t: TestApp;
let people: EventPeople;
const year = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  t = await createTestApp();
  people = await setUpEventPeople(t);
});
afterAll(async () => t?.close());

async function post(url: string, cookie: string, pageUrl: string, fields: Record<string, string>) {
  const page = await csrfFor(t, pageUrl, cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: page.token, ...fields }).toString() });
}

const formFields = (overrides: Record<string, string> = {}) => ({
  titleEn: 'Drafting session', titleFr: 'Séance de rédaction', agendaEn: 'Read the draft', startDate: `${year}-05-12`, endDate: `${year}-05-12`,
  startTime: '10:00', endTime: '12:00', timeZone: 'Europe/Paris', address: 'Hôtel de Lauzun', city: 'Paris', country: 'France',
  link: 'https://meet.example.org/drafting', openness: 'public', capacity: '1', registrationOpen: 'yes', ...overrides,
});

const stored = async () => (await t.database.db.select({ n: count() }).from(events))[0]!.n;

describe('organising through the forms', () => {
  it('a co-chair schedules an event of the group and lands on its page, in English and in French', async () => {
    const form = `/en/groups/${people.group.slug}/events/new`;
    const response = await post(form, people.cookies.coChair, form, formFields());
    expect(response.statusCode).toBe(303);
    const location = response.headers.location as string;
    expect(location).toMatch(/^\/en\/events\/evt_[\w-]+\?done=created$/);
    const page = await t.app.inject({ url: location, headers: { cookie: people.cookies.coChair } });
    expect(page.body).toContain('The event is scheduled.');
    expect(page.body).toContain(`12 May ${year}, 10:00–12:00 (Europe/Paris, UTC+02:00)`);
    expect(page.body).toContain('Hôtel de Lauzun, Paris, France');
    const fr = await t.app.inject({ url: location.replace('/en/', '/fr/').replace('?done=created', '') });
    expect(fr.body).toContain('Séance de rédaction');
    expect(fr.body).toContain(`12 mai ${year}, 10:00–12:00 (Europe/Paris, UTC+02:00)`);
    expect(fr.body).toContain('Ajouter à mon agenda');
  });

  it('bad input re-renders the French form with each message beside its field and what was typed; nothing is stored', async () => {
    const before = await stored();
    const form = `/fr/groups/${people.group.slug}/events/new`;
    const response = await post(form, people.cookies.coChair, form, formFields({ titleEn: 'Gardé', titleFr: '', endTime: '09:00', timeZone: 'Paris' }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<p class="field-error" id="timeZone-error">Donnez un fuseau horaire connu de la plateforme, comme Europe/Paris.</p>');
    expect(response.body).toContain('value="Gardé"');
    expect(await stored()).toBe(before);
    const times = await post(form, people.cookies.coChair, form, formFields({ endTime: '09:00' }));
    expect(times.body).toContain('<p class="field-error" id="endTime-error">La fin doit venir après le début.</p>');
  });

  it('a member of the group may not open the form; a visitor is sent to sign in', async () => {
    const form = `/en/groups/${people.group.slug}/events/new`;
    expect((await t.app.inject({ url: form, headers: { cookie: people.cookies.member } })).statusCode).toBe(403);
    const visitor = await t.app.inject({ url: form });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toContain('/en/sign-in?next=');
  });

  it('cancelling asks for confirmation, then keeps the event, marked cancelled', async () => {
    const { event } = await createEvent({ db: t.database.db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput() });
    const edit = `/en/groups/${people.group.slug}/events/${event.id}/edit`;
    const unconfirmed = await post(`/en/groups/${people.group.slug}/events/${event.id}/cancel`, people.cookies.coChair, edit, { reason: 'Moved' });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('Tick the box to confirm.');
    const done = await post(`/en/groups/${people.group.slug}/events/${event.id}/cancel`, people.cookies.coChair, edit, { reason: 'Moved', confirm: 'yes' });
    expect(done.statusCode).toBe(303);
    const page = await t.app.inject({ url: `/en/events/${event.id}` });
    expect(page.body).toContain('This event is cancelled.');
  });
});

describe('registering through the event page', () => {
  it('shows places left, registers, then puts the next person on the waiting list with their number', async () => {
    const { event } = await createEvent({ db: t.database.db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput({ capacity: '1' }) });
    const url = `/en/events/${event.id}`;
    const visitor = await t.app.inject({ url });
    expect(visitor.body).toContain('1 place left of 1.');
    expect(visitor.body).toContain('Sign in to register');
    const alice = await post(`${url}/registration`, people.cookies.alice, url, {});
    expect(alice.statusCode).toBe(303);
    expect(alice.headers.location).toBe(`${url}?done=registered`);
    const bob = await post(`/fr/events/${event.id}/registration`, people.cookies.bob, `/fr/events/${event.id}`, {});
    expect(bob.headers.location).toBe(`/fr/events/${event.id}?done=waiting`);
    const bobPage = await t.app.inject({ url: `/fr/events/${event.id}`, headers: { cookie: people.cookies.bob } });
    expect(bobPage.body).toContain('Vous êtes numéro 1 sur la liste d’attente.');
    expect(bobPage.body).toContain('Plus aucune place sur 1.');
  });

  it('a by-invitation event shows the public that it exists, not its link; those invited see the link', async () => {
    const { event } = await createEvent({ db: t.database.db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput({ openness: 'by-invitation', link: 'https://private.example.org/room' }) });
    const visitor = await t.app.inject({ url: `/en/events/${event.id}` });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.body).not.toContain('private.example.org');
    expect(visitor.body).toContain('The link is given to those invited.');
    const member = await t.app.inject({ url: `/en/events/${event.id}`, headers: { cookie: people.cookies.member } });
    expect(member.body).toContain('https://private.example.org/room');
    const carolPage = await t.app.inject({ url: `/en/events/${event.id}`, headers: { cookie: people.cookies.carol } });
    expect(carolPage.body).toContain('This event is by invitation: only those invited may register.');
    expect(carolPage.body).not.toContain('/registration"');
    // Posting anyway (with a token from a page that has a form) is refused by the rule, not only by the page.
    const open = (await createEvent({ db: t.database.db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput() })).event;
    const stranger = await post(`/en/events/${event.id}/registration`, people.cookies.carol, `/en/events/${open.id}`, {});
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).toContain('This event is by invitation: only those invited may register.');
  });
});

describe('the calendar, its feeds and the API', () => {
  it('lists events by month in both languages, filters by group, and links the matching feed', async () => {
    const en = await t.app.inject({ url: `/en/calendar?group=${people.group.slug}` });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain(`<h3 id="upcoming-${year}-03">March ${year}</h3>`);
    expect(en.body).toContain(`/en/groups/${people.group.slug}/calendar.ics`);
    const fr = await t.app.inject({ url: '/fr/calendar' });
    expect(fr.body).toContain(`Mars ${year}`);
    expect(fr.body).toContain('Événements à venir');
    expect((await t.app.inject({ url: '/en/calendar?group=no-such-group' })).statusCode).toBe(404);
  });

  it('serves the feeds as text/calendar', async () => {
    for (const url of ['/en/calendar.ics', `/fr/groups/${people.group.slug}/calendar.ics`]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.body).toMatch(/^BEGIN:VCALENDAR/);
    }
    expect((await t.app.inject({ url: '/en/groups/no-such-group/calendar.ics' })).statusCode).toBe(404);
  });

  it('the API pages the events with total and pageSize, filters by group and time, and hides by-invitation links', async () => {
    const all = await t.app.inject({ url: `/api/v1/events?group=${people.group.slug}&pageSize=2` });
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.pageSize).toBe(2);
    expect(body.page).toBe(1);
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(body.items).toHaveLength(2);
    const none = await t.app.inject({ url: `/api/v1/events?group=${people.group.slug}&to=2000-01-01T00:00:00Z` });
    expect(none.json()).toMatchObject({ total: 0, items: [] });
    const invitation = (await t.app.inject({ url: `/api/v1/events?group=${people.group.slug}&pageSize=100` })).json().items.find((e: { openness: string }) => e.openness === 'by-invitation');
    expect(invitation.link).toBeNull();
    const one = await t.app.inject({ url: `/api/v1/events/${invitation.id}` });
    expect(one.json()).toMatchObject({ id: invitation.id, group: people.group.slug, timeZone: 'Europe/Paris' });
    const missing = await t.app.inject({ url: '/api/v1/events/evt_nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/events', '/api/v1/events/{event}']));
  });
});
