/** The consultations of every working group, filtered by phase and group with a plain GET form. */
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { Group } from '../../groups/groups.queries.js';
import { localizedText, deadlineText } from '../consultations.presenters.js';
import type { ListedConsultation } from '../consultations.queries.js';
import { consultationsT, Select } from './parts.js';

export interface ListPageProps {
  locale: Locale;
  items: ListedConsultation[];
  total: number;
  groups: Group[];
  filters: { phase: string; group: string };
  /** The query string of the page, for the language switch. */
  query: string;
}

export function ListPage(props: ListPageProps): JSX.Element {
  const { locale } = props;
  const { t, safeT } = consultationsT(locale);
  return (
    <Layout locale={locale} title={t('consultations.list.title')} path={`/consultations${props.query}`}>
      <h1>{safeT('consultations.list.title')}</h1>
      <p class="lead">{safeT('consultations.list.intro')}</p>
      <form method="get" action={`/${locale}/consultations`} class="form filters">
        <Select
          id="phase"
          name="phase"
          label={t('consultations.list.phase')}
          value={props.filters.phase}
          options={[['', t('consultations.list.anyPhase')], ...(['open', 'closed', 'concluded'] as const).map((p): [string, string] => [p, t(`consultations.phase.${p}`)])]}
        />
        <Select
          id="group"
          name="group"
          label={t('consultations.list.group')}
          value={props.filters.group}
          options={[['', t('consultations.list.anyGroup')], ...props.groups.map((g): [string, string] => [g.slug, localizedText(g.name, locale).text])]}
        />
        <button type="submit">{safeT('consultations.list.apply')}</button>
      </form>
      <p role="status" safe>{t('consultations.list.count', { count: props.total })}</p>
      {props.items.length === 0 ? (
        <p>{safeT('consultations.list.empty')}</p>
      ) : (
        <ul class="plain consultations">
          {props.items.map(({ consultation, group, phase }) => {
            const title = localizedText(consultation.title, locale);
            return (
              <li>
                <h2>
                  <a href={`/${locale}/consultations/${consultation.id}`} lang={title.lang === locale ? undefined : title.lang} safe>
                    {title.text}
                  </a>
                </h2>
                <p>
                  <span class="badge" safe>{t(`consultations.phase.${phase}`)}</span> <span safe>{localizedText(group.name, locale).text}</span>
                </p>
                <p safe>{t('consultations.list.closes', { deadline: deadlineText(locale, consultation.closesAt, consultation.timeZone) })}</p>
              </li>
            );
          })}
        </ul>
      )}
      <p class="note" safe>{t('consultations.list.api', { path: '/api/v1/consultations' })}</p>
    </Layout>
  );
}
