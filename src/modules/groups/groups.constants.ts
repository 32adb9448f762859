/** The working groups' fixed vocabularies, each checked by a database CHECK (groups.tables.ts). */
export const groupStates = ['active', 'closed'] as const;
export const participationRoles = ['member', 'observer'] as const;
export type ParticipationRole = (typeof participationRoles)[number];
export const membershipStates = ['requested', 'accepted', 'declined', 'left', 'removed'] as const;
export type MembershipState = (typeof membershipStates)[number];
export const documentKinds = ['draft', 'deliverable'] as const;
export const visibilities = ['public', 'members'] as const;
export type Visibility = (typeof visibilities)[number];

export const groupTextLimits = { message: 2000, reason: 1000, title: 300, body: 20000, name: 200, mandate: 5000, note: 1000 } as const;
/** A document's file: the shared store's size limit for group documents. */
export const maxDocumentBytes = 10 * 1024 * 1024;
