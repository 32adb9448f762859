import { FieldError } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { frequencies, type Frequency } from '../notifications.constants.js';
import { groupName } from '../notifications.emails.js';
import { notificationsMessages } from '../notifications.messages.js';
import type { GroupSubscription } from '../notifications.queries.js';

export interface SubscriptionsPageProps {
  locale: Locale;
  rows: GroupSubscription[];
  csrfField: string;
  /** The group the page was opened for (`?group=`): shown first, its choice preset to follow it. */
  selected?: string | undefined;
  notice?: string | undefined;
  /** A refused choice: the group's slug, the error, what was sent. */
  error?: { group: string; message: string; frequency: string } | undefined;
}

/** Every working group with what the person receives from it, and a form per group to change it. */
export function SubscriptionsPage(props: SubscriptionsPageProps): JSX.Element {
  const { locale } = props;
  const t = notificationsMessages(locale);
  const safeT = escaping(t);
  const selected = props.rows.find((row) => row.group.slug === props.selected);
  const rows = selected ? [selected, ...props.rows.filter((row) => row !== selected)] : props.rows;
  const path = `/account/subscriptions${props.selected ? `?group=${encodeURIComponent(props.selected)}` : ''}`;
  return (
    <Layout locale={locale} title={t('notifications.title')} path={path} current="account">
      <p class="breadcrumb">
        <a href={`/${locale}/account`}>{safeT('notifications.account.home')}</a>
      </p>
      <h1>{safeT('notifications.title')}</h1>
      <p class="lead">{safeT('notifications.lead')}</p>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {selected && !props.notice ? <p class="notice">{safeT('notifications.follow', { group: groupName(selected.group, locale) })}</p> : ''}
      {rows.length === 0 ? <p>{safeT('notifications.none')}</p> : ''}
      {rows.map((row) => {
        const slug = row.group.slug;
        const name = groupName(row.group, locale);
        const error = props.error?.group === slug ? props.error : undefined;
        // Opened to follow a group one does not hear from: the form starts at the default of following.
        const preset: string = error?.frequency ?? (row === selected && row.frequency === 'off' ? 'weekly' : row.frequency);
        const id = `frequency-${slug}`;
        return (
          <section class="card" aria-labelledby={`group-${slug}`}>
            <h2 id={`group-${slug}`} safe>
              {name}
            </h2>
            <p safe>{`${t('notifications.column.frequency')}: ${t(`notifications.frequency.${row.frequency}`)}`}</p>
            {row.holdsRole ? <p class="hint">{safeT('notifications.role')}</p> : ''}
            {row.choice === null ? (
              <p class="hint" safe>
                {t('notifications.default', { frequency: t(`notifications.frequency.${row.frequency}`) })}
              </p>
            ) : (
              ''
            )}
            <form method="post" action={`/${locale}/account/subscriptions`}>
              {props.csrfField as 'safe'}
              <input type="hidden" name="group" value={slug} />
              <div class="field">
                <label for={id} safe>
                  {`${t('notifications.column.frequency')} (${name})`}
                </label>
                <select id={id} name="frequency" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
                  {frequencies.map((frequency: Frequency) => (
                    <option value={frequency} selected={preset === frequency} safe>
                      {t(`notifications.frequency.${frequency}`)}
                    </option>
                  ))}
                </select>
                <FieldError name={id} message={error?.message} />
              </div>
              <button type="submit" aria-label={t('notifications.saveFor', { group: name })}>
                {safeT('notifications.save')}
              </button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}
