import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { applicationMessages, type ApplicationMessageKey } from '../applications.messages.js';
import { errorText } from './form-fields.js';

/**
 * Pages reached from links in e-mails. Opening a link only shows a button: mail scanners fetch links, and a GET
 * must not confirm anything. The POST does the work. Expired, reused or forged links get a page saying so.
 */
export type LinkKind = 'confirm' | 'answer' | 'invitation';

const actions: Record<LinkKind, string> = { confirm: '/join/confirm', answer: '/join/answer', invitation: '/join/invitation' };

interface LinkFormProps {
  locale: Locale;
  kind: LinkKind;
  token: string;
  name: string;
  hiddenFields: string;
  /** A claim on an existing entry rather than an application to join: the confirmation says so. */
  claim?: boolean;
  /** The secretariat's question, for answers. */
  question?: string | null;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

export function LinkFormPage(props: LinkFormProps): JSX.Element {
  const { locale, kind } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const title = t(kind === 'confirm' ? 'link.confirm.title' : kind === 'answer' ? 'link.answer.title' : 'link.invitation.title');
  const error = errorText(t, props.errors?.response);
  return (
    <Layout locale={locale} title={title} path={actions[kind]} current="join">
      <h1 safe>{title}</h1>
      {kind === 'confirm' ? <p class="lead">{safeT(props.claim ? 'link.claim.confirm.body' : 'link.confirm.body', { name: props.name })}</p> : ''}
      {kind === 'invitation' ? <p class="lead">{safeT('link.invitation.body', { name: props.name })}</p> : ''}
      <form class="form" method="post" action={`/${locale}${actions[kind]}`}>
        {props.hiddenFields as 'safe'}
        <input type="hidden" name="token" value={props.token} />
        {kind === 'answer' ? (
          <>
            <p>{safeT('link.answer.question')}</p>
            <blockquote class="statement" safe>
              {props.question ?? ''}
            </blockquote>
            <div class="field">
              <label for="response">{safeT('link.answer.field')}</label>
              <textarea id="response" name="response" required maxlength={2000} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'response-error' : undefined} safe>
                {props.values?.response ?? ''}
              </textarea>
              {error ? (
                <p class="field-error" id="response-error" safe>
                  {error}
                </p>
              ) : (
                ''
              )}
            </div>
          </>
        ) : (
          ''
        )}
        <p>
          <button type="submit">
            {safeT(kind === 'confirm' ? 'link.confirm.button' : kind === 'answer' ? 'link.answer.button' : 'link.invitation.button')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

type Outcome = 'confirmed' | 'answered' | 'accepted' | 'expired' | 'used' | 'invalid';

const outcomeKeys: Record<Outcome, [ApplicationMessageKey, ApplicationMessageKey]> = {
  confirmed: ['link.confirmed.title', 'link.confirmed.body'],
  answered: ['link.answered.title', 'link.answered.body'],
  accepted: ['link.invitation.accepted.title', 'link.invitation.accepted.body'],
  expired: ['link.expired.title', 'link.expired.body'],
  used: ['link.used.title', 'link.used.body'],
  invalid: ['link.invalid.title', 'link.invalid.body'],
};

/** The result of following a link; failures are ordinary pages with a way forward, not error screens. */
export function LinkOutcomePage(props: { locale: Locale; kind: LinkKind; outcome: Outcome; name?: string }): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const [titleKey, bodyKey] = outcomeKeys[props.outcome];
  const failed = props.outcome === 'expired' || props.outcome === 'used' || props.outcome === 'invalid';
  return (
    <Layout locale={locale} title={t(titleKey)} path={actions[props.kind]} current="join">
      <h1>{safeT(titleKey)}</h1>
      <p class="lead">{safeT(bodyKey, { name: props.name ?? '' })}</p>
      {failed ? (
        <ul class="links">
          {props.kind === 'confirm' ? (
            <li>
              <a href={`/${locale}/join`}>{safeT('link.restart')}</a>
            </li>
          ) : (
            ''
          )}
          <li>
            <a href={`/${locale}/sign-in`}>{safeT('link.signIn')}</a>
          </li>
        </ul>
      ) : (
        <p>
          <a class="button" href={`/${locale}/account`}>
            {safeT('account.organisations.title')}
          </a>
        </p>
      )}
    </Layout>
  );
}
