import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { countryOptions } from '../../../../shared/countries.js';
import { implementationStatuses, maxAttachmentBytes, maxAttachments, practiceKinds, practiceSectors, submittableStatuses } from '../practices.constants.js';
import { all, one, type FormErrors, type FormValues } from '../practices.forms.js';
import { kindLabel, normParagraph, principleName, sectorLabel, statusLabel } from '../practices.presenters.js';
import type { Framework, RepresentedOrganisation } from '../practices.queries.js';
import type { PracticeAttachment } from '../practices.tables.js';
import { Choices, SelectField, TextArea, TextField } from './form-fields.js';
import { practicesT } from './practice-parts.js';

export interface PracticeFormProps {
  locale: Locale;
  /** `new` chooses the organisation; `edit` names the practice. */
  mode: 'new' | 'edit';
  action: string;
  csrfField: string;
  values: FormValues;
  errors?: FormErrors;
  /** A refusal shown above the form (not allowed, waiting for moderation). */
  alert?: string;
  framework: Framework;
  /** The organisations the person may write for (new practices). */
  organisations: RepresentedOrganisation[];
  practice?: { id: string; title: string; published: boolean };
  /** The secretariat's last word the author should read: its question, or why it declined the last version. */
  decision?: { kind: 'information-requested' | 'rejected'; reason: string } | undefined;
  /** The documents already attached, which the form offers to keep. */
  attachments: PracticeAttachment[];
  mayWrite: boolean;
}

/** The practice form: works without JavaScript; every problem beside its field, with what was typed. */
export function PracticeFormPage(props: PracticeFormProps): JSX.Element {
  const { locale, framework } = props;
  const { t, safeT } = practicesT(locale);
  const errors = props.errors ?? {};
  const state = { values: props.values, errors };
  const title = props.mode === 'new' ? t('form.new.title') : t('form.edit.title', { title: props.practice?.title ?? '' });
  const path = props.mode === 'new' ? '/account/practices/new' : `/account/practices/${props.practice?.id ?? ''}/edit`;
  const original = one(props.values, 'original') === 'fr' ? 'fr' : 'en';
  const language = (lang: 'en' | 'fr') => t(`language.${lang}`);
  const statuses = [...submittableStatuses, ...(one(props.values, 'implementationStatus') === 'reported' ? (['reported'] as const) : [])];
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout locale={locale} title={title} path={path} current="account">
      <p class="breadcrumb">
        <a href={`/${locale}/account/practices${props.practice ? `/${props.practice.id}` : ''}`}>{safeT('manage.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p class="lead">{safeT('form.intro')}</p>
      {props.practice?.published ? <p class="notice">{safeT('form.afterPublication')}</p> : ''}
      {props.decision ? (
        <div class="notice" role="note">
          <p>{safeT(props.decision.kind === 'rejected' ? 'form.rejected' : 'form.infoRequested')}</p>
          <blockquote>
            <p safe>{props.decision.reason}</p>
          </blockquote>
        </div>
      ) : (
        ''
      )}
      {props.alert ? (
        <p class="notice" role="alert" safe>
          {props.alert}
        </p>
      ) : (
        ''
      )}
      {hasErrors ? (
        <div class="error-summary" role="alert">
          <p>{safeT('form.errors')}</p>
        </div>
      ) : (
        ''
      )}
      <form class="form" method="post" action={props.action} enctype="multipart/form-data" novalidate>
        {props.csrfField as 'safe'}
        {props.mode === 'new' ? (
          <SelectField {...state} name="supporter" label={t('form.organisation')} hint={t('form.organisation.hint')} options={props.organisations.map((o) => ({ value: o.id, label: o.name }))} />
        ) : (
          ''
        )}
        <fieldset>
          <legend>{safeT('form.text')}</legend>
          <Choices {...state} name="original" type="radio" legend={t('field.original')} hint={t('form.original.hint')} options={(['en', 'fr'] as const).map((lang) => ({ value: lang, label: language(lang) }))} />
          {(['en', 'fr'] as const).map((lang) => {
            const suffix = lang === original ? '' : ` (${t('form.translation')})`;
            const upper = lang === 'en' ? 'En' : 'Fr';
            return (
              <>
                <TextField {...state} name={`title${upper}`} label={`${t('form.titleIn', { language: language(lang) })}${suffix}`} lang={lang} maxlength={300} />
                <TextArea {...state} name={`description${upper}`} label={`${t('form.descriptionIn', { language: language(lang) })}${suffix}`} hint={t('form.description.hint')} lang={lang} rows={10} />
              </>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{safeT('form.classification')}</legend>
          <SelectField {...state} name="kind" label={t('field.kind')} options={practiceKinds.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))} />
          <SelectField {...state} name="implementationStatus" label={t('field.status')} options={statuses.filter((s) => implementationStatuses.includes(s)).map((s) => ({ value: s, label: statusLabel(t, s) }))} />
        </fieldset>
        <fieldset>
          <legend>{safeT('form.implements')}</legend>
          <Choices
            {...state}
            name="principles"
            legend={t('field.principles')}
            hint={t('form.implements.hint')}
            options={Array.from({ length: 9 }, (_, i) => i + 1).map((n) => ({ value: String(n), label: principleName(t, framework, n, locale) }))}
          />
          <Choices
            {...state}
            name="norms"
            legend={t('field.norms')}
            options={framework.norms.map((norm) => ({ value: norm.code, label: `${t('norm.label', { paragraph: normParagraph(framework, norm.code) })}: ${norm.text[locale] ?? norm.text.en ?? ''}`, lang: norm.text[locale] ? locale : 'en' }))}
          />
          <Choices {...state} name="sectors" legend={t('field.sectors')} options={practiceSectors.map((s) => ({ value: s, label: sectorLabel(t, s) }))} />
        </fieldset>
        <fieldset>
          <legend>{safeT('form.where')}</legend>
          <SelectField {...state} name="countries" label={t('field.countries')} hint={t('form.countries.hint')} multiple size={8} options={countryOptions(locale)} />
          <TextField {...state} name="startedOn" type="date" label={t('field.startedOn')} hint={t('form.dates.hint')} />
          <TextField {...state} name="endedOn" type="date" label={t('field.endedOn')} />
          <TextField {...state} name="year" type="number" label={t('field.year')} hint={t('form.year.hint')} />
        </fieldset>
        <LinkRows {...state} locale={locale} />
        <fieldset>
          <legend>{safeT('field.attachments')}</legend>
          <p class="hint" id="attachments-hint">
            {safeT('form.attachments.hint', { max: maxAttachmentBytes / (1024 * 1024), count: maxAttachments })}
          </p>
          {props.attachments.length ? (
            <Choices {...state} name="keep" legend={t('field.attachments')} options={props.attachments.map((a) => ({ value: a.sha256, label: t('form.attachments.keep', { name: a.name }) }))} />
          ) : (
            ''
          )}
          <div class="field">
            <label for="attachments">{safeT('form.attachments.add')}</label>
            <input id="attachments" name="attachments" type="file" multiple accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp" aria-describedby={errors.attachments ? 'attachments-hint attachments-error' : 'attachments-hint'} />
            {errors.attachments ? (
              <p class="field-error" id="attachments-error" safe>
                {errors.attachments}
              </p>
            ) : (
              ''
            )}
            {hasErrors ? <p class="hint">{safeT('form.attachments.again')}</p> : ''}
          </div>
        </fieldset>
        {props.mode === 'edit' ? <TextArea {...state} name="changeNote" label={t('field.changeNote')} hint={t('form.changeNote.hint')} rows={3} /> : ''}
        {props.mayWrite ? (
          <div class="actions">
            <button type="submit" name="intent" value="save" class="secondary">
              {safeT('form.save')}
            </button>
            <button type="submit" name="intent" value="submit">
              {safeT('form.submit')}
            </button>
          </div>
        ) : (
          <p class="notice">{safeT('form.cannotWrite')}</p>
        )}
      </form>
    </Layout>
  );
}

/** Link rows: those given, and two empty ones to add more (without JavaScript). */
function LinkRows(props: { locale: Locale; values: FormValues; errors: FormErrors }): JSX.Element {
  const { t, safeT } = practicesT(props.locale);
  const urls = all(props.values, 'linkUrl');
  const labels = all(props.values, 'linkLabel');
  const count = Math.min(urls.length + 2, 22);
  return (
    <fieldset>
      <legend>{safeT('field.links')}</legend>
      <p class="hint">{safeT('form.links.hint')}</p>
      {props.errors.links ? (
        <p class="field-error" safe>
          {props.errors.links}
        </p>
      ) : (
        ''
      )}
      {Array.from({ length: count }, (_, row) => {
        const error = props.errors[`link-${row}`];
        return (
          <div class="field">
            <label for={`linkUrl-${row}`} safe>
              {t('form.linkUrl', { n: row + 1 })}
            </label>
            <input id={`linkUrl-${row}`} name="linkUrl" type="url" value={urls[row] ?? ''} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `link-${row}-error` : undefined} />
            <label for={`linkLabel-${row}`} safe>
              {t('form.linkLabel', { n: row + 1 })}
            </label>
            <input id={`linkLabel-${row}`} name="linkLabel" type="text" value={labels[row] ?? ''} maxlength={200} />
            {error ? (
              <p class="field-error" id={`link-${row}-error`} safe>
                {error}
              </p>
            ) : (
              ''
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
