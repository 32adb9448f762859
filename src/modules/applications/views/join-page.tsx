import { Honeypot } from '../../../app/html/honeypot.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { countryOptions } from '../../../shared/countries.js';
import { supporterCategories } from '../../supporters/supporters.constants.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import { applicationMessages } from '../applications.messages.js';
import { limits } from '../applications.schemas.js';
import { Checkbox, ErrorSummary, SelectField, TextArea, TextField, type FieldContext } from './form-fields.js';

export interface JoinPageProps {
  locale: Locale;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** Hidden inputs: the CSRF token and the signed time the form was shown (bots post at once). */
  hiddenFields: string;
  notice?: string | undefined;
}

export const joinFieldNames = [
  'category',
  'name',
  'countryCode',
  'nature',
  'website',
  'executiveName',
  'executiveEmail',
  'contactEmail',
  'twitter',
  'linkedin',
  'statement',
  'statementLocale',
  'acceptCall',
  'acceptPrivacy',
] as const;

/** The application form. Works without JavaScript; on errors it comes back with the values and a linked summary. */
export function JoinPage(props: JoinPageProps): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const s = supporterMessages(locale);
  const ctx: FieldContext = { t, values: props.values, errors: props.errors };
  const labels = Object.fromEntries(joinFieldNames.map((name) => [name, t(`join.field.${name}`)]));
  return (
    <Layout locale={locale} title={t('join.title')} path="/join" current="join" description={t('join.intro')}>
      <h1>{safeT('join.title')}</h1>
      <p class="lead">{safeT('join.intro')}</p>
      <h2>{safeT('join.steps.label')}</h2>
      <ol>
        <li>{safeT('join.steps.1')}</li>
        <li>{safeT('join.steps.2')}</li>
        <li>{safeT('join.steps.3')}</li>
      </ol>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary t={t} errors={props.errors} labels={labels} />
      <form class="form" method="post" action={`/${locale}/join`} novalidate>
        {props.hiddenFields as 'safe'}
        <fieldset>
          <legend>{safeT('join.section.organisation')}</legend>
          <SelectField
            ctx={ctx}
            name="category"
            label={t('join.field.category')}
            required
            placeholder={t('join.field.category.choose')}
            options={supporterCategories.map((c) => ({ value: c, label: s(`category.${c}`) }))}
          />
          <TextField ctx={ctx} name="name" label={t('join.field.name')} hint={t('join.field.name.hint')} required maxlength={limits.name} autocomplete="organization" />
          <SelectField
            ctx={ctx}
            name="countryCode"
            label={t('join.field.countryCode')}
            required
            placeholder={t('join.field.countryCode.choose')}
            options={[{ value: 'none', label: t('join.field.countryCode.none') }, ...countryOptions(locale)]}
          />
          <TextField ctx={ctx} name="nature" label={t('join.field.nature')} hint={t('join.field.nature.hint')} maxlength={limits.nature} />
          <TextField ctx={ctx} name="website" type="url" label={t('join.field.website')} hint={t('join.field.website.hint')} maxlength={limits.url} autocomplete="url" />
        </fieldset>
        <fieldset>
          <legend>{safeT('join.section.people')}</legend>
          <TextField ctx={ctx} name="executiveName" label={t('join.field.executiveName')} required maxlength={limits.personName} autocomplete="name" />
          <TextField
            ctx={ctx}
            name="executiveEmail"
            type="email"
            label={t('join.field.executiveEmail')}
            hint={t('join.field.executiveEmail.hint')}
            required
            maxlength={limits.email}
            autocomplete="email"
          />
          <TextField ctx={ctx} name="contactEmail" type="email" label={t('join.field.contactEmail')} maxlength={limits.email} />
        </fieldset>
        <fieldset>
          <legend>{safeT('join.section.public')}</legend>
          <TextField ctx={ctx} name="twitter" label={t('join.field.twitter')} hint={t('join.field.twitter.hint')} maxlength={limits.url} />
          <TextField ctx={ctx} name="linkedin" type="url" label={t('join.field.linkedin')} maxlength={limits.url} />
          <TextArea ctx={ctx} name="statement" label={t('join.field.statement')} hint={t('join.field.statement.hint')} maxlength={limits.statement} />
          <SelectField
            ctx={{ ...ctx, values: { ...ctx.values, statementLocale: ctx.values.statementLocale ?? locale } }}
            name="statementLocale"
            label={t('join.field.statementLocale')}
            options={[
              { value: 'en', label: 'English' },
              { value: 'fr', label: 'Français' },
            ]}
          />
        </fieldset>
        <fieldset>
          <legend>{safeT('join.section.consent')}</legend>
          <Checkbox ctx={ctx} name="acceptCall" label={t('join.field.acceptCall')} required>
            <p class="hint">
              <a href={`/${locale}/call`}>{safeT('join.field.acceptCall.link')}</a>
            </p>
          </Checkbox>
          <h3 id="privacy">{safeT('join.privacy.title')}</h3>
          <p class="hint">{safeT('join.privacy.body')}</p>
          <Checkbox ctx={ctx} name="acceptPrivacy" label={t('join.field.acceptPrivacy')} required />
        </fieldset>
        <Honeypot locale={locale} />
        <p>
          <button type="submit">{safeT('join.submit')}</button>
        </p>
      </form>
    </Layout>
  );
}

export function JoinSentPage(props: { locale: Locale }): JSX.Element {
  const safeT = escaping(applicationMessages(props.locale));
  return (
    <Layout locale={props.locale} title={applicationMessages(props.locale)('join.sent.title')} path="/join/sent" current="join">
      <h1>{safeT('join.sent.title')}</h1>
      <p class="lead">{safeT('join.sent.body')}</p>
      <p>{safeT('join.sent.notReceived')}</p>
    </Layout>
  );
}
