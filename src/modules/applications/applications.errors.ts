import { defineError } from '../../app/http/errors.js';

export const applicationNotFound = defineError('applications.not-found', 404, (locale) =>
  locale === 'fr' ? 'Cette candidature n’existe pas ou ne vous est pas accessible' : 'This application does not exist or is not yours to see',
);

/** Another moderator (or the applicant) acted first: the action is refused and the page shows the current state. */
export const applicationConflict = defineError<{ status: string }>('applications.conflict', 409, (locale, { status }) =>
  locale === 'fr'
    ? `Cette candidature a changé entre-temps (état actuel : ${status}) ; votre action n’a pas été appliquée`
    : `This application changed in the meantime (now: ${status}); your action was not applied`,
);

export const invalidForm = defineError('applications.invalid', 422, (locale) =>
  locale === 'fr' ? 'Certains champs sont à corriger' : 'Some fields need correcting',
);

export const notRepresentative = defineError('applications.not-representative', 403, (locale) =>
  locale === 'fr' ? 'Seuls les représentants vérifiés de cette organisation peuvent faire cela' : 'Only the verified representatives of this organisation can do this',
);

export const supporterGone = defineError('applications.supporter-gone', 409, (locale) =>
  locale === 'fr' ? 'Cette organisation ne figure plus dans le registre' : 'This organisation is no longer in the registry',
);

export const invitationDomainMismatch = defineError<{ domain: string }>('applications.invitation-domain', 422, (locale, { domain }) =>
  locale === 'fr'
    ? `Une invitation ne peut être adressée qu’à une adresse de l’organisation (${domain})`
    : `Invitations can only go to an address of the organisation (${domain})`,
);
