import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { countryOptions } from '../../../shared/countries.js';
import { supporterCategories } from '../../supporters/supporters.constants.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import type { SupporterRow } from '../../supporters/supporters.models.js';
import { applicationMessages } from '../applications.messages.js';
import { limits } from '../applications.schemas.js';
import type { ApplicationRow } from '../applications.tables.js';
import { Checkbox, ErrorSummary, SelectField, TextArea, TextField, type FieldContext } from './form-fields.js';

export interface ManagePageProps {
  locale: Locale;
  supporter: SupporterRow;
  pendingEdit?: ApplicationRow | undefined;
  representatives: number;
  hiddenFields: string;
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  /** Which form the errors belong to. */
  form?: 'edit' | 'invite' | 'withdraw';
  notice?: string | undefined;
}

const publicFieldNames = ['name', 'category', 'countryCode', 'nature', 'website', 'twitter', 'linkedin', 'statement', 'statementLocale'] as const;

/** A representative's (or the secretariat's) page for one entry: propose changes, invite a colleague, withdraw. */
export function ManagePage(props: ManagePageProps): JSX.Element {
  const { locale, supporter } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const s = supporterMessages(locale);
  const base = `/${locale}/account/organisations/${supporter.id}`;
  const current = Object.fromEntries(publicFieldNames.map((f) => [f, f === 'countryCode' ? supporter.countryCode ?? 'none' : supporter[f]]));
  const editCtx: FieldContext = { t, values: props.form === 'edit' ? props.values ?? current : current, errors: props.form === 'edit' ? props.errors ?? {} : {} };
  const inviteCtx: FieldContext = { t, values: props.form === 'invite' ? props.values ?? {} : {}, errors: props.form === 'invite' ? props.errors ?? {} : {} };
  const withdrawCtx: FieldContext = { t, values: props.form === 'withdraw' ? props.values ?? {} : {}, errors: props.form === 'withdraw' ? props.errors ?? {} : {} };
  const labels = Object.fromEntries(publicFieldNames.map((name) => [name, t(`join.field.${name}`)]));
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <Layout locale={locale} title={t('manage.title', { name: supporter.name })} path={`/account/organisations/${supporter.id}`} current="account">
      <h1>{safeT('manage.title', { name: supporter.name })}</h1>
      <p>
        <a href={`/${locale}/supporters/${supporter.slug}`}>{safeT('account.organisation.public')}</a> · {safeT('manage.representatives', { count: props.representatives })}
      </p>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}

      <h2 id="edit">{safeT('manage.edit.title')}</h2>
      <p>{safeT('manage.edit.intro')}</p>
      {props.pendingEdit ? <p class="notice">{safeT('manage.edit.pending', { date: dateFormat.format(props.pendingEdit.createdAt) })}</p> : ''}
      {props.form === 'edit' ? <ErrorSummary t={t} errors={editCtx.errors} labels={labels} /> : ''}
      <form class="form" method="post" action={`${base}/edit`} novalidate>
        {props.hiddenFields as 'safe'}
        <TextField ctx={editCtx} name="name" label={t('join.field.name')} required maxlength={limits.name} />
        <SelectField ctx={editCtx} name="category" label={t('join.field.category')} options={supporterCategories.map((c) => ({ value: c, label: s(`category.${c}`) }))} />
        <SelectField
          ctx={editCtx}
          name="countryCode"
          label={t('join.field.countryCode')}
          options={[{ value: 'none', label: t('join.field.countryCode.none') }, ...countryOptions(locale)]}
        />
        <TextField ctx={editCtx} name="nature" label={t('join.field.nature')} maxlength={limits.nature} />
        <TextField ctx={editCtx} name="website" type="url" label={t('join.field.website')} maxlength={limits.url} />
        <TextField ctx={editCtx} name="twitter" label={t('join.field.twitter')} hint={t('join.field.twitter.hint')} maxlength={limits.url} />
        <TextField ctx={editCtx} name="linkedin" type="url" label={t('join.field.linkedin')} maxlength={limits.url} />
        <TextArea ctx={editCtx} name="statement" label={t('join.field.statement')} hint={t('join.field.statement.hint')} maxlength={limits.statement} />
        <SelectField
          ctx={{ ...editCtx, values: { ...editCtx.values, statementLocale: editCtx.values.statementLocale ?? locale } }}
          name="statementLocale"
          label={t('join.field.statementLocale')}
          options={[
            { value: 'en', label: 'English' },
            { value: 'fr', label: 'Français' },
          ]}
        />
        <button type="submit">{safeT('manage.edit.submit')}</button>
      </form>

      <h2 id="invite">{safeT('manage.invite.title')}</h2>
      <p>{safeT('manage.invite.intro')}</p>
      <form class="form" method="post" action={`${base}/invite`} novalidate>
        {props.hiddenFields as 'safe'}
        <TextField ctx={inviteCtx} name="email" type="email" label={t('manage.invite.email')} required maxlength={limits.email} />
        <button type="submit" class="secondary">
          {safeT('manage.invite.submit')}
        </button>
      </form>

      <h2 id="withdraw">{safeT('manage.withdraw.title')}</h2>
      <p>{safeT('manage.withdraw.intro')}</p>
      <form class="form" method="post" action={`${base}/withdraw`} novalidate>
        {props.hiddenFields as 'safe'}
        <TextArea ctx={withdrawCtx} name="reason" label={t('manage.withdraw.reason')} required maxlength={limits.reason} />
        <Checkbox ctx={withdrawCtx} name="confirm" label={t('manage.withdraw.confirm', { name: supporter.name })} required />
        <button type="submit" class="danger">
          {safeT('manage.withdraw.submit')}
        </button>
      </form>
    </Layout>
  );
}
