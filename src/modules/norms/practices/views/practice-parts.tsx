/** Pieces the practice pages share: the facts of a practice, a text in its language with its note, a diff, a date. */
import { acceptedTypes } from '../../../../app/files/files.types.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { countryName } from '../../../../shared/countries.js';
import { renderMarkdown } from '../../../../shared/markdown.js';
import { practicesMessages } from '../practices.messages.js';
import { shownText } from '../practices.models.js';
import { datesText, kindLabel, normParagraph, principleName, sectorLabel, statusLabel, type FieldDiff } from '../practices.presenters.js';
import type { Framework, Organisation } from '../practices.queries.js';
import type { Localized, PracticeAttachment, PracticeContent, PracticeSourceRef } from '../practices.tables.js';

export const practicesT = (locale: Locale) => {
  const t = practicesMessages(locale);
  return { t, safeT: escaping(t) };
};

export function dateText(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function sizeText(locale: Locale, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(mb ? bytes / (1024 * 1024) : Math.max(1, bytes / 1024));
}

/** Where a practice's file is downloaded: under the practice, which decides who may have it. */
export const fileHref = (locale: Locale, practiceId: string, file: PracticeAttachment) => `/${locale}/practices/${practiceId}/files/${file.sha256}/${encodeURIComponent(file.name)}`;

/** A title in the page's language, or the original (the page says which). */
export function titleOf(content: Pick<PracticeContent, 'title' | 'original'>, locale: Locale): string {
  return shownText(content.title, content.original, locale)?.text ?? '';
}

/** A list of downloads: name, type and size. */
export function FileList(props: { locale: Locale; practiceId: string; files: PracticeAttachment[] }): JSX.Element {
  const { safeT } = practicesT(props.locale);
  if (props.files.length === 0) return <span>{safeT('page.none')}</span>;
  return (
    <ul>
      {props.files.map((file) => (
        <li>
          <a href={fileHref(props.locale, props.practiceId, file)} download={file.name} safe>
            {practicesT(props.locale).t('page.download', { name: file.name, type: (acceptedTypes[file.mediaType] ?? '').toUpperCase(), size: sizeText(props.locale, file.size) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

function sourceText(ref: PracticeSourceRef): string {
  return `${ref.document}, ${ref.locator}`;
}

/** Everything about a practice but its title and description, as a definition list. */
export function PracticeFacts(props: {
  locale: Locale;
  practiceId: string;
  content: PracticeContent;
  framework: Framework;
  organisation?: Organisation | null;
  attribution?: Localized | null;
  sourceRef?: PracticeSourceRef | null;
}): JSX.Element {
  const { locale, content, framework } = props;
  const { t, safeT } = practicesT(locale);
  const attribution = props.attribution?.[locale] ?? props.attribution?.en ?? props.attribution?.fr;
  return (
    <dl class="facts">
      {props.organisation || attribution ? (
        <>
          <dt>{safeT('field.attribution')}</dt>
          <dd>
            {props.organisation ? (
              <a href={`/${locale}/supporters/${props.organisation.slug}`} safe>
                {props.organisation.name}
              </a>
            ) : (
              <span safe>{attribution}</span>
            )}
          </dd>
        </>
      ) : (
        ''
      )}
      <dt>{safeT('field.kind')}</dt>
      <dd safe>{kindLabel(t, content.kind)}</dd>
      <dt>{safeT('field.status')}</dt>
      <dd safe>{statusLabel(t, content.implementationStatus)}</dd>
      <dt>{safeT('field.dates')}</dt>
      <dd safe>{datesText(t, locale, content)}</dd>
      <dt>{safeT('field.year')}</dt>
      <dd safe>{String(content.year)}</dd>
      <dt>{safeT('field.principles')}</dt>
      <dd>
        {content.principles.length ? (
          <ul>
            {content.principles.map((n) => (
              <li>
                <a href={`/${locale}/principles/${n}`} safe>
                  {principleName(t, framework, n, locale)}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          safeT('page.none')
        )}
      </dd>
      <dt>{safeT('field.norms')}</dt>
      <dd>
        {content.norms.length ? (
          <ul>
            {content.norms.map((code) => (
              <li>
                <a href={`/${locale}/norms/${code}`} safe>
                  {t('norm.label', { paragraph: normParagraph(framework, code) })}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          safeT('page.none')
        )}
      </dd>
      <dt>{safeT('field.sectors')}</dt>
      <dd safe>{content.sectors.length ? content.sectors.map((s) => sectorLabel(t, s)).join(', ') : t('page.none')}</dd>
      <dt>{safeT('field.countries')}</dt>
      <dd safe>{content.countries.length ? content.countries.map((c) => countryName(c, locale)).join(', ') : t('page.none')}</dd>
      <dt>{safeT('field.links')}</dt>
      <dd>
        {content.links.length ? (
          <ul>
            {content.links.map((link) => (
              <li>
                <a href={link.url} rel="nofollow ugc noopener" safe>
                  {link.label?.[locale] ?? link.label?.en ?? link.label?.fr ?? link.url}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          safeT('page.none')
        )}
      </dd>
      <dt>{safeT('field.attachments')}</dt>
      <dd>
        <FileList locale={locale} practiceId={props.practiceId} files={content.attachments} />
      </dd>
      {props.sourceRef ? (
        <>
          <dt>{safeT('field.source')}</dt>
          <dd>
            {props.sourceRef.url ? (
              <a href={props.sourceRef.url} rel="nofollow noopener" safe>
                {sourceText(props.sourceRef)}
              </a>
            ) : (
              <span safe>{sourceText(props.sourceRef)}</span>
            )}
          </dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}

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

/** Text with its line breaks kept (lists are one item a line; a description's paragraphs stay apart). */
function Lines(props: { text: string }): JSX.Element {
  return (
    <>
      {props.text.split('\n').map((line, index) => (
        <>
          {index > 0 ? <br /> : ''}
          <span safe>{line}</span>
        </>
      ))}
    </>
  );
}

/** What changed between two versions, field by field, words struck through and underlined; every text escaped. */
export function DiffTable(props: { locale: Locale; diffs: FieldDiff[] }): JSX.Element {
  const { safeT } = practicesT(props.locale);
  if (props.diffs.length === 0) return <p>{safeT('history.unchanged')}</p>;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{safeT('diff.field')}</th>
            <th scope="col">{safeT('diff.change')}</th>
          </tr>
        </thead>
        <tbody>
          {props.diffs.map((diff) => (
            <tr>
              <th scope="row" safe>
                {diff.label}
              </th>
              <td class="diff">
                {diff.parts.map((part) => {
                  const text = <Lines text={part.value} />;
                  return part.added ? <ins>{text}</ins> : part.removed ? <del>{text}</del> : <span>{text}</span>;
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
