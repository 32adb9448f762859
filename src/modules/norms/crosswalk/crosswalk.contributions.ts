/**
 * The crosswalk on a principle's page: the norms linked to it, each with its rationale and source, listed through the
 * contributions hook so the call module shows them without knowing the norms module.
 */
import type { ContributionSource } from '../../../app/contributions.js';
import { crosswalkMessages } from './crosswalk.messages.js';
import { paragraphOf, rationaleIn } from './crosswalk.models.js';
import { crosswalkForPrinciple } from './crosswalk.usecases.js';

export const crosswalkContributions: ContributionSource = {
  name: 'norms.crosswalk',

  async list(db, subject, locale) {
    if (!('principle' in subject)) return [];
    const t = crosswalkMessages(locale);
    const links = await crosswalkForPrinciple({ db, principleNumber: subject.principle });
    const items = links.map((link) => {
      const rationale = rationaleIn(link.rationale, locale);
      const source = link.source ? t('crosswalk.source.report', { page: link.source.page }) : t('crosswalk.source.platform');
      const untranslated = rationale.translated ? '' : ` ${t('crosswalk.notTranslated')}`;
      return { path: `/norms/${link.normCode}`, title: t('crosswalk.norm', { paragraph: paragraphOf(link.normCode) }), note: `${rationale.text} (${source})${untranslated}` };
    });
    return [{ key: 'norms', heading: t('crosswalk.contribution.heading'), items, total: items.length, empty: t('crosswalk.noLinks') }];
  },
};
