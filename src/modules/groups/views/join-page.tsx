import { describedBy, Field, FieldError } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { Group } from '../groups.queries.js';
import { groupsT, groupTitle } from './parts.js';

export interface JoinPageProps {
  locale: Locale;
  group: Group;
  organisations: Array<{ id: string; name: string }>;
  csrfField: string;
  values?: { role?: string; supporter?: string; message?: string };
  errors?: Record<string, string>;
  alert?: string | undefined;
}

/** The request to take part: as a member for an organisation one represents, or as an observer; a message. */
export function JoinPage(props: JoinPageProps): JSX.Element {
  const { locale, group, organisations } = props;
  const { t, safeT } = groupsT(locale);
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const role = values.role ?? (organisations.length ? 'member' : 'observer');
  const title = t('join.title', { name: groupTitle(group, locale) });
  return (
    <Layout locale={locale} title={title} path={`/groups/${group.slug}/join`} current="groups">
      <p class="breadcrumb">
        <a href={`/${locale}/groups/${group.slug}`} safe>
          {groupTitle(group, locale)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p>{safeT('join.intro')}</p>
      {props.alert ? (
        <p class="notice" role="alert" safe>
          {props.alert}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`/${locale}/groups/${group.slug}/join`} novalidate>
        {props.csrfField as 'safe'}
        <fieldset aria-describedby={describedBy('role', false, Boolean(errors.role))}>
          <legend>{safeT('join.role')}</legend>
          {organisations.length ? (
            <div class="choice">
              <input type="radio" id="role-member" name="role" value="member" checked={role === 'member'} />
              <label for="role-member">{safeT('join.asMember')}</label>
            </div>
          ) : (
            <p class="hint">{safeT('join.noOrganisation')}</p>
          )}
          <div class="choice">
            <input type="radio" id="role-observer" name="role" value="observer" checked={role === 'observer'} />
            <label for="role-observer">{safeT('join.asObserver')}</label>
          </div>
          <FieldError name="role" message={errors.role} />
        </fieldset>
        {organisations.length ? (
          <Field name="supporter" label={t('join.organisation')} error={errors.supporter}>
            <select id="supporter" name="supporter" aria-describedby={describedBy('supporter', false, Boolean(errors.supporter))}>
              {organisations.map((o) => (
                <option value={o.id} selected={values.supporter === o.id} safe>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          ''
        )}
        <Field name="message" label={t('join.message')} error={errors.message}>
          <textarea id="message" name="message" rows="4" maxlength="2000" aria-describedby={describedBy('message', false, Boolean(errors.message))} safe>
            {values.message ?? ''}
          </textarea>
        </Field>
        <button type="submit">{safeT('join.send')}</button>
      </form>
    </Layout>
  );
}
