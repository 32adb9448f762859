import { describedBy, Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { CoChairPerson } from '../groups.admin.js';
import type { GroupCoChairRow, GroupRow } from '../groups.tables.js';
import { groupsT, groupTitle, Text } from './parts.js';

/** A refused form: its id (`group`, `appoint`, `remove-<user>`), field errors and what was typed. */
export interface SecretariatForm {
  id: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export interface SecretariatGroupPageProps {
  locale: Locale;
  /** None when opening a new group. */
  group?: GroupRow | undefined;
  people?: readonly CoChairPerson[] | undefined;
  organisations?: readonly GroupCoChairRow[] | undefined;
  csrfField: string;
  notice?: string | undefined;
  alert?: string | undefined;
  form?: SecretariatForm | undefined;
}

/** The secretariat's page of a group: open it (new) or edit its name, mandate and state, and appoint or remove its co-chairs. */
export function SecretariatGroupPage(props: SecretariatGroupPageProps): JSX.Element {
  const { locale, group } = props;
  const { t, safeT } = groupsT(locale);
  const errorOf = (form: string, field: string) => (props.form?.id === form ? props.form.errors[field] : undefined);
  const typed = (form: string, field: string) => (props.form?.id === form ? props.form.values[field] : undefined);
  const valueOf = (field: string, stored: string | undefined) => typed('group', field) ?? stored ?? '';
  const title = group ? t('secretariat.edit', { name: groupTitle(group, locale) }) : t('secretariat.new');
  const action = group ? `/${locale}/secretariat/groups/${group.slug}/edit` : `/${locale}/secretariat/groups/new`;
  const text = (field: string, label: string, stored: string | undefined, language: 'en' | 'fr', multiline: boolean, max: number) => {
    const error = errorOf('group', field);
    const aria = describedBy(field, false, Boolean(error));
    return (
      <Field name={field} label={label} error={error}>
        {multiline ? (
          <textarea id={field} name={field} lang={language} rows="6" maxlength={String(max)} aria-describedby={aria} safe>
            {valueOf(field, stored)}
          </textarea>
        ) : (
          <input id={field} name={field} lang={language} value={valueOf(field, stored)} maxlength={String(max)} aria-describedby={aria} />
        )}
      </Field>
    );
  };
  const notice = (message: string | undefined, role: 'status' | 'alert') =>
    message ? (
      <p class="notice" role={role} safe>
        {message}
      </p>
    ) : (
      ''
    );
  return (
    <Layout locale={locale} title={title} path={group ? `/secretariat/groups/${group.slug}/edit` : '/secretariat/groups/new'} current="groups">
      <p class="breadcrumb">
        <a href={group ? `/${locale}/groups/${group.slug}` : `/${locale}/groups`} safe>
          {group ? groupTitle(group, locale) : t('list.title')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {notice(props.notice, 'status')}
      {notice(props.alert, 'alert')}
      <form method="post" action={action}>
        {props.csrfField as 'safe'}
        {group ? (
          ''
        ) : (
          <>
            <Field name="slug" label={t('secretariat.slug')} error={errorOf('group', 'slug')}>
              <input id="slug" name="slug" value={valueOf('slug', undefined)} maxlength="60" required aria-describedby={describedBy('slug', false, Boolean(errorOf('group', 'slug')))} />
            </Field>
            <Field name="number" label={t('secretariat.number')} error={errorOf('group', 'number')}>
              <input id="number" name="number" inputmode="numeric" value={valueOf('number', undefined)} maxlength="3" aria-describedby={describedBy('number', false, Boolean(errorOf('group', 'number')))} />
            </Field>
          </>
        )}
        {text('name-en', t('secretariat.nameEn'), group?.name.en, 'en', false, 200)}
        {text('name-fr', t('secretariat.nameFr'), group?.name.fr, 'fr', false, 200)}
        {text('mandate-en', t('secretariat.mandateEn'), group?.mandate.en, 'en', true, 5000)}
        {text('mandate-fr', t('secretariat.mandateFr'), group?.mandate.fr, 'fr', true, 5000)}
        {group ? (
          <Field name="state" label={t('secretariat.state')} error={errorOf('group', 'state')}>
            <select id="state" name="state">
              {(['active', 'closed'] as const).map((state) => (
                <option value={state} selected={valueOf('state', group.state) === state}>
                  {safeT(`secretariat.state.${state}`)}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          ''
        )}
        <button type="submit">{group ? safeT('secretariat.save') : safeT('secretariat.open')}</button>
      </form>
      {group ? <CoChairPeople {...props} group={group} /> : ''}
      {group ? <CoChairOrganisations {...props} group={group} /> : ''}
    </Layout>
  );
}

/** The people holding the co-chair role, each with a removal form (reason required), and the appointment form. */
function CoChairPeople(props: SecretariatGroupPageProps & { group: GroupRow }): JSX.Element {
  const { locale, group } = props;
  const { t, safeT } = groupsT(locale);
  const base = `/${locale}/secretariat/groups/${group.slug}/co-chairs`;
  const errorOf = (form: string, field: string) => (props.form?.id === form ? props.form.errors[field] : undefined);
  const valueOf = (form: string, field: string) => (props.form?.id === form ? (props.form.values[field] ?? '') : '');
  const people = props.people ?? [];
  return (
    <section aria-labelledby="co-chair-people">
      <h2 id="co-chair-people">{safeT('secretariat.coChairs')}</h2>
      {people.length ? '' : <p>{safeT('secretariat.noCoChairs')}</p>}
      {people.map((person) => {
        const id = `remove-${person.userId}`;
        const field = `reason-${person.userId}`;
        const error = errorOf(id, 'reason');
        return (
          <div class="card">
            <p safe>{[person.name, person.email].filter(Boolean).join(' · ')}</p>
            <form method="post" action={`${base}/${person.userId}/remove`}>
              {props.csrfField as 'safe'}
              <Field name={field} label={t('secretariat.removeReason')} error={error}>
                <textarea id={field} name="reason" rows="2" maxlength="1000" aria-describedby={describedBy(field, false, Boolean(error))} safe>
                  {valueOf(id, 'reason')}
                </textarea>
              </Field>
              <button type="submit" class="secondary">
                {safeT('secretariat.removeCoChair')}
              </button>
            </form>
          </div>
        );
      })}
      <h3>{safeT('secretariat.appoint')}</h3>
      <form method="post" action={base}>
        {props.csrfField as 'safe'}
        <Field name="email" label={t('secretariat.email')} error={errorOf('appoint', 'email')}>
          <input id="email" name="email" type="email" autocomplete="off" value={valueOf('appoint', 'email')} aria-describedby={describedBy('email', false, Boolean(errorOf('appoint', 'email')))} />
        </Field>
        <button type="submit">{safeT('secretariat.appointButton')}</button>
      </form>
    </section>
  );
}

/** The organisations the group names as co-chairs (registry entries or names), each removable, and the form to add one. */
function CoChairOrganisations(props: SecretariatGroupPageProps & { group: GroupRow }): JSX.Element {
  const { locale, group } = props;
  const { t, safeT } = groupsT(locale);
  const base = `/${locale}/secretariat/groups/${group.slug}/co-chair-organisations`;
  const error = props.form?.id === 'organisation' ? props.form.errors['organisation-slug'] : undefined;
  const valueOf = (field: string) => (props.form?.id === 'organisation' ? (props.form.values[field] ?? '') : '');
  const organisations = props.organisations ?? [];
  return (
    <section aria-labelledby="co-chair-organisations">
      <h2 id="co-chair-organisations">{safeT('secretariat.organisations')}</h2>
      {organisations.length ? (
        <ul>
          {organisations.map((organisation) => (
            <li>
              <form method="post" action={`${base}/${organisation.id}/remove`} class="inline">
                {props.csrfField as 'safe'}
                <Text text={organisation.name} locale={locale} />{' '}
                <button type="submit" class="secondary" aria-label={`${t('secretariat.removeOrganisation')}: ${organisation.name[locale] ?? organisation.name.en ?? organisation.name.fr ?? ''}`}>
                  {safeT('secretariat.removeOrganisation')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{safeT('secretariat.noOrganisations')}</p>
      )}
      <h3>{safeT('secretariat.addOrganisation')}</h3>
      <form method="post" action={base}>
        {props.csrfField as 'safe'}
        <Field name="organisation-slug" label={t('secretariat.organisationSlug')} error={error}>
          <input id="organisation-slug" name="organisation-slug" value={valueOf('organisation-slug')} maxlength="200" aria-describedby={describedBy('organisation-slug', false, Boolean(error))} />
        </Field>
        <Field name="organisation-en" label={t('secretariat.organisationNameEn')}>
          <input id="organisation-en" name="organisation-en" lang="en" value={valueOf('organisation-en')} maxlength="200" />
        </Field>
        <Field name="organisation-fr" label={t('secretariat.organisationNameFr')}>
          <input id="organisation-fr" name="organisation-fr" lang="fr" value={valueOf('organisation-fr')} maxlength="200" />
        </Field>
        <button type="submit">{safeT('secretariat.addOrganisationButton')}</button>
      </form>
    </section>
  );
}
