import { Honeypot } from '../../../app/html/honeypot.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { accountMessages } from '../accounts.messages.js';

/**
 * Sign-in pages. The e-mail form always answers "check your inbox", whether the address has an account or not. The
 * passkey button is hidden until the passkey script finds a browser that supports passkeys.
 */
export function SignInPage(props: { locale: Locale; next: string; email?: string; error?: string; csrfField: string; csrfToken: string; notice?: string }): JSX.Element {
  const { locale } = props;
  const t = accountMessages(locale);
  const safeT = escaping(t);
  const query = props.next ? `?next=${encodeURIComponent(props.next)}` : '';
  return (
    <Layout locale={locale} title={t('signIn.title')} path={`/sign-in${query}`} current="account" scripts={['passkey']}>
      <h1>{safeT('signIn.title')}</h1>
      <p class="lead">{safeT('signIn.lead')}</p>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      <form class="form" method="post" action={`/${locale}/sign-in`} novalidate>
        {props.csrfField as 'safe'}
        <input type="hidden" name="next" value={props.next} />
        <div class="field">
          <label for="email">{safeT('signIn.email.label')}</label>
          <span class="hint" id="email-hint">{safeT('signIn.email.hint')}</span>
          <input
            type="email"
            id="email"
            name="email"
            required
            maxlength={254}
            autocomplete="username webauthn"
            value={props.email ?? ''}
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'email-hint email-error' : 'email-hint'}
          />
          {props.error ? (
            <p class="field-error" id="email-error" safe>
              {props.error}
            </p>
          ) : (
            ''
          )}
        </div>
        <Honeypot locale={locale} />
        <p>
          <button type="submit">{safeT('signIn.submit')}</button>
        </p>
      </form>
      <section
        hidden
        data-passkey="sign-in"
        data-csrf={props.csrfToken}
        data-options-url={`/${locale}/sign-in/passkey/options`}
        data-verify-url={`/${locale}/sign-in/passkey`}
        data-next={props.next}
        data-failed={t('signIn.passkey.failed')}
        aria-labelledby="passkey-title"
      >
        <h2 id="passkey-title">{safeT('signIn.passkey.title')}</h2>
        <p class="hint">{safeT('signIn.passkey.hint')}</p>
        <p>
          <button type="button" class="secondary">
            {safeT('signIn.passkey.button')}
          </button>
        </p>
        <p role="status" aria-live="polite" data-passkey-status></p>
      </section>
    </Layout>
  );
}

export function SignInSentPage(props: { locale: Locale }): JSX.Element {
  const t = accountMessages(props.locale);
  const safeT = escaping(t);
  return (
    <Layout locale={props.locale} title={t('signIn.sent.title')} path="/sign-in/sent" current="account">
      <h1>{safeT('signIn.sent.title')}</h1>
      <p class="lead">{safeT('signIn.sent.body')}</p>
      <p>
        <a href={`/${props.locale}/sign-in`}>{safeT('signIn.sent.again')}</a>
      </p>
    </Layout>
  );
}

/** The page a sign-in link opens: a button (GET changes nothing), or why the link no longer works. */
export function VerifyPage(props: { locale: Locale; token: string; outcome: 'ok' | 'expired' | 'used' | 'invalid'; csrfField: string }): JSX.Element {
  const { locale, outcome } = props;
  const t = accountMessages(locale);
  const safeT = escaping(t);
  if (outcome !== 'ok') {
    const title = t(`verify.${outcome}.title`);
    return (
      <Layout locale={locale} title={title} path="/sign-in" current="account">
        <h1 safe>{title}</h1>
        <p class="lead">{safeT(`verify.${outcome}.body`)}</p>
        <p>
          <a class="button" href={`/${locale}/sign-in`}>
            {safeT('verify.restart')}
          </a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout locale={locale} title={t('verify.title')} path="/sign-in" current="account">
      <h1>{safeT('verify.title')}</h1>
      <p class="lead">{safeT('verify.body')}</p>
      <form class="form" method="post" action={`/${locale}/sign-in/verify`}>
        {props.csrfField as 'safe'}
        <input type="hidden" name="token" value={props.token} />
        <p>
          <button type="submit">{safeT('verify.submit')}</button>
        </p>
      </form>
    </Layout>
  );
}
