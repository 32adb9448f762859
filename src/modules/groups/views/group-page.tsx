import type { ContributionGroup } from '../../../app/contributions.js';
import { ContributionGroups } from '../../../app/html/contribution-groups.js';
import { Layout } from '../../../app/html/layout.js';
import { formatDate, type Locale } from '../../../app/i18n/i18n.js';
import type { GroupSpace } from '../groups.queries.js';
import type { GroupNewsRow } from '../groups.tables.js';
import { CoChairList, DocumentItem, groupsT, groupTitle, Text } from './parts.js';

export interface GroupPageProps {
  locale: Locale;
  space: GroupSpace;
  contributions: readonly ContributionGroup[];
  csrfField: string;
  notice?: string | undefined;
}

function NewsList(props: { news: GroupNewsRow[]; locale: Locale }): JSX.Element {
  return (
    <>
      {props.news.map((item) => (
        <article id={`news-${item.id}`} class="news">
          <h3>
            <Text text={item.title} locale={props.locale} />
          </h3>
          <p class="meta" safe>
            {formatDate(props.locale, item.createdAt.toISOString().slice(0, 10))}
          </p>
          <p class="prose">
            <Text text={item.body} locale={props.locale} />
          </p>
        </article>
      ))}
    </>
  );
}

/** A working group's space: mandate, co-chairs, member organisations, documents, news, other modules' work, and the members' part. */
export function GroupPage(props: GroupPageProps): JSX.Element {
  const { locale, space } = props;
  const { group, viewer } = space;
  const { t, safeT } = groupsT(locale);
  const title = groupTitle(group, locale);
  const base = `/${locale}/groups/${group.slug}`;
  const publicDocuments = space.documents.filter((d) => d.document.visibility === 'public');
  const membersDocuments = space.documents.filter((d) => d.document.visibility === 'members');
  const publicNews = space.news.filter((n) => n.visibility === 'public');
  const membersNews = space.news.filter((n) => n.visibility === 'members');
  const head = `<link rel="alternate" type="application/atom+xml" href="${base}/feed.atom">`;
  return (
    <Layout locale={locale} title={title} path={`/groups/${group.slug}`} current="groups" head={head}>
      <p class="breadcrumb">
        <a href={`/${locale}/groups`}>{safeT('list.title')}</a>
      </p>
      {group.number ? <p class="meta" safe>{t('list.number', { number: group.number })}</p> : ''}
      <h1 safe>{title}</h1>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {group.state === 'closed' ? <p class="notice">{safeT('group.closed')}</p> : ''}
      <p class="actions">
        <a href={`/${locale}/account/subscriptions?group=${encodeURIComponent(group.slug)}`}>{safeT('group.follow')}</a>
        {' · '}
        <a href={`${base}/feed.atom`}>{safeT('group.feed')}</a>
        {' · '}
        <a href={`/${locale}/calendar?group=${encodeURIComponent(group.slug)}`}>{safeT('group.calendar')}</a>
        {viewer.chairs ? (
          <>
            {' · '}
            <a href={`${base}/manage`}>{safeT('group.manage')}</a>
            {' · '}
            <a href={`${base}/consultations/new`}>{safeT('group.openConsultation')}</a>
            {' · '}
            <a href={`${base}/events/new`}>{safeT('group.scheduleEvent')}</a>
          </>
        ) : (
          ''
        )}
        {viewer.secretariat ? (
          <>
            {' · '}
            <a href={`/${locale}/secretariat/groups/${group.slug}/edit`}>{safeT('group.edit')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {viewer.membership?.state === 'accepted' ? (
        <form method="post" action={`${base}/leave`} class="inline">
          {props.csrfField as 'safe'}
          <p>
            <span safe>{t('group.youAre', { role: t(`role.${viewer.membership.role}` as 'role.member') })}</span>{' '}
            <button type="submit" class="secondary">
              {safeT('group.leave')}
            </button>
          </p>
        </form>
      ) : viewer.membership?.state === 'requested' ? (
        <p>{safeT('group.pending')}</p>
      ) : group.state === 'active' && !viewer.chairs ? (
        <p>
          <a class="button" href={`${base}/join`}>
            {safeT('group.join')}
          </a>
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="mandate">
        <h2 id="mandate">{safeT('group.mandate')}</h2>
        <p class="prose">
          <Text text={group.mandate} locale={locale} fallback={t('group.noMandate')} />
        </p>
      </section>
      <section aria-labelledby="co-chairs">
        <h2 id="co-chairs">{safeT('group.coChairs')}</h2>
        <CoChairList coChairs={space.coChairs} locale={locale} />
      </section>
      <section aria-labelledby="members">
        <h2 id="members">{safeT('group.members')}</h2>
        {space.members.length ? (
          <ul>
            {space.members.map((m) => (
              <li>
                <a href={`/${locale}/supporters/${encodeURIComponent(m.supporterSlug)}`} safe>
                  {m.name}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{safeT('group.noMembers')}</p>
        )}
        <p>
          <a href={`${base}/memberships.csv`}>{safeT('group.csv')}</a>
        </p>
      </section>
      <section aria-labelledby="documents">
        <h2 id="documents">{safeT('group.documents')}</h2>
        {publicDocuments.length ? (
          <ul class="documents">
            {publicDocuments.map((item) => (
              <DocumentItem item={item} locale={locale} slug={group.slug} />
            ))}
          </ul>
        ) : (
          <p>{safeT('group.noDocuments')}</p>
        )}
      </section>
      <section aria-labelledby="news">
        <h2 id="news">{safeT('group.news')}</h2>
        {publicNews.length ? <NewsList news={publicNews} locale={locale} /> : <p>{safeT('group.noNews')}</p>}
      </section>
      <ContributionGroups locale={locale} groups={props.contributions} />
      {viewer.seesMembersPart ? (
        <section aria-labelledby="members-only" class="members-only">
          <h2 id="members-only">{safeT('group.membersOnly')}</h2>
          <p class="hint">{safeT('group.membersOnlyHint')}</p>
          <h3>{safeT('group.documents')}</h3>
          {membersDocuments.length ? (
            <ul class="documents">
              {membersDocuments.map((item) => (
                <DocumentItem item={item} locale={locale} slug={group.slug} />
              ))}
            </ul>
          ) : (
            <p>{safeT('group.noDocuments')}</p>
          )}
          <h3>{safeT('group.news')}</h3>
          {membersNews.length ? <NewsList news={membersNews} locale={locale} /> : <p>{safeT('group.noNews')}</p>}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
