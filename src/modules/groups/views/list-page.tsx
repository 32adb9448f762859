import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { GroupSummary } from '../groups.queries.js';
import { CoChairList, groupsT, groupTitle } from './parts.js';

/** Every working group with its co-chairs and counts. */
export function GroupsListPage(props: { locale: Locale; groups: GroupSummary[] }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = groupsT(locale);
  return (
    <Layout locale={locale} title={t('list.title')} path="/groups" current="groups">
      <h1>{safeT('list.title')}</h1>
      <p>{safeT('list.intro')}</p>
      <ul class="group-list">
        {props.groups.map(({ group, coChairs, members, documents }) => (
          <li>
            <h2>
              <a href={`/${locale}/groups/${group.slug}`}>
                {group.number ? <span safe>{`${t('list.number', { number: group.number })}: `}</span> : ''}
                <span safe>{groupTitle(group, locale)}</span>
              </a>
              {group.state === 'closed' ? <span class="meta" safe>{` (${t('list.closed')})`}</span> : ''}
            </h2>
            <p class="meta" safe>
              {t('list.counts', { members, documents })}
            </p>
            <p class="label">{safeT('group.coChairs')}</p>
            <CoChairList coChairs={coChairs} locale={locale} />
          </li>
        ))}
      </ul>
      <p>
        <a href={`/${locale}/groups/memberships.csv`}>{safeT('list.csv')}</a>
      </p>
    </Layout>
  );
}
