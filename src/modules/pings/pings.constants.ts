/** The channel kinds of a contact, as contacts.tables.ts has them; only e-mail is sent by the platform itself. */
export const channelKinds = ['email', 'phone', 'sms', 'portal', 'signal'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const contactRoles = ['diplomatic', 'technical', 'policy', 'legal', 'psirt'] as const;

/** Acknowledgement windows offered by the form, in minutes: 1 h (urgent), 4 h, 24 h (routine), 72 h. */
export const windowChoices = [60, 240, 1440, 4320] as const;

/** How acknowledgements arrive: the e-mailed link, the API, the spoken code typed back, an operator's record. */
export const ackVias = ['link', 'api', 'code', 'operator'] as const;
export type AckVia = (typeof ackVias)[number];

/** A ping's link and code are refused this long after it was sent (the exercise is history by then). */
export const ackExpiryMs = 30 * 86_400_000;

/** Statistics over this many days for the cooperation space's overview. */
export const aggregateDays = 90;

/** Spoken codes: no 0/O, 1/I/L, so a code read over the phone is typed back right. */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const codeLength = 8;
