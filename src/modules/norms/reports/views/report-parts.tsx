/** Pieces the report pages share: the translator, dates, a section's answers in the reader's language, a word diff. */
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { languageName } from '../../../../shared/languages.js';
import { renderMarkdown } from '../../../../shared/markdown.js';
import type { Localized } from '../../practices/practices.tables.js';
import { sectionFields, type ReportLanguage } from '../reports.constants.js';
import { wordDiff } from '../reports.diff.js';
import { reportsMessages, type ReportsMessageKey } from '../reports.messages.js';
import { shownText } from '../reports.models.js';
import type { PracticeRef, SectionRow } from '../reports.queries.js';

export const reportsT = (locale: Locale) => {
  const t = reportsMessages(locale);
  return { t, safeT: escaping(t) };
};

export function dateText(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A language's name in the reader's language ("English", "anglais"). */
export function languageText(locale: Locale, language: string): string {
  return languageName(locale, language);
}

/** The localized message of a field's error key, or nothing. */
export function errorText(locale: Locale, errors: Record<string, ReportsMessageKey> | undefined, field: string): string | undefined {
  const key = errors?.[field];
  return key ? reportsMessages(locale)(key) : undefined;
}

/**
 * One answer in the reader's language: Markdown rendered sanitized (renderMarkdown), the language marked on the
 * element, and a translation or an untranslated original said to be one.
 */
export function AnswerText(props: { locale: Locale; text: Localized; original: ReportLanguage }): JSX.Element {
  const { t } = reportsT(props.locale);
  const shown = shownText(props.text, props.original, props.locale);
  if (!shown) return '';
  const note =
    shown.kind === 'translation'
      ? t('reports.text.translation', { language: languageText(props.locale, props.original) })
      : shown.kind === 'untranslated'
        ? t('reports.text.untranslated', { language: languageText(props.locale, props.original) })
        : '';
  return (
    <>
      {note ? <p class="meta" safe>{note}</p> : ''}
      <div class="prose" lang={shown.lang}>
        {renderMarkdown(shown.text) as 'safe'}
      </div>
    </>
  );
}

/** A section's answers, question by question (unanswered questions left out), and the practices it points to. */
export function SectionAnswers(props: { locale: Locale; section: SectionRow; original: ReportLanguage; practices: readonly PracticeRef[]}): JSX.Element {
  const { t, safeT } = reportsT(props.locale);
  const answered = sectionFields.filter((field) => shownText(props.section.content[field], props.original, props.locale));
  const linked = props.practices.filter((p) => props.section.content.practiceIds.includes(p.id));
  if (answered.length === 0 && linked.length === 0) return <p>{safeT('reports.report.unanswered')}</p>;
  return (
    <>
      {answered.map((field) => (
        <>
          <h3 safe>{t(`reports.field.${field}`)}</h3>
          <AnswerText locale={props.locale} text={props.section.content[field]} original={props.original} />
        </>
      ))}
      {linked.length ? (
        <>
          <h3>{safeT('reports.report.practices')}</h3>
          <ul>
            {linked.map((practice) => {
              const title = practice.title[props.locale] ?? practice.title.en ?? practice.title.fr ?? practice.id;
              return (
                <li>
                  <a href={`/${props.locale}/practices/${practice.id}`} safe>
                    {title}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/**
 * Two texts side by side (one above the other on narrow screens), as a word diff: the first shows what the second
 * removed, the second what it added, each change also named for screen readers. The texts are shown as typed
 * (Markdown source), so that what differs is exactly what was written.
 */
export function DiffColumns(props: { locale: Locale; before: string; after: string; beforeLabel: string; afterLabel: string; beforeLang?: string; afterLang?: string }): JSX.Element {
  const { t, safeT } = reportsT(props.locale);
  const parts = wordDiff(props.before, props.after);
  const empty = <span class="meta">{safeT('reports.conflict.emptyText')}</span>;
  return (
    <div class="side-by-side">
      <div>
        <p class="side-label" safe>{props.beforeLabel}</p>
        <p class="diff-text" lang={props.beforeLang}>
          {props.before.trim() === ''
            ? empty
            : parts.map((part) =>
                part.change === 'same' ? (
                  <span safe>{part.text}</span>
                ) : part.change === 'removed' ? (
                  <del>
                    <span class="visually-hidden" safe>{t('reports.diff.removed')}</span>
                    <span safe>{part.text}</span>
                    <span class="visually-hidden" safe>{t('reports.diff.end')}</span>
                  </del>
                ) : (
                  ''
                ),
              )}
        </p>
      </div>
      <div>
        <p class="side-label" safe>{props.afterLabel}</p>
        <p class="diff-text" lang={props.afterLang}>
          {props.after.trim() === ''
            ? empty
            : parts.map((part) =>
                part.change === 'same' ? (
                  <span safe>{part.text}</span>
                ) : part.change === 'added' ? (
                  <ins>
                    <span class="visually-hidden" safe>{t('reports.diff.added')}</span>
                    <span safe>{part.text}</span>
                    <span class="visually-hidden" safe>{t('reports.diff.end')}</span>
                  </ins>
                ) : (
                  ''
                ),
              )}
        </p>
      </div>
    </div>
  );
}

/** A notice after a redirect, or a form-level error. */
export function Notice(props: { message?: string | undefined; error?: boolean }): JSX.Element {
  if (!props.message) return '';
  return props.error ? (
    <p class="error-summary" role="alert" safe>
      {props.message}
    </p>
  ) : (
    <p class="notice" role="status" safe>
      {props.message}
    </p>
  );
}
