import { FieldError } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { pingsMessages } from '../pings.messages.js';

export type AckState = 'ask' | 'done' | 'already' | 'invalid' | 'expired';

/**
 * The page an acknowledgement link opens: a question and a button (the GET changes nothing: mail scanners follow
 * links), then what was recorded; or why the link is refused. Works signed in or not, without JavaScript.
 */
export function AckPage(props: { locale: Locale; token: string; state: AckState; csrfField: string; sent?: string; at?: string; message?: string }): JSX.Element {
  const { locale } = props;
  const t = pingsMessages(locale);
  const safeT = escaping(t);
  const title = props.state === 'invalid' ? t('pings.ack.invalid.title') : props.state === 'expired' ? t('pings.ack.expired.title') : t('pings.ack.title');
  return (
    <Layout locale={locale} title={title} path={`/ping/${props.token}`}>
      <h1 safe>{title}</h1>
      {props.state === 'invalid' ? <p>{safeT('pings.error.invalid')}</p> : ''}
      {props.state === 'expired' ? <p>{safeT('pings.error.expired')}</p> : ''}
      {props.state === 'ask' ? (
        <form method="post" action={`/${locale}/ping/${encodeURIComponent(props.token)}`}>
          {props.csrfField as 'safe'}
          <p>{safeT('pings.ack.ask', { sent: props.sent ?? '' })}</p>
          <button type="submit">{safeT('pings.ack.button')}</button>
        </form>
      ) : (
        ''
      )}
      {props.state === 'done' || props.state === 'already' ? (
        <p class="notice" role="status">
          {safeT(props.state === 'done' ? 'pings.ack.done' : 'pings.ack.already', { at: props.at ?? '' })}
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The page where a contact types the code read out to them (phone, SMS, Signal, portal). */
export function CodePage(props: { locale: Locale; csrfField: string; code?: string; error?: string; done?: string }): JSX.Element {
  const { locale } = props;
  const t = pingsMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('pings.code.title')} path="/cooperation/pings/acknowledge">
      <p class="breadcrumb">
        <a href={`/${locale}/cooperation/pings`}>{safeT('pings.title')}</a>
      </p>
      <h1>{safeT('pings.code.title')}</h1>
      {props.done ? (
        <p class="notice" role="status" safe>
          {props.done}
        </p>
      ) : (
        ''
      )}
      <p>{safeT('pings.code.lead')}</p>
      <form method="post" action={`/${locale}/cooperation/pings/acknowledge`}>
        {props.csrfField as 'safe'}
        <div class="field">
          <label for="code">{safeT('pings.code.label')}</label>
          <input
            id="code"
            name="code"
            value={props.code ?? ''}
            autocomplete="off"
            spellcheck="false"
            required
            maxlength="20"
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'code-error' : undefined}
          />
          <FieldError name="code" message={props.error} />
        </div>
        <button type="submit">{safeT('pings.code.button')}</button>
      </form>
    </Layout>
  );
}
