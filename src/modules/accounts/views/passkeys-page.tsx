import { PostButton } from '../../../app/html/post-button.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { PasskeyRow } from '../../../app/auth/passkeys.js';
import { accountMessages } from '../accounts.messages.js';

export interface PasskeysPageProps {
  locale: Locale;
  passkeys: PasskeyRow[];
  /** Whether this session may add one (an e-mail-link session may only enrol the first). */
  canEnrol: boolean;
  /** The back office sent this person here: explain why. */
  required: boolean;
  /** An authenticator app is set up (the page links to manage it; otherwise to set one up). */
  totp: boolean;
  next: string;
  csrfField: string;
  csrfToken: string;
  notice?: string;
}

/**
 * The person's passkeys: list and remove without JavaScript; adding one needs the WebAuthn API, so that form stays
 * hidden until the passkey script shows it.
 */
export function PasskeysPage(props: PasskeysPageProps): JSX.Element {
  const { locale } = props;
  const t = accountMessages(locale);
  const safeT = escaping(t);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <Layout locale={locale} title={t('passkeys.title')} path="/account/passkeys" current="account" scripts={['passkey']}>
      <h1>{safeT('passkeys.title')}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      {props.required ? <p class="notice">{safeT(props.canEnrol ? 'passkeys.required' : 'passkeys.signInWithPasskey')}</p> : ''}
      <p class="lead">{safeT('passkeys.lead')}</p>
      <p>
        <a href={`/${locale}/account/totp${props.required ? `?next=${encodeURIComponent(props.next)}` : ''}`}>{safeT(props.totp ? 'totp.link.manage' : 'totp.link.setup')}</a>
      </p>
      {props.passkeys.length === 0 ? (
        <p>{safeT('passkeys.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('passkeys.name')}</th>
                <th scope="col">{safeT('passkeys.created')}</th>
                <th scope="col">{safeT('passkeys.lastUsed')}</th>
                <td></td>
              </tr>
            </thead>
            <tbody>
              {props.passkeys.map((p, index) => (
                <tr>
                  <th scope="row" safe>
                    {p.label ?? `${t('passkeys.name')} ${index + 1}`}
                  </th>
                  <td safe>{when.format(p.createdAt)}</td>
                  <td safe>{p.lastUsedAt ? when.format(p.lastUsedAt) : t('passkeys.never')}</td>
                  <td>
                    <PostButton action={`/${locale}/account/passkeys/remove`} csrfField={props.csrfField} fields={{ passkey: p.id }} label={t('passkeys.remove')} variant="secondary" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canEnrol ? (
        <section aria-labelledby="add-title">
          <h2 id="add-title">{safeT('passkeys.add.title')}</h2>
          <noscript>
            <p>{safeT('passkeys.add.noscript')}</p>
          </noscript>
          <form
            class="form"
            hidden
            data-passkey="register"
            data-csrf={props.csrfToken}
            data-options-url={`/${locale}/account/passkeys/options`}
            data-verify-url={`/${locale}/account/passkeys`}
            data-next={props.next}
            data-failed={t('passkeys.add.failed')}
            data-unsupported={t('passkeys.add.unsupported')}
          >
            <div class="field">
              <label for="label">{safeT('passkeys.add.label')}</label>
              <span class="hint" id="label-hint">{safeT('passkeys.add.hint')}</span>
              <input type="text" id="label" name="label" maxlength={100} aria-describedby="label-hint" />
            </div>
            <p>
              <button type="submit">{safeT('passkeys.add.button')}</button>
            </p>
            <p role="status" aria-live="polite" data-passkey-status></p>
          </form>
        </section>
      ) : (
        ''
      )}
      <p>
        <a href={`/${locale}/account`}>{safeT('account.title')}</a>
      </p>
    </Layout>
  );
}
