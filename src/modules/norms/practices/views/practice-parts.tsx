/** Pieces the practice pages share: the facts of a practice, its files, a title, a date. */
import { acceptedTypes } from '../../../../app/files/files.types.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { countryName } from '../../../../shared/countries.js';
import { practicesMessages } from '../practices.messages.js';
import { shownText } from '../practices.models.js';
import { datesText, kindLabel, normParagraph, principleName, sectorLabel, statusLabel } from '../practices.presenters.js';
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
