import { escapeHtml } from '@kitajs/html';
import { Layout } from '../../../app/html/layout.js';
import { PostButton } from '../../../app/html/post-button.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { roles } from '../../../app/authz/actor.js';
import type { UserRow } from '../../../app/auth/users.js';
import { accountMessages } from '../accounts.messages.js';

export interface UsersPageProps {
  locale: Locale;
  users: UserRow[];
  currentUserId: string;
  csrfField: string;
  notice?: string;
  error?: string;
  values?: { email?: string; name?: string };
}

/** Administrators manage the secretariat: add by e-mail, change role, disable or enable. */
export function UsersPage(props: UsersPageProps): JSX.Element {
  const { locale } = props;
  const t = accountMessages(locale);
  const safeT = escaping(t);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const roleOptions = (selected: string) =>
    roles.map((role) => (
      <option value={role} selected={role === selected}>
        {safeT(`role.${role}`)}
      </option>
    ));
  return (
    <Layout locale={locale} title={t('users.title')} path="/secretariat/users" current="secretariat">
      <h1>{safeT('users.title')}</h1>
      <p class="lead">{safeT('users.lead')}</p>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      {props.error ? <p class="field-error" role="alert" safe>{props.error}</p> : ''}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{safeT('users.email')}</th>
              <th scope="col">{safeT('users.name')}</th>
              <th scope="col">{safeT('users.role')}</th>
              <th scope="col">{safeT('users.status')}</th>
              <th scope="col">{safeT('users.lastSignIn')}</th>
              <td></td>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <th scope="row">
                  <span safe>{u.email ?? ''}</span>
                  {u.id === props.currentUserId ? <> {safeT('users.you')}</> : ''}
                </th>
                <td safe>{u.name ?? ''}</td>
                <td>
                  <form method="post" action={`/${locale}/secretariat/users/${u.id}/role`} class="actions">
                    {props.csrfField as 'safe'}
                    <label class="visually-hidden" for={`role-${u.id}`}>
                      {safeT('users.role')}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {roleOptions(u.role)}
                    </select>
                    <button type="submit" class="secondary">
                      {safeT('users.changeRole')}
                    </button>
                  </form>
                </td>
                <td>{safeT(u.status === 'active' ? 'users.status.active' : 'users.status.disabled')}</td>
                <td>{u.lastSignInAt ? escapeHtml(when.format(u.lastSignInAt)) : '—'}</td>
                <td>
                  <PostButton
                    action={`/${locale}/secretariat/users/${u.id}/status`}
                    csrfField={props.csrfField}
                    fields={{ status: u.status === 'active' ? 'disabled' : 'active' }}
                    label={t(u.status === 'active' ? 'users.disable' : 'users.enable')}
                    variant={u.status === 'active' ? 'danger' : 'secondary'}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-title">
        <h2 id="add-title">{safeT('users.add.title')}</h2>
        <p class="hint">{safeT('users.add.hint')}</p>
        <form class="form" method="post" action={`/${locale}/secretariat/users`}>
          {props.csrfField as 'safe'}
          <div class="field">
            <label for="new-email">{safeT('users.email')}</label>
            <input type="email" id="new-email" name="email" required maxlength={254} value={props.values?.email ?? ''} />
          </div>
          <div class="field">
            <label for="new-name">{safeT('users.name')}</label>
            <input type="text" id="new-name" name="name" maxlength={200} value={props.values?.name ?? ''} />
          </div>
          <div class="field">
            <label for="new-role">{safeT('users.role')}</label>
            <select id="new-role" name="role">
              {roleOptions('moderator')}
            </select>
          </div>
          <p>
            <button type="submit">{safeT('users.add.submit')}</button>
          </p>
        </form>
      </section>
    </Layout>
  );
}
