/**
 * The comment form of one paragraph (or question, or the text as a whole): the input, its language, whom it speaks
 * for, and how it is published, chosen before sending. Ids carry the paragraph (`body-p3`), so a page holds many.
 */
import type { Locale } from '../../../app/i18n/i18n.js';
import { maxInputLength, publications } from '../consultations.constants.js';
import type { FormErrors, FormValues } from '../consultations.forms.js';
import { consultationsT, errorText, Radios, Select, TextArea } from './parts.js';

export interface CommentFormProps {
  locale: Locale;
  action: string;
  csrfField: string;
  /** The paragraph's number, or null for the text as a whole. */
  paragraph: number | null;
  heading: string;
  organisations: Array<{ id: string; name: string }>;
  values?: FormValues | undefined;
  errors?: FormErrors | undefined;
}

export function CommentForm(props: CommentFormProps): JSX.Element {
  const { locale } = props;
  const { t, safeT } = consultationsT(locale);
  const key = props.paragraph === null ? 'general' : `p${props.paragraph}`;
  const values = props.values ?? {};
  const error = (field: string) => errorText(locale, props.errors, field);
  return (
    <details class="comment-form" open={props.errors ? true : undefined}>
      <summary safe>{props.heading}</summary>
      <form method="post" action={props.action} class="form" novalidate id={`comment-${key}`}>
        {props.csrfField as 'safe'}
        <input type="hidden" name="paragraph" value={props.paragraph === null ? '' : String(props.paragraph)} />
        <TextArea id={`body-${key}`} name="body" label={t('consultations.form.body')} value={values.body ?? ''} error={error('body')} max={maxInputLength} rows={5} />
        <Select
          id={`language-${key}`}
          name="language"
          label={t('consultations.form.language')}
          value={values.language ?? locale}
          error={error('language')}
          options={[
            ['en', 'English'],
            ['fr', 'Français'],
          ]}
        />
        {props.organisations.length ? (
          <Select
            id={`organisation-${key}`}
            name="organisation"
            label={t('consultations.form.organisation')}
            value={values.organisation ?? props.organisations[0]!.id}
            error={error('organisation')}
            options={[...props.organisations.map((o): [string, string] => [o.id, o.name]), ['', t('consultations.form.myself')]]}
          />
        ) : (
          ''
        )}
        <Radios
          id={`publication-${key}`}
          name="publication"
          legend={t('consultations.form.publication')}
          value={values.publication ?? 'named'}
          error={error('publication')}
          options={publications.map((p) => [p, t(`consultations.publication.${p}`), t(`consultations.publication.${p}.hint`)])}
        />
        <button type="submit">{safeT('consultations.form.send')}</button>
      </form>
    </details>
  );
}
