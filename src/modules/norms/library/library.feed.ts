/**
 * The Atom 1.0 feed of newly published practices, written by the `feed` package (maintained, Node 20+). It puts entry
 * titles and summaries in `type="html"` CDATA sections, so our plain texts are HTML-escaped first: a title reads as
 * the text it is, and no `]]>` can end a section early. Entry ids are the practices' public addresses, which never
 * change; `updated` and `published` are the day the current version was published.
 */
import { escapeHtml } from '@kitajs/html';
import { Feed } from 'feed';
import type { Locale } from '../../../app/i18n/i18n.js';
import { normParagraph } from './library.constants.js';
import { libraryMessages } from './library.messages.js';
import { attributionOf, shownText } from './library.models.js';
import type { LibraryPractice } from './library.usecases.js';

/** HTML-escaped, `>` included (kitajs leaves it), so that no `]]>` reaches a CDATA section. */
const asHtml = (text: string) => escapeHtml(text).replace(/>/g, '&gt;');

export const atomType = 'application/atom+xml; charset=utf-8';

export function practicesFeed(input: { practices: LibraryPractice[]; locale: Locale; publicUrl: string }): string {
  const { locale, publicUrl } = input;
  const t = libraryMessages(locale);
  const library = `${publicUrl}/${locale}/practices`;
  const feed = new Feed({
    id: `${library}/feed.atom`,
    title: t('feed.title'),
    description: t('feed.subtitle'),
    link: library,
    feedLinks: { atom: `${library}/feed.atom` },
    language: locale,
    // The newest entry's publication; an empty feed was last updated when it was asked for.
    updated: input.practices[0]?.publishedAt ?? new Date(),
    generator: 'Paris Call Platform',
  });
  for (const practice of input.practices) {
    if (!practice.publishedAt) continue;
    const link = `${library}/${encodeURIComponent(practice.id)}`;
    const title = shownText(practice.title, locale, practice.original);
    const description = shownText(practice.description, locale, practice.original);
    const untranslated = title?.state === 'not-translated' ? ` ${t('feed.notTranslated', { language: t(`language.${title.lang}`) })}` : '';
    const by = attributionOf(locale, practice);
    feed.addItem({
      id: link,
      link,
      title: asHtml(`${title?.text ?? practice.id}${untranslated}`),
      ...(description ? { description: asHtml(description.text) } : {}),
      date: practice.publishedAt,
      published: practice.publishedAt,
      ...(by ? { author: [{ name: by }] } : {}),
      category: practice.norms.map((code) => ({ term: code, name: normParagraph(code) })),
    });
  }
  return feed.atom1();
}
