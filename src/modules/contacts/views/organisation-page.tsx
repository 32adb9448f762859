import { Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { contactsMessages, type ContactsMessageKey } from '../contacts.messages.js';
import type { ContactRow } from '../contacts.tables.js';
import { ContactForm } from './contact-form.js';
import type { FormErrors, FormValues } from '../contacts.forms.js';
import { Freshness } from './contact-parts.js';

export interface OrganisationPageProps {
  locale: Locale;
  organisation: { id: string; name: string };
  contacts: ContactRow[];
  csrfField: string;
  canWrite: boolean;
  notice?: string | undefined;
  alert?: string | undefined;
  importError?: string | undefined;
}

/** An organisation's points of contact for its representatives: the list, nominate, import and export. */
export function OrganisationPage(props: OrganisationPageProps): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const base = `/${props.locale}/account/organisations/${props.organisation.id}/contacts`;
  return (
    <Layout locale={props.locale} title={t('org.title', { organisation: props.organisation.name })} path={base.slice(3)} current="account">
      <h1 safe>{t('org.title', { organisation: props.organisation.name })}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      {props.alert ? <p class="notice error" role="alert" safe>{props.alert}</p> : ''}
      <p>{safeT('org.intro')}</p>
      {props.canWrite ? (
        <p>
          <a class="button" href={`${base}/new`}>{safeT('org.nominate')}</a>
        </p>
      ) : (
        ''
      )}
      {props.contacts.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{safeT('list.name')}</th>
              <th scope="col">{safeT('list.role')}</th>
              <th scope="col">{safeT('list.freshness')}</th>
              <th scope="col">{safeT('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.contacts.map((c) => (
              <tr>
                <td safe>{c.name}</td>
                <td safe>{t(`role.${c.role}` as ContactsMessageKey)}</td>
                <td><Freshness locale={props.locale} contact={c} /></td>
                <td>
                  <a href={`${base}/${c.id}/edit`}>{safeT('org.edit', { name: c.name })}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{safeT('org.none')}</p>
      )}
      <h2>{safeT('org.exchange')}</h2>
      <ul>
        <li><a href={`${base}.json`} download="">{safeT('org.exportJson')}</a></li>
        <li><a href={`${base}.txt`} download="">{safeT('org.exportText')}</a></li>
      </ul>
      {props.canWrite ? (
        <form class="form" method="post" action={`${base}/import`} enctype="multipart/form-data" novalidate>
          {props.csrfField as 'safe'}
          <Field name="format" label={t('import.format')}>
            <select id="format" name="format">
              <option value="json">{safeT('import.json.label')}</option>
              <option value="rfc2350">{safeT('import.rfc2350.label')}</option>
            </select>
          </Field>
          <Field name="file" label={t('import.file')} error={props.importError}>
            <input type="file" id="file" name="file" accept=".json,.txt,application/json,text/plain" aria-invalid={props.importError ? 'true' : undefined} aria-describedby={props.importError ? 'file-error' : undefined} />
          </Field>
          <button type="submit">{safeT('import.submit')}</button>
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface NominationPageProps {
  locale: Locale;
  organisation: { id: string; name: string };
  csrfField: string;
  values: FormValues;
  errors?: FormErrors | undefined;
  alert?: string | undefined;
}

export function NominationPage(props: NominationPageProps): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const base = `/${props.locale}/account/organisations/${props.organisation.id}/contacts`;
  return (
    <Layout locale={props.locale} title={t('nominate.title')} path={`${base.slice(3)}/new`} current="account">
      <h1>{safeT('nominate.title')}</h1>
      <p safe>{t('nominate.intro', { organisation: props.organisation.name })}</p>
      {Object.keys(props.errors ?? {}).length ? <p class="notice error" role="alert">{safeT('form.errorSummary')}</p> : ''}
      {props.alert ? <p class="notice error" role="alert" safe>{props.alert}</p> : ''}
      <ContactForm locale={props.locale} action={base} csrfField={props.csrfField} values={props.values} errors={props.errors} mode="nominate" submit={t('nominate.submit')} />
    </Layout>
  );
}

export interface EditPageProps extends NominationPageProps {
  contact: ContactRow;
  withdrawError?: string | undefined;
}

/** A representative's edit page of one contact: details, and withdrawal with a reason. */
export function EditPage(props: EditPageProps): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const base = `/${props.locale}/account/organisations/${props.organisation.id}/contacts/${props.contact.id}`;
  return (
    <Layout locale={props.locale} title={t('edit.title', { name: props.contact.name })} path={`${base.slice(3)}/edit`} current="account">
      <h1 safe>{t('edit.title', { name: props.contact.name })}</h1>
      <p><Freshness locale={props.locale} contact={props.contact} /></p>
      {Object.keys(props.errors ?? {}).length ? <p class="notice error" role="alert">{safeT('form.errorSummary')}</p> : ''}
      {props.alert ? <p class="notice error" role="alert" safe>{props.alert}</p> : ''}
      <ContactForm locale={props.locale} action={`${base}/edit`} csrfField={props.csrfField} values={props.values} errors={props.errors} mode="edit" submit={t('edit.submit')} />
      <section aria-labelledby="withdraw-heading">
        <h2 id="withdraw-heading">{safeT('withdraw.heading')}</h2>
        <p>{safeT('withdraw.explain')}</p>
        <form class="form" method="post" action={`${base}/withdraw`} novalidate>
          {props.csrfField as 'safe'}
          <Field name="reason" label={t('withdraw.reason')} error={props.withdrawError}>
            <textarea id="reason" name="reason" rows="3" aria-invalid={props.withdrawError ? 'true' : undefined} aria-describedby={props.withdrawError ? 'reason-error' : undefined}></textarea>
          </Field>
          <button type="submit" class="danger">{safeT('withdraw.submit')}</button>
        </form>
      </section>
    </Layout>
  );
}
