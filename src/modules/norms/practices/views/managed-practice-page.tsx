import { Field } from '../../../../app/html/field.js';
import { Layout } from '../../../../app/html/layout.js';
import { PostButton } from '../../../../app/html/post-button.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { isEditable } from '../practices.models.js';
import type { PracticesMessageKey } from '../practices.messages.js';
import type { Framework, ManagedPractice } from '../practices.queries.js';
import { Description } from './description.js';
import { dateText, PracticeFacts, practicesT, titleOf } from './practice-parts.js';

export interface ManagedPracticePageProps {
  locale: Locale;
  managed: ManagedPractice;
  framework: Framework;
  csrfField: string;
  notice?: string | undefined;
  /** The withdrawal form's problem, when it came back. */
  withdrawError?: string | undefined;
}

/**
 * A practice as its organisation sees it: every version with its state and the secretariat's reasons, the latest
 * version's content, and what can be done now (edit, submit, withdraw).
 */
export function ManagedPracticePage(props: ManagedPracticePageProps): JSX.Element {
  const { locale, managed } = props;
  const { practice, revisions, open, current } = managed;
  const { t, safeT } = practicesT(locale);
  const title = current ? titleOf(current, locale) : practice.id;
  const base = `/${locale}/account/practices/${practice.id}`;
  const shown = open ?? revisions.at(-1);
  return (
    <Layout locale={locale} title={t('manage.title', { title })} path={`/account/practices/${practice.id}`} current="account">
      <p class="breadcrumb">
        <a href={`/${locale}/account/practices`}>{safeT('manage.back')}</a>
      </p>
      <h1 safe>{t('manage.title', { title })}</h1>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      <p>
        <span class="badge" safe>
          {t(`practice.state.${practice.state}` as PracticesMessageKey)}
        </span>{' '}
        {practice.state === 'published' ? <a href={`/${locale}/practices/${practice.id}`}>{safeT('manage.public')}</a> : ''}
      </p>
      {managed.mayWrite ? (
        <div class="actions">
          {open && !isEditable(open.state) ? '' : <a class="button" href={`${base}/edit`}>{safeT('manage.edit')}</a>}
          {open && isEditable(open.state) ? <PostButton action={`${base}/submit`} csrfField={props.csrfField} label={t('manage.submit')} /> : ''}
        </div>
      ) : (
        ''
      )}
      <h2>{safeT('manage.versions')}</h2>
      <ol>
        {revisions.map((revision) => (
          <li>
            <span safe>{`${t('manage.version', { number: revision.number })}: ${t(`revision.state.${revision.state}` as PracticesMessageKey)} (${dateText(locale, revision.updatedAt)})`}</span>
            {revision.decisionReason ? (
              <p class="meta" safe>
                {t('manage.reason', { reason: revision.decisionReason })}
              </p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      {shown ? (
        <section aria-labelledby="preview">
          <h2 id="preview" safe>
            {t('manage.preview', { number: shown.number })}
          </h2>
          <h3 safe>{titleOf(shown.content, locale)}</h3>
          <Description locale={locale} content={shown.content} />
          <PracticeFacts locale={locale} practiceId={practice.id} content={shown.content} framework={props.framework} organisation={managed.organisation} />
        </section>
      ) : (
        ''
      )}
      {managed.mayWithdraw ? (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw">{safeT('manage.withdraw')}</h2>
          <p>{safeT('manage.withdraw.hint')}</p>
          <form class="form" method="post" action={`${base}/withdraw`}>
            {props.csrfField as 'safe'}
            <Field name="reason" label={t('manage.withdraw.reason')}>
              <input id="reason" name="reason" type="text" maxlength={2000} />
            </Field>
            <div class="check">
              <input type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={props.withdrawError ? 'confirm-error' : undefined} />
              <label for="confirm">{safeT('manage.withdraw.confirm')}</label>
            </div>
            {props.withdrawError ? (
              <p class="field-error" id="confirm-error" safe>
                {props.withdrawError}
              </p>
            ) : (
              ''
            )}
            <div class="actions">
              <button type="submit" class="danger">
                {safeT('manage.withdraw')}
              </button>
            </div>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
