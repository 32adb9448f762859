import type { Locale } from '../../../../app/i18n/i18n.js';
import { renderMarkdown } from '../../../../shared/markdown.js';
import { shownText } from '../practices.models.js';
import type { PracticeContent } from '../practices.tables.js';
import { practicesT } from './practice-parts.js';

/**
 * The description in the page's language, with what it is: the original, the author's translation (with a link to
 * the original), or the original because there is no translation (said so, never a blank). `toggle` is the page's
 * address without query, for the links between the two.
 */
export function Description(props: { locale: Locale; content: PracticeContent; preferOriginal?: boolean; toggle?: string }): JSX.Element {
  const { locale, content } = props;
  const { t, safeT } = practicesT(locale);
  const shown = shownText(content.description, content.original, locale, props.preferOriginal);
  if (!shown) return <p>{safeT('page.none')}</p>;
  const language = (lang: string) => t(lang === 'fr' ? 'language.fr' : 'language.en');
  const other = shown.lang === 'en' ? 'fr' : 'en';
  let note: JSX.Element = '';
  if (shown.kind === 'translation') {
    note = (
      <p class="notice">
        {safeT('page.translation', { language: language(content.original) })}{' '}
        {props.toggle ? (
          <a href={`${props.toggle}?text=original`} safe>
            {t('page.readOriginal', { language: language(content.original) })}
          </a>
        ) : (
          ''
        )}
      </p>
    );
  } else if (shown.kind === 'untranslated') {
    note = <p class="notice">{safeT('page.untranslated', { language: language(locale), original: language(shown.lang) })}</p>;
  } else if (shown.lang !== locale) {
    note = (
      <p class="notice">
        {safeT('page.showingOriginal', { language: language(shown.lang) })}{' '}
        {props.toggle && content.description[other] ? (
          <a href={props.toggle} safe>
            {t('page.readTranslation', { language: language(other) })}
          </a>
        ) : (
          ''
        )}
      </p>
    );
  }
  return (
    <>
      {note}
      <div class="prose" lang={shown.lang}>
        {renderMarkdown(shown.text) as 'safe'}
      </div>
    </>
  );
}
