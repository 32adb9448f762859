/** On a working group's page: its consultations past their draft, the latest deadline first. */
import type { ContributionGroup, ContributionSource, ContributionSubject } from '../../app/contributions.js';
import type { Executor } from '../../app/database/database.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { consultationsMessages } from './consultations.messages.js';
import { deadlineText, localizedText } from './consultations.presenters.js';
import { listConsultations } from './consultations.queries.js';

const shown = 10;

async function list(db: Executor, subject: ContributionSubject, locale: Locale): Promise<ContributionGroup[]> {
  if (!('group' in subject)) return [];
  const t = consultationsMessages(locale);
  const { items, total } = await listConsultations({ db, now: new Date(), filters: { groupId: subject.group }, page: { offset: 0, limit: shown } });
  if (total === 0) return [];
  return [
    {
      key: 'consultations',
      heading: t('consultations.contribution.heading'),
      total,
      ...(total > items.length ? { more: `/consultations?group=${encodeURIComponent(items[0]!.group.slug)}` } : {}),
      items: items.map(({ consultation, phase }) => {
        const title = localizedText(consultation.title, locale);
        return {
          path: `/consultations/${consultation.id}`,
          title: title.text,
          ...(title.lang !== locale ? { lang: title.lang } : {}),
          note: t('consultations.contribution.note', { phase: t(`consultations.phase.${phase}`), deadline: deadlineText(locale, consultation.closesAt, consultation.timeZone) }),
        };
      }),
    },
  ];
}

export const consultationsContributions: ContributionSource = { name: 'consultations', list };
