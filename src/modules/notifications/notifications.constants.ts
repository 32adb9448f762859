/** How often a person hears from a group: a digest each day, each week, or nothing (the `CHECK` of the table). */
export const frequencies = ['daily', 'weekly', 'off'] as const;
export type Frequency = (typeof frequencies)[number];

/** What a role holder gets from their group until they choose otherwise, and what following a group starts with. */
export const defaultFrequency: Frequency = 'weekly';

/**
 * The hour (UTC) digests go out: 06:00 UTC is morning in Europe and Africa, the Call's secretariat's and most of its
 * groups' time zones, and before the working day in the Americas' night. Weekly digests go out on Mondays at that hour.
 */
export const digestHourUtc = 6;

/** Reminders are sent when a deadline falls within this many hours. */
export const reminderWindowHours = 48;

/** How often the reminder job looks for deadlines entering the window. */
export const reminderEveryMinutes = 60;

/** What was sent, recorded once per person so a retried or duplicated job sends nothing twice. */
export const deliveryKinds = ['digest', 'reminder'] as const;
export type DeliveryKind = (typeof deliveryKinds)[number];
