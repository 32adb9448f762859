import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { needsShared, sharedDir, sharedPaths } from '../../../test/helpers/shared-data.js';
import { systemActor } from '../../app/authz/actor.js';
import { referenceDir } from '../../app/reference/reference.js';
import { importOfficialEvents, officialUid } from './events.import.js';
import { eventsFile, eventsReference } from './events.reference.js';
import { readOfficialEvents } from './events.source.js';
import { events } from './events.tables.js';
import { buildEventInput, setUpEventPeople } from './events.test-support.js';
import { updateEvent } from './events.usecases.js';

const official = needsShared('the events import', path.join(sharedPaths.officialSite, '_events'));
const actor = systemActor('test:import');

describe.skipIf(!official.available)(official.title('the official site’s events'), () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('reads the five official events: all-day, their dates, place or link, and openness', async () => {
    const read = await readOfficialEvents(sharedPaths.officialSite);
    expect(read.map((e) => [e.sourceKey.replace('_events/', '').slice(0, 30), e.startDate, e.endDate, e.openness])).toEqual([
      ['14th-annual-meeting-of-the-int', '2019-11-25', '2019-11-29', 'public'],
      ['cybersecurity_human_rights_and', '2019-11-22', '2019-11-22', 'public'],
      ['forum-de-paris-sur-la-paix.md', '2019-11-11', '2019-11-13', 'public'],
      ['paris_call_community_consultat', '2020-01-31', '2020-03-02', 'public'],
      ['paris_call_fic_building_on_the', '2020-01-30', '2020-01-30', 'by-invitation'],
    ]);
    const igf = read[0]!;
    expect([igf.title, igf.address, igf.city, igf.country, igf.link]).toEqual(['14th Annual Meeting of the Internet Governance Forum', 'Estrel Berlin', 'Berlin', 'Germany', 'https://www.igf2019.berlin/IGF/Navigation/DE/Home/home.html']);
    // The consultation gives its form as its "address": an online event, with no place.
    expect(read[3]).toMatchObject({ address: null, link: 'https://ambanum.typeform.com/to/cBjA57', hashtag: '#ParisCall' });
  });

  it('the committed bundle is what the importer builds from the official files, with its source, date and licence', async () => {
    const built = await eventsReference.build(sharedDir);
    expect(built[eventsFile]).toBe(fs.readFileSync(path.join(referenceDir, eventsFile), 'utf8'));
    const header = JSON.parse(built[eventsFile]!.split('\n')[0]!).$bundle;
    expect(header).toMatchObject({ version: '2020-03-02', records: 5 });
    expect(header.licence).toContain('EUPL-1.2');
  });

  it('loads once on an empty database; a second import keeps everything; a platform edit is never undone', async () => {
    const db = t.database.db;
    expect(await eventsReference.isEmpty(db)).toBe(true);
    const parsed = await eventsReference.read(referenceDir);
    expect(await db.transaction((tx) => eventsReference.load(tx, parsed, 'test:first-start'))).toEqual({ added: 5, updated: 0, unchanged: 0, kept: 0 });
    const rows = await db.select().from(events);
    const fic = rows.find((r) => r.sourceKey!.includes('paris_call_fic'))!;
    expect([fic.allDay, fic.startDate, fic.endDate, fic.openness, fic.uid, fic.sequence]).toEqual([true, '2020-01-30', '2020-01-30', 'by-invitation', officialUid(fic.sourceKey!), 0]);

    const again = await db.transaction((tx) => importOfficialEvents({ db: tx, events: parsed, actor }));
    expect([again.added.length, again.updated.length, again.unchanged.length]).toEqual([0, 0, 5]);

    const people = await setUpEventPeople(t);
    await updateEvent({ db, actor: people.actors.moderator, eventId: fic.id, event: buildEventInput({ startDate: '2020-01-30', endDate: '2020-01-30', startTime: '', endTime: '', timeZone: '', title: { en: 'Paris Call @FIC (edited)' }, openness: 'by-invitation', capacity: '' }), publicUrl: 'https://platform.example' });
    const changedSource = parsed.map((e) => (e.sourceKey === fic.sourceKey ? { ...e, title: 'Renamed upstream' } : e.sourceKey.includes('forum-de-paris') ? { ...e, endDate: '2019-11-14' } : e));
    const third = await db.transaction((tx) => importOfficialEvents({ db: tx, events: changedSource, actor }));
    expect(third.kept).toEqual([fic.sourceKey]);
    expect(third.updated).toEqual(['_events/forum-de-paris-sur-la-paix.md']);
    const [kept] = await db.select().from(events).where(eq(events.id, fic.id));
    expect(kept!.title).toEqual({ en: 'Paris Call @FIC (edited)' });
    const [forum] = await db.select().from(events).where(eq(events.sourceKey, '_events/forum-de-paris-sur-la-paix.md'));
    expect([forum!.endDate, forum!.sequence]).toEqual(['2019-11-14', 1]);
  });
});
