import { defineError } from '../../app/http/errors.js';
import { applicationMessages } from './applications.messages.js';

export const applicationNotFound = defineError('applications.not-found', 404, (locale) => applicationMessages(locale)('applications.not-found'));

/** Another moderator (or the applicant) acted first: the action is refused and the page shows the current state. */
export const applicationConflict = defineError<{ status: string }>('applications.conflict', 409, (locale, { status }) =>
  applicationMessages(locale)('applications.conflict', { status }),
);

export const invalidForm = defineError('applications.invalid', 422, (locale) => applicationMessages(locale)('applications.invalid'));

/**
 * Someone who does not manage the organisation asked for its management page or one of its actions: 404, as for an id
 * that does not exist, so whether an id names an organisation, and whether it can be managed, is not told.
 */
export const notRepresentative = defineError('applications.not-representative', 404, (locale) => applicationMessages(locale)('applications.not-representative'));

export const supporterGone = defineError('applications.supporter-gone', 409, (locale) => applicationMessages(locale)('applications.supporter-gone'));

export const invitationDomainMismatch = defineError<{ domain: string }>('applications.invitation-domain', 422, (locale, { domain }) =>
  applicationMessages(locale)('applications.invitation-domain', { domain }),
);

/** A claim names an entry that is not in the registry. */
export const claimEntryNotFound = defineError<{ slug: string }>('applications.claim.not-found', 404, (locale, { slug }) =>
  applicationMessages(locale)('applications.claim.not-found', { slug }),
);

/** A withdrawn entry cannot be claimed: the organisation left the Call; it may join again. */
export const claimEntryWithdrawn = defineError<{ name: string }>('applications.claim.withdrawn', 410, (locale, { name }) =>
  applicationMessages(locale)('applications.claim.withdrawn', { name }),
);
