import { Layout } from '../../../app/html/layout.js';
import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { indexMessages } from '../index.messages.js';

export interface EditionListItem {
  slug: string;
  title: string;
  publishedAt: Date | null;
  /** Stored flag of the pilot computed from open data. */
  pilot: boolean;
}

/** The published editions of the index, newest first. */
export function EditionsPage(props: { locale: Locale; editions: EditionListItem[] }): JSX.Element {
  const { locale } = props;
  const t = indexMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('index.title')} path="/index" current="index">
      <h1>{safeT('index.title')}</h1>
      <p class="lead">{safeT('index.intro')}</p>
      <h2>{safeT('index.editions')}</h2>
      {props.editions.length ? (
        <ul>
          {props.editions.map((e) => (
            <li>
              <a href={`/${locale}/index/${e.slug}`} safe>
                {e.title}
              </a>
              {e.publishedAt ? <span class="meta" safe>{` — ${t('index.published', { date: formatDate(locale, e.publishedAt.toISOString().slice(0, 10)) })}`}</span> : ''}
              {e.pilot ? <span class="meta" safe>{` — ${t('index.pilot.tag')}`}</span> : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{safeT('index.none')}</p>
      )}
    </Layout>
  );
}
