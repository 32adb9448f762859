import { PostButton } from '../../../app/html/post-button.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, locales, type Locale } from '../../../app/i18n/i18n.js';
import type { SessionMethod, UserActor } from '../../../app/authz/actor.js';
import type { SessionRow } from '../../../app/auth/sessions.js';
import { accountMessages } from '../accounts.messages.js';
import { deviceName } from './device-name.js';

export interface AccountPageProps {
  locale: Locale;
  actor: UserActor;
  name: string | null;
  preferredLocale: Locale;
  sessions: SessionRow[];
  passkeyCount: number;
  /** Other modules' parts of the page (organisations, applications), already rendered. */
  sections: string[];
  csrfField: string;
  notice?: string;
  /** The profile form was refused (422): the reason, shown under the name field. */
  profileError?: string;
  eraseError?: string;
}

/** "Your account": who you are, where you are signed in, passkeys, other modules' sections, your data. */
export function AccountPage(props: AccountPageProps): JSX.Element {
  const { locale, actor } = props;
  const t = accountMessages(locale);
  const safeT = escaping(t);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <Layout locale={locale} title={t('account.title')} path="/account" current="account">
      <h1>{safeT('account.title')}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      <p class="lead">{safeT('account.signedInAs', { email: actor.email })}</p>
      <p>{safeT('account.role', { role: t(`role.${actor.role}`) })}</p>
      <div class="actions">
        {actor.role === 'admin' ? (
          <a class="button secondary" href={`/${locale}/secretariat/users`}>
            {safeT('account.secretariat')}
          </a>
        ) : (
          ''
        )}
        <PostButton action={`/${locale}/sign-out`} csrfField={props.csrfField} label={t('signOut.submit')} variant="secondary" />
      </div>

      {props.sections.join('') as 'safe'}

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{safeT('account.profile.title')}</h2>
        <form class="form" method="post" action={`/${locale}/account/profile`}>
          {props.csrfField as 'safe'}
          <div class="field">
            <label for="name">{safeT('account.profile.name')}</label>
            <input
              type="text"
              id="name"
              name="name"
              maxlength={200}
              autocomplete="name"
              value={props.name ?? ''}
              aria-invalid={props.profileError ? 'true' : undefined}
              aria-describedby={props.profileError ? 'name-error' : undefined}
            />
            {props.profileError ? (
              <p class="field-error" id="name-error" safe>
                {props.profileError}
              </p>
            ) : (
              ''
            )}
          </div>
          <div class="field">
            <label for="locale">{safeT('account.profile.locale')}</label>
            <select id="locale" name="locale">
              {locales.map((l) => (
                <option value={l} selected={l === props.preferredLocale}>
                  {l === 'en' ? 'English' : 'Français'}
                </option>
              ))}
            </select>
          </div>
          <p>
            <button type="submit">{safeT('account.profile.save')}</button>
          </p>
        </form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{safeT('account.sessions.title')}</h2>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('account.sessions.device')}</th>
                <th scope="col">{safeT('account.sessions.method')}</th>
                <th scope="col">{safeT('account.sessions.lastSeen')}</th>
                <td></td>
              </tr>
            </thead>
            <tbody>
              {props.sessions.map((s) => (
                <tr>
                  <th scope="row">
                    <span title={s.userAgent ?? undefined} safe>
                      {deviceName(locale, s.userAgent)}
                    </span>
                    {s.id === actor.sessionId ? <> <span class="badge">{safeT('account.sessions.current')}</span></> : ''}
                  </th>
                  <td>{safeT(`method.${s.method as SessionMethod}`)}</td>
                  <td safe>{when.format(s.lastSeenAt)}</td>
                  <td>
                    <PostButton action={`/${locale}/account/sessions/revoke`} csrfField={props.csrfField} fields={{ session: s.id }} label={t('account.sessions.revoke')} variant="secondary" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="passkeys-title">
        <h2 id="passkeys-title">{safeT('account.passkeys.title')}</h2>
        <p>{safeT('account.passkeys.count', { count: props.passkeyCount })}</p>
        <p>
          <a href={`/${locale}/account/passkeys`}>{safeT('account.passkeys.manage')}</a>
        </p>
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{safeT('account.data.title')}</h2>
        <p>{safeT('account.data.body')}</p>
        <p>
          <a class="button secondary" href={`/${locale}/account/data.json`} download="">
            {safeT('account.data.download')}
          </a>
        </p>
      </section>

      <section aria-labelledby="erase-title">
        <h2 id="erase-title">{safeT('account.erase.title')}</h2>
        <p>{safeT('account.erase.body')}</p>
        <form class="form" method="post" action={`/${locale}/account/erase`}>
          {props.csrfField as 'safe'}
          <div class="field">
            <label for="confirm-email">{safeT('account.erase.confirm')}</label>
            <input
              type="email"
              id="confirm-email"
              name="confirm"
              required
              autocomplete="off"
              aria-invalid={props.eraseError ? 'true' : undefined}
              aria-describedby={props.eraseError ? 'confirm-error' : undefined}
            />
            {props.eraseError ? (
              <p class="field-error" id="confirm-error" safe>
                {props.eraseError}
              </p>
            ) : (
              ''
            )}
          </div>
          <p>
            <button type="submit" class="danger">
              {safeT('account.erase.submit')}
            </button>
          </p>
        </form>
      </section>
    </Layout>
  );
}

export function ErasedPage(props: { locale: Locale }): JSX.Element {
  const t = accountMessages(props.locale);
  const safeT = escaping(t);
  return (
    <Layout locale={props.locale} title={t('erased.title')} path="" current="account">
      <h1>{safeT('erased.title')}</h1>
      <p class="lead">{safeT('erased.body')}</p>
    </Layout>
  );
}
