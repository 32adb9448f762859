import { describedBy, Field } from '../../../../app/html/field.js';
import type { FieldIssue } from '../../../../app/http/errors.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import type { EditionAdminRow } from '../../index.repository.js';
import { indexAdminMessages } from './secretariat.locales.js';

/**
 * Pieces shared by the secretariat's index screens: a file field, the list of problems an import or a configuration
 * produced, and the notice after an action.
 */

/** A file input inside a Field. */
export function FileField(props: { name: string; label: string; hint?: string; error?: string | undefined; required?: boolean; accept: string }): JSX.Element {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <input
        type="file"
        id={props.name}
        name={props.name}
        accept={props.accept}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}
      />
    </Field>
  );
}

/** Every problem of a refused input (row, column, message), focusable so the page can jump to it. */
export function ProblemList(props: { id: string; title: string; where: string; what: string; note?: string; problems: FieldIssue[] }): JSX.Element {
  if (props.problems.length === 0) return '';
  return (
    <section class="error-summary" role="alert" aria-labelledby={`${props.id}-title`} tabindex="-1" id={props.id}>
      <h2 id={`${props.id}-title`} safe>
        {props.title}
      </h2>
      {props.note ? <p safe>{props.note}</p> : ''}
      <table>
        <thead>
          <tr>
            <th scope="col" safe>
              {props.where}
            </th>
            <th scope="col" safe>
              {props.what}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.problems.map((p) => (
            <tr>
              <td safe>{p.field}</td>
              <td safe>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Notice(props: { text: string | undefined }): JSX.Element {
  return props.text ? (
    <p class="notice" role="status" safe>
      {props.text}
    </p>
  ) : (
    ''
  );
}

/** A moment in the secretariat's screens: date and time, in UTC so every member of the secretariat reads the same. */
export const dateTime = (locale: Locale, date: Date): string =>
  `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;

/** Where an edition stands: draft; published (pilot or not) with its public page; withdrawn, when and why. */
export function EditionStatus(props: { locale: Locale; edition: Pick<EditionAdminRow, 'slug' | 'status' | 'publishedAt' | 'isPilot' | 'withdrawnAt' | 'withdrawalReason'> }): JSX.Element {
  const { locale, edition } = props;
  const t = indexAdminMessages(locale);
  const safeT = escaping(t);
  if (edition.status === 'draft' || !edition.publishedAt) return <>{safeT('admin.status.draft')}</>;
  const state =
    edition.status === 'withdrawn' && edition.withdrawnAt
      ? t('admin.status.withdrawn', { date: dateTime(locale, edition.withdrawnAt), reason: edition.withdrawalReason ?? '' })
      : t('admin.status.published', { date: dateTime(locale, edition.publishedAt) });
  return (
    <>
      <span safe>{state}</span>
      {edition.isPilot ? <span safe>{` (${t('admin.status.pilot')})`}</span> : ''}{' '}
      <a href={`/${locale}/index/${edition.slug}`}>{safeT('admin.public')}</a>
    </>
  );
}
