/** Pieces shared by the working groups' pages: localized texts with their language, co-chairs, a document's versions. */
import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { groupsMessages } from '../groups.messages.js';
import { shown, type Localized } from '../groups.models.js';
import type { CoChair, DocumentWithVersions } from '../groups.queries.js';

export function groupsT(locale: Locale) {
  const t = groupsMessages(locale);
  return { t, safeT: escaping(t) };
}

/** The text in the page's language, or the other one marked with its `lang`. */
export function Text(props: { text: Localized; locale: Locale; fallback?: string }): JSX.Element {
  const value = shown(props.text, props.locale);
  if (!value) return <span safe>{props.fallback ?? ''}</span>;
  return value.lang ? (
    <span lang={value.lang} safe>
      {value.text}
    </span>
  ) : (
    <span safe>{value.text}</span>
  );
}

export const groupTitle = (group: { number: number | null; name: Localized; slug: string }, locale: Locale) => shown(group.name, locale)?.text ?? group.slug;

export function CoChairList(props: { coChairs: readonly CoChair[]; locale: Locale }): JSX.Element {
  return (
    <ul class="co-chairs">
      {props.coChairs.map((c) => (
        <li>
          {c.supporterSlug ? (
            <a href={`/${props.locale}/supporters/${encodeURIComponent(c.supporterSlug)}`}>
              <Text text={c.name} locale={props.locale} />
            </a>
          ) : (
            <Text text={c.name} locale={props.locale} />
          )}
        </li>
      ))}
    </ul>
  );
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export function DocumentItem(props: { item: DocumentWithVersions; locale: Locale; slug: string }): JSX.Element {
  const { document, versions } = props.item;
  const { t, safeT } = groupsT(props.locale);
  const base = `/${props.locale}/groups/${props.slug}/documents/${document.id}/versions`;
  return (
    <li id={`document-${document.id}`}>
      <strong>
        <Text text={document.title} locale={props.locale} />
      </strong>{' '}
      <span class="meta" safe>
        {`${t(`document.kind.${document.kind}` as 'document.kind.draft')}${document.visibility === 'members' ? ` · ${t('visibility.members')}` : ''}${document.publishedOn ? ` · ${t('document.published', { date: formatDate(props.locale, document.publishedOn) })}` : ''}`}
      </span>
      {document.officialUrl ? (
        <>
          {' '}
          <a href={document.officialUrl}>{safeT('document.official')}</a>
        </>
      ) : (
        ''
      )}
      {versions.length ? (
        <ul>
          {versions.map((v) => (
            <li>
              <span safe>{t('document.version', { number: v.number, date: formatDate(props.locale, day(v.createdAt)) })}</span>
              {(['en', 'fr'] as const).map((language) =>
                v.files[language] ? (
                  <>
                    {' '}
                    <a href={`${base}/${v.number}/${language}`} hreflang={language} safe>
                      {t('document.file', { language: t(`language.${language}`) })}
                    </a>
                  </>
                ) : (
                  ''
                ),
              )}
              {v.note ? <span safe>{` · ${v.note}`}</span> : ''}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </li>
  );
}
