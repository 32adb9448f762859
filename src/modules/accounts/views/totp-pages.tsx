import { describedBy, Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { PostButton } from '../../../app/html/post-button.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { accountMessages } from '../accounts.messages.js';
import type { TotpEnrolment } from '../accounts.totp.usecases.js';

export interface TotpPageProps {
  locale: Locale;
  /** Set up: how many recovery codes are left. */
  enrolled: { recoveryCodesLeft: number } | null;
  /** Not set up and this session may set it up: the key to show. */
  enrolment: TotpEnrolment | null;
  next: string;
  csrfField: string;
  error?: string;
  notice?: string;
}

/** Setting up an authenticator app (QR code, key, first code), or managing the one set up. Works without JavaScript. */
export function TotpPage(props: TotpPageProps): JSX.Element {
  const { locale } = props;
  const t = accountMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('totp.title')} path="/account/totp" current="account">
      <h1>{safeT('totp.title')}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      <p class="lead">{safeT('totp.lead')}</p>
      {props.enrolled ? (
        <section>
          <p safe>{t('totp.enrolled', { count: props.enrolled.recoveryCodesLeft })}</p>
          <div class="actions">
            <PostButton action={`/${locale}/account/totp/recovery-codes`} csrfField={props.csrfField} label={t('totp.regenerate')} variant="secondary" />
            <PostButton action={`/${locale}/account/totp/remove`} csrfField={props.csrfField} label={t('totp.remove')} variant="secondary" />
          </div>
        </section>
      ) : props.enrolment ? (
        <section>
          <ol class="steps">
            <li>
              <p>{safeT('totp.step.scan')}</p>
              <img class="qr" src={`data:image/svg+xml;base64,${Buffer.from(props.enrolment.qrSvg).toString('base64')}`} alt={t('totp.qr.alt')} width="220" height="220" />
              <p>
                {safeT('totp.key')} <code class="secret" safe>{props.enrolment.secret}</code>
              </p>
            </li>
            <li>
              <p>{safeT('totp.step.confirm')}</p>
              <form method="post" action={`/${locale}/account/totp`} class="form">
                {props.csrfField as 'safe'}
                <input type="hidden" name="next" value={props.next} />
                <Field name="code" label={t('totp.code.label')} hint={t('totp.code.hint')} error={props.error}>
                  <input
                    type="text"
                    id="code"
                    name="code"
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    pattern="[0-9 ]{6,7}"
                    maxlength={7}
                    required
                    aria-describedby={describedBy('code', true, Boolean(props.error))}
                    aria-invalid={props.error ? 'true' : undefined}
                  />
                </Field>
                <p>
                  <button type="submit">{safeT('totp.confirm')}</button>
                </p>
              </form>
            </li>
          </ol>
        </section>
      ) : (
        <p class="notice">{safeT('totp.notAllowed')}</p>
      )}
      <p>
        <a href={`/${locale}/account/passkeys`}>{safeT('passkeys.title')}</a> · <a href={`/${locale}/account`}>{safeT('account.title')}</a>
      </p>
    </Layout>
  );
}

/** The recovery codes, shown once: after enrolment and after renewing them. */
export function RecoveryCodesPage(props: { locale: Locale; codes: string[]; next: string }): JSX.Element {
  const { locale } = props;
  const t = accountMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('totp.recovery.title')} path="/account/totp" current="account">
      <h1>{safeT('totp.recovery.title')}</h1>
      <p class="lead">{safeT('totp.recovery.lead')}</p>
      <ul class="recovery-codes">
        {props.codes.map((code) => (
          <li>
            <code safe>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={props.next}>
          {safeT('totp.recovery.continue')}
        </a>
      </p>
    </Layout>
  );
}

/** After an e-mail link, the secretariat member with an authenticator app enters a code (or a recovery code). */
export function SecondFactorPage(props: { locale: Locale; next: string; csrfField: string; error?: string }): JSX.Element {
  const { locale } = props;
  const t = accountMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('secondFactor.title')} path="/sign-in/code" current="account">
      <h1>{safeT('secondFactor.title')}</h1>
      <p class="lead">{safeT('secondFactor.lead')}</p>
      <form method="post" action={`/${locale}/sign-in/code`} class="form">
        {props.csrfField as 'safe'}
        <input type="hidden" name="next" value={props.next} />
        <Field name="code" label={t('secondFactor.label')} error={props.error}>
          <input
            type="text"
            id="code"
            name="code"
            autocomplete="one-time-code"
            maxlength={20}
            required
            aria-describedby={describedBy('code', false, Boolean(props.error))}
            aria-invalid={props.error ? 'true' : undefined}
          />
        </Field>
        <p>
          <button type="submit">{safeT('secondFactor.submit')}</button>
        </p>
      </form>
      <p>{safeT('secondFactor.passkey')}</p>
    </Layout>
  );
}
