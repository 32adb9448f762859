import type { ContributionGroup, ContributionItem } from '../contributions.js';
import { escaping, type Locale } from '../i18n/i18n.js';
import { appMessages } from '../i18n/messages.js';

/**
 * What the modules list on a principle's, a norm's or a supporter's page (see contributions.ts): one section per group,
 * its heading at `level` (2 when the groups are the page's sections, 3 under a heading of the page's own), each item
 * linked to its page, with who is behind it and its note.
 */
export function ContributionGroups({ locale, groups, level = 2 }: { locale: Locale; groups: readonly ContributionGroup[]; level?: 2 | 3 }): JSX.Element {
  const t = appMessages(locale);
  const safeT = escaping(t);
  return (
    <>
      {groups.map((group) => {
        const id = `contributions-${group.key}`;
        const heading = level === 2 ? <h2 id={id} safe>{group.heading}</h2> : <h3 id={id} safe>{group.heading}</h3>;
        return (
          <section class="contributions" aria-labelledby={id}>
            {heading}
            {group.items.length === 0 ? (
              <p safe>{group.empty ?? ''}</p>
            ) : (
              <ul class="contribution-list">
                {group.items.map((item) => (
                  <li>
                    <ItemTitle locale={locale} item={item} />
                    {item.by ? (
                      <>
                        {' '}
                        <span class="by">
                          {safeT('contributions.by')}{' '}
                          {item.by.supporterSlug ? (
                            <a href={`/${locale}/supporters/${encodeURIComponent(item.by.supporterSlug)}`} safe>
                              {item.by.name}
                            </a>
                          ) : (
                            <span safe>{item.by.name}</span>
                          )}
                        </span>
                      </>
                    ) : (
                      ''
                    )}
                    {item.note ? (
                      <span class="note" safe>
                        {` — ${item.note}`}
                      </span>
                    ) : (
                      ''
                    )}
                  </li>
                ))}
              </ul>
            )}
            {group.more && group.total > group.items.length ? (
              <p class="more">
                <a href={`/${locale}${group.more}`} safe>
                  {t('contributions.more', { total: group.total })}
                </a>
              </p>
            ) : (
              ''
            )}
          </section>
        );
      })}
    </>
  );
}

function ItemTitle({ locale, item }: { locale: Locale; item: ContributionItem }): JSX.Element {
  return item.path ? (
    <a href={`/${locale}${item.path}`} lang={item.lang} safe>
      {item.title}
    </a>
  ) : (
    <span lang={item.lang} safe>
      {item.title}
    </span>
  );
}
