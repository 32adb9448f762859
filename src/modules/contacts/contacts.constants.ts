/** The vocabularies of the points-of-contact directory, each checked by a database CHECK (contacts.tables.ts). */
export const contactRoles = ['diplomatic', 'technical', 'policy', 'legal', 'psirt'] as const;
export type ContactRole = (typeof contactRoles)[number];

export const channelKinds = ['email', 'phone', 'sms', 'portal', 'signal'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const contactStates = ['invited', 'active', 'stale', 'withdrawn'] as const;
export type ContactState = (typeof contactStates)[number];

/** Days between attestations: 90 by default (Trusted Introducer uses four months), between 7 and 400. */
export const attestation = { defaultDays: 90, minDays: 7, maxDays: 400, remindDaysBefore: 14 } as const;

/** How long a nomination or an attestation link stays valid. */
export const nominationTtlMs = 14 * 24 * 3_600_000;
export const attestLinkTtlMs = 30 * 24 * 3_600_000;

/** How often the attestation job runs (it reminds and flags whatever is due at that time). */
export const attestationEveryMinutes = 60;

export const contactLimits = { name: 200, title: 200, email: 254, channelValue: 300, url: 500, channels: 10, languages: 10, slots: 21, keyBytes: 64 * 1024, importBytes: 256 * 1024, reason: 1000 } as const;

/** The directory's page size (pages and API). */
export const directoryPageSize = 25;
