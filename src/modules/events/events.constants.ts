/** The fixed vocabularies of events, each checked by a database CHECK (events.tables.ts). */
export const eventStates = ['scheduled', 'cancelled'] as const;
export type EventState = (typeof eventStates)[number];

export const opennessLevels = ['public', 'by-invitation'] as const;
export type Openness = (typeof opennessLevels)[number];

export const registrationStates = ['registered', 'waiting', 'cancelled'] as const;
export type RegistrationState = (typeof registrationStates)[number];

/** Longest texts accepted from the organiser's form. */
export const eventTextLimits = { title: 300, description: 10_000, agenda: 10_000, minutes: 50_000, place: 300, link: 2_000, invitees: 200 } as const;

/** The largest capacity a form accepts (a plenary of the Paris Peace Forum is some thousands). */
export const maxCapacity = 100_000;

/** The calendars' PRODID and the UIDs' domain. */
export const calendarDomain = 'pariscall.international';
