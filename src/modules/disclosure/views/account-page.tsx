import { describedBy, Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { PolicyJson } from '../disclosure.schemas.js';
import type { Workspace } from '../disclosure.queries.js';
import { dateTimeText, disclosureT, FreshnessBadges } from './parts.js';

export interface PolicyFormValues {
  securityTxtUrl: string;
  policyUrls: string;
  keys: string;
}

export interface AccountPageProps {
  locale: Locale;
  workspace: Workspace;
  /** The entry as the public sees it (null before the first save). */
  shown: PolicyJson | null;
  fetchError: string | null;
  csrfField: string;
  values: PolicyFormValues;
  upload: string;
  errors?: Partial<Record<'securityTxtUrl' | 'policyUrls' | 'keys' | 'upload', string>> | undefined;
  notice?: string | undefined;
}

/** An organisation's entry in the account: its freshness, the form, and the upload of a security.txt. */
export function AccountPage(props: AccountPageProps): JSX.Element {
  const { locale, workspace, values, errors = {} } = props;
  const { t, safeT } = disclosureT(locale);
  const base = `/${locale}/account/organisations/${workspace.supporter.id}/disclosure`;
  const field = (name: 'securityTxtUrl' | 'policyUrls' | 'keys' | 'upload', hint: boolean) => ({
    id: name,
    name,
    'aria-invalid': errors[name] ? 'true' : undefined,
    'aria-describedby': describedBy(name, hint, Boolean(errors[name])),
  });
  return (
    <Layout locale={locale} title={t('disclosure.account.title', { name: workspace.supporter.name })} path={`/account/organisations/${workspace.supporter.id}/disclosure`} current="account">
      <p class="breadcrumb">
        <a href={`/${locale}/account`}>{safeT('disclosure.account.back')}</a>
      </p>
      <h1 safe>{t('disclosure.account.title', { name: workspace.supporter.name })}</h1>
      <p>{safeT('disclosure.account.lead')}</p>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {Object.values(errors).some(Boolean) ? (
        <p class="error-summary" role="alert">
          {safeT('disclosure.error.summary')}
        </p>
      ) : (
        ''
      )}
      {props.shown ? (
        <section aria-labelledby="state">
          <h2 id="state">{safeT('disclosure.entry.freshness')}</h2>
          <p>
            <FreshnessBadges locale={locale} freshness={props.shown.freshness} />
          </p>
          <p safe>{t('disclosure.account.fetched', { at: dateTimeText(locale, props.shown.freshness.lastFetchedAt) })}</p>
          {props.fetchError ? <p safe>{t('disclosure.account.fetchError', { reason: props.fetchError })}</p> : ''}
          {props.shown.problems.length ? (
            <ul>
              {props.shown.problems.map((p) => (
                <li safe>{t('disclosure.entry.problem', { line: p.line, problem: t(`disclosure.problem.${p.code}` as 'disclosure.problem.expired') })}</li>
              ))}
            </ul>
          ) : (
            ''
          )}
          {workspace.supporter.published ? (
            <p>
              <a href={`/${locale}${props.shown.path}`}>{safeT('disclosure.account.public')}</a>
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {workspace.canWrite ? (
        <>
          <h2>{safeT('disclosure.account.formTitle')}</h2>
          <form method="post" action={base} class="form" novalidate>
            {props.csrfField as 'safe'}
            <Field name="securityTxtUrl" label={t('disclosure.form.url')} hint={t('disclosure.form.url.hint')} error={errors.securityTxtUrl}>
              <input type="url" {...field('securityTxtUrl', true)} value={values.securityTxtUrl} />
            </Field>
            <Field name="policyUrls" label={t('disclosure.form.policies')} hint={t('disclosure.form.policies.hint')} error={errors.policyUrls}>
              <textarea {...field('policyUrls', true)} rows="3" safe>
                {values.policyUrls}
              </textarea>
            </Field>
            <Field name="keys" label={t('disclosure.form.keys')} hint={t('disclosure.form.keys.hint')} error={errors.keys}>
              <textarea {...field('keys', true)} rows="6" class="code" safe>
                {values.keys}
              </textarea>
            </Field>
            <button type="submit">{safeT('disclosure.form.save')}</button>
          </form>
          <h2>{safeT('disclosure.upload.title')}</h2>
          <form method="post" action={`${base}/upload`} class="form" novalidate>
            {props.csrfField as 'safe'}
            <Field name="upload" label={t('disclosure.upload.label')} hint={t('disclosure.upload.hint')} error={errors.upload}>
              <textarea {...field('upload', true)} rows="10" class="code" safe>
                {props.upload}
              </textarea>
            </Field>
            <button type="submit">{safeT('disclosure.upload.submit')}</button>
          </form>
        </>
      ) : (
        <p>{safeT('disclosure.error.notPublished')}</p>
      )}
    </Layout>
  );
}

/** The registry's part of the account page: one link per organisation the person represents. */
export function AccountLinks(props: { locale: Locale; organisations: Array<{ id: string; name: string }> }): JSX.Element {
  const { safeT } = disclosureT(props.locale);
  if (props.organisations.length === 0) return '';
  return (
    <section aria-labelledby="account-disclosure">
      <h2 id="account-disclosure">{safeT('disclosure.account.link')}</h2>
      <ul>
        {props.organisations.map((o) => (
          <li>
            <a href={`/${props.locale}/account/organisations/${o.id}/disclosure`} safe>
              {o.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
