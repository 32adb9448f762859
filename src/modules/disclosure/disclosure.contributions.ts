/** On a supporter's registry page: a link to its disclosure-policy entry, when it has one. */
import type { ContributionSource } from '../../app/contributions.js';
import { disclosureMessages } from './disclosure.messages.js';
import { createDisclosureRepository } from './disclosure.repository.js';

export const disclosureContributions: ContributionSource = {
  name: 'disclosure',
  async list(db, subject, locale) {
    if (!('supporter' in subject)) return [];
    const [entry] = await createDisclosureRepository(db).findBySupporters([subject.supporter]);
    if (!entry || entry.supporterStatus !== 'published') return [];
    const t = disclosureMessages(locale);
    return [{ key: 'disclosure', heading: t('disclosure.contribution.heading'), items: [{ path: `/disclosure/${entry.supporterSlug}`, title: t('disclosure.contribution.title') }], total: 1 }];
  },
};
