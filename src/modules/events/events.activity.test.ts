import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { needsShared, sharedPaths } from '../../../test/helpers/shared-data.js';
import { listActivity } from '../../app/activity.js';
import { listContributions } from '../../app/contributions.js';
import { importSite } from '../../site-import.js';
import { eventsActivity } from './events.activity.js';
import { eventsContributions } from './events.contributions.js';
import { buildEventInput, setUpEventPeople, type EventPeople } from './events.test-support.js';
import { cancelEvent, createEvent, updateEvent } from './events.usecases.js';

let t: TestApp;
let people: EventPeople;
const publicUrl = 'https://platform.example';

beforeAll(async () => {
  t = await createTestApp();
  people = await setUpEventPeople(t);
});
afterAll(async () => t?.close());

describe('what a group’s feed, digests and page read of its events', () => {
  it('an event scheduled, changed, with minutes, and another cancelled, each as its own public item', async () => {
    const since = new Date(Date.now() - 1000);
    const db = t.database.db;
    const { event } = await createEvent({ db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput() });
    const keys1 = (await listActivity([eventsActivity], db, { groupIds: [people.group.id], since, until: new Date(Date.now() + 1000), visibility: 'public' })).map((i) => i.key);
    expect(keys1).toEqual([`events:${event.id}:0:scheduled`]);
    await updateEvent({ db, actor: people.actors.coChair, eventId: event.id, event: buildEventInput({ startTime: '15:00', minutes: { en: 'Agreed.', fr: 'Adopté.' } }), publicUrl });
    const other = (await createEvent({ db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput({ title: { en: 'Second' } }) })).event;
    await cancelEvent({ db, actor: people.actors.coChair, eventId: other.id, reason: null, publicUrl });
    const items = await listActivity([eventsActivity], db, { groupIds: [people.group.id], since, until: new Date(Date.now() + 1000), visibility: 'public' });
    expect(items.map((i) => i.key)).toHaveLength(3);
    expect(items.map((i) => i.key)).toEqual(expect.arrayContaining([`events:${event.id}:1:changed`, expect.stringMatching(new RegExp(`^events:${event.id}:minutes:`)), `events:${other.id}:1:cancelled`]));
    const cancelled = items.find((i) => i.key.endsWith(':cancelled'))!;
    expect(cancelled).toMatchObject({ groupId: people.group.id, kind: 'event', path: `/events/${other.id}`, visibility: 'public', title: { en: 'Event cancelled: Second', fr: 'Événement annulé : Second' } });
    // Another group's activity asks for none of these.
    expect(await listActivity([eventsActivity], db, { groupIds: ['grp_other'], since, until: new Date(Date.now() + 1000), visibility: 'public' })).toEqual([]);
  });

  it('the group’s page lists its upcoming events with their time, and says when there is none', async () => {
    const [group] = await listContributions([eventsContributions], t.database.db, { group: people.group.id }, 'fr');
    expect(group!.heading).toBe('Événements à venir');
    expect(group!.items.find((i) => i.title === 'Réunion du groupe de travail')).toMatchObject({ path: expect.stringMatching(/^\/events\/evt_/), note: expect.stringContaining('(Europe/Paris, UTC+01:00)') });
    // A title not yet translated is listed in its language; a cancelled event says so.
    expect(group!.items.find((i) => i.title === 'Second')).toMatchObject({ lang: 'en', note: expect.stringContaining('Annulé') });
    const [empty] = await listContributions([eventsContributions], t.database.db, { group: 'grp_none' }, 'en');
    expect(empty).toMatchObject({ items: [], empty: 'No event is scheduled.' });
    expect(await listContributions([eventsContributions], t.database.db, { principle: 1 }, 'en')).toEqual([]);
  });
});

const official = needsShared('the events of `pariscall import`', path.join(sharedPaths.officialSite, '_events'));

describe.skipIf(!official.available)(official.title('pariscall import'), () => {
  it('imports the checkout’s events with the registry, then reports them unchanged', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'events-site-'));
    fs.cpSync(fixtureSite, site, { recursive: true });
    fs.cpSync(path.join(sharedPaths.officialSite, '_events'), path.join(site, '_events'), { recursive: true });
    try {
      const first = await importSite(t.database, { source: site, actor: 'test:import' });
      expect(first.events).toMatchObject({ added: expect.any(Array), kept: [] });
      expect(first.events!.added).toHaveLength(5);
      const second = await importSite(t.database, { source: site, actor: 'test:import' });
      expect(second.events!.unchanged).toHaveLength(5);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});
