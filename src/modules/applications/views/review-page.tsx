import { PostButton } from '../../../app/html/post-button.js';
import { Layout } from '../../../app/html/layout.js';
import type { Delivery } from '../../../app/jobs/jobs.repository.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import { languageName } from '../../../shared/languages.js';
import type { SupporterRow } from '../../supporters/supporters.models.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import { applicationMessages, type ApplicationMessageKey, type ApplicationMessages } from '../applications.messages.js';
import { editableFields, isOpen, kindLabel, type EditableField } from '../applications.models.js';
import type { ApplicationStatus } from '../applications.schemas.js';
import type { ApplicationRow } from '../applications.tables.js';
import type { ClaimContext } from '../applications.claims.js';
import { ClaimPanel } from './claim-panel.js';
import { DeliveriesTable } from './deliveries-table.js';
import { errorText } from './form-fields.js';

export interface HistoryEntry {
  at: Date;
  actor: string;
  action: string;
  reason: string | null;
}

export interface ReviewPageProps {
  locale: Locale;
  application: ApplicationRow;
  /** The entry as published now: for edits, what the proposal changes; for approved applications, the result. */
  supporter?: SupporterRow | undefined;
  history: HistoryEntry[];
  deliveries: Delivery[];
  verification: { url: string | null; record: string | null };
  hiddenFields: string;
  notice?: string | undefined;
  errors?: Record<string, string>;
  /** Display names of the accounts named in the history (moderators), by `user:<id>`. */
  actorNames: Record<string, string>;
  /** For a claim: the entry's current representatives and the other claims on it. */
  claim?: ClaimContext | undefined;
}

function fieldValue(locale: Locale, field: EditableField, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'countryCode') return countryName(String(value), locale);
  if (field === 'category') return supporterMessages(locale)(`category.${String(value) as 'state'}`);
  if (field === 'statementLocale') return languageName(locale, String(value));
  return String(value);
}

/** Review labels: the form's labels say "(optional)", which means nothing on a page that only shows values. */
const fieldLabel: Record<EditableField, ApplicationMessageKey> = {
  name: 'review.field.name',
  category: 'review.field.category',
  countryCode: 'review.field.countryCode',
  nature: 'review.field.nature',
  website: 'review.field.website',
  twitter: 'review.field.twitter',
  linkedin: 'review.field.linkedin',
  statement: 'review.field.statement',
  statementLocale: 'review.field.statementLocale',
};

/** The audit actions recorded about an application, each with its label; any other code reads "other recorded action". */
export const historyActionLabels = {
  'applications.submit': 'history.action.applications.submit',
  'applications.confirm': 'history.action.applications.confirm',
  'applications.approve': 'history.action.applications.approve',
  'applications.reject': 'history.action.applications.reject',
  'applications.request-info': 'history.action.applications.request-info',
  'applications.answer-info': 'history.action.applications.answer-info',
  'applications.expire': 'history.action.applications.expire',
  'applications.replace': 'history.action.applications.replace',
  'applications.propose-edit': 'history.action.applications.propose-edit',
  'applications.note-verbale': 'history.action.applications.note-verbale',
  'applications.recheck-signals': 'history.action.applications.recheck-signals',
  'email.resend': 'history.action.email.resend',
} as const satisfies Record<string, ApplicationMessageKey>;

/** What an audit entry did, in words: never the raw code, which means nothing to a moderator. */
export function historyActionLabel(t: ApplicationMessages, action: string): string {
  return t(Object.hasOwn(historyActionLabels, action) ? historyActionLabels[action as keyof typeof historyActionLabels] : 'history.action.other');
}

/** Who did it: a named member of the secretariat, the applicant, the platform itself; never an internal id. */
function historyActorLabel(t: ApplicationMessages, names: Record<string, string>, actor: string): string {
  const named = names[actor];
  if (named) return named;
  if (actor === 'anonymous') return t('history.actor.anonymous');
  if (actor.startsWith('user:')) return t('history.actor.account');
  return t('history.actor.system');
}

/** One application for a moderator: the entry, the checks, duplicates, history, e-mails and the decisions. */
export function ReviewPage(props: ReviewPageProps): JSX.Element {
  const { locale, application: app } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const base = `/${locale}/secretariat/applications/${app.id}`;
  const open = isOpen(app.status);
  const isEdit = app.kind === 'edit';
  const isClaim = app.kind === 'claim';
  const errors = props.errors ?? {};
  return (
    <Layout locale={locale} title={t('review.title', { name: app.name })} path={`/secretariat/applications/${app.id}`} current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/applications`}>{safeT('review.back')}</a>
      </p>
      <h1>{safeT('review.title', { name: app.name })}</h1>
      <p>
        <span class="badge">{safeT(kindLabel(app.kind))}</span>{' '}
        <span class="badge">{safeT(`status.${app.status as ApplicationStatus}`)}</span>
      </p>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {app.purgedAt ? <p class="notice">{safeT('review.purged', { date: dateTime.format(app.purgedAt) })}</p> : ''}
      {isClaim && props.claim ? <ClaimPanel locale={locale} claim={app} entry={props.supporter} context={props.claim} /> : ''}

      <h2>{safeT(isClaim ? 'review.claim.fields' : 'review.fields')}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{safeT('review.col.field')}</th>
              {isEdit ? <th scope="col">{safeT('review.current')}</th> : ''}
              <th scope="col">{safeT(isEdit ? 'review.proposed' : isClaim ? 'review.col.value' : 'review.col.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {editableFields.map((field) => {
              const proposed = fieldValue(locale, field, app[field]);
              const current = props.supporter ? fieldValue(locale, field, props.supporter[field]) : '—';
              const changed = isEdit && proposed !== current;
              return (
                <tr>
                  <th scope="row">{safeT(fieldLabel[field])}</th>
                  {isEdit ? <td safe>{current}</td> : ''}
                  <td class={changed ? 'changed' : undefined}>
                    {changed ? <strong safe>{proposed}</strong> : <span safe>{proposed}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.supporter && app.status === 'approved' && !isClaim ? (
        <p>
          {safeT('review.published')}{' '}
          <a href={`/${locale}/supporters/${props.supporter.slug}`} safe>
            {props.supporter.slug}
          </a>
        </p>
      ) : (
        ''
      )}

      <h2>{safeT('review.private')}</h2>
      <dl class="facts">
        <dt>{safeT('review.executive')}</dt>
        <dd safe>{[app.executiveName, app.executiveEmail].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{safeT('review.contact')}</dt>
        <dd safe>{app.contactEmail ?? '—'}</dd>
        <dt>{safeT('review.submittedAt')}</dt>
        <dd safe>{dateTime.format(app.createdAt)}</dd>
        <dt>{safeT('review.confirmedAt')}</dt>
        <dd>{app.confirmedAt ? dateTime.format(app.confirmedAt) : '—'}</dd>
        <dt>{safeT('review.decidedAt')}</dt>
        <dd>{app.decidedAt ? dateTime.format(app.decidedAt) : '—'}</dd>
        {app.decisionReason ? (
          <>
            <dt>{safeT('review.decisionReason')}</dt>
            <dd safe>{app.decisionReason}</dd>
          </>
        ) : (
          ''
        )}
      </dl>

      {isEdit ? (
        ''
      ) : (
        <>
          <h2>{safeT('review.signals')}</h2>
          {app.signals.length ? (
            <ul>
              {app.signals.map((signal) => (
                <li>
                  {safeT(`review.signal.${signal.kind}`)}:{' '}
                  <span class={`badge ${signal.status === 'pass' ? 'pass' : signal.status === 'fail' ? 'fail' : ''}`}>{safeT(`review.signal.${signal.status}`)}</span>
                  {signal.detail ? <span class="meta" safe>{` — ${signal.detail}`}</span> : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{safeT('review.signals.none')}</p>
          )}
          {props.verification.url || props.verification.record ? (
            <p class="hint">
              {safeT('review.verification', { code: app.verificationCode, url: props.verification.url ?? '—', record: props.verification.record ?? '—' })}
            </p>
          ) : (
            ''
          )}
          {open ? (
            <PostButton action={`${base}/recheck`} csrfField={props.hiddenFields} label={t('review.recheck')} variant="secondary" />
          ) : (
            ''
          )}
          <h2>{safeT('review.duplicates')}</h2>
          {app.duplicates.length ? (
            <ul>
              {app.duplicates.map((d) => (
                <li>
                  <a href={`/${locale}/supporters/${d.slug}`} safe>
                    {d.name}
                  </a>{' '}
                  <span class="meta">{safeT(`review.duplicate.${d.reason}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{safeT('review.duplicates.none')}</p>
          )}
          {app.category === 'state' || app.signals.some((s) => s.kind === 'diplomatic-channel') || app.noteVerbale ? (
            <form class="form" method="post" action={`${base}/note-verbale`}>
              {props.hiddenFields as 'safe'}
              <div class="field">
                <label for="reference">{safeT('review.noteVerbale')}</label>
                <input type="text" id="reference" name="reference" value={app.noteVerbale ?? ''} maxlength={200} />
                {errors.reference ? (
                  <p class="field-error" safe>
                    {errorText(t, errors.reference)}
                  </p>
                ) : (
                  ''
                )}
              </div>
              <button type="submit" class="secondary">
                {safeT('review.noteVerbale.save')}
              </button>
            </form>
          ) : (
            ''
          )}
        </>
      )}

      {app.infoRequest ? (
        <>
          <h3>{safeT('review.infoRequest')}</h3>
          <blockquote class="statement" safe>
            {app.infoRequest}
          </blockquote>
          <h3>{safeT('review.infoResponse')}</h3>
          <blockquote class="statement" safe>
            {app.infoResponse ?? '—'}
          </blockquote>
        </>
      ) : (
        ''
      )}

      <h2>{safeT('review.decision')}</h2>
      {open ? (
        <div class="actions">
          <PostButton action={`${base}/approve`} csrfField={props.hiddenFields} fields={{ version: String(app.version) }} label={t(isClaim ? 'review.claim.approve' : 'review.approve')} />
          <form class="form" method="post" action={`${base}/reject`}>
            {props.hiddenFields as 'safe'}
            <input type="hidden" name="version" value={String(app.version)} />
            <div class="field">
              <label for="reason">{safeT('review.reject.reason')}</label>
              <textarea id="reason" name="reason" required maxlength={1000} aria-describedby={errors.reason ? 'reason-error' : undefined}></textarea>
              {errors.reason ? (
                <p class="field-error" id="reason-error" safe>
                  {errorText(t, errors.reason)}
                </p>
              ) : (
                ''
              )}
            </div>
            <button type="submit" class="danger">
              {safeT('review.reject')}
            </button>
          </form>
          <form class="form" method="post" action={`${base}/request-info`}>
            {props.hiddenFields as 'safe'}
            <input type="hidden" name="version" value={String(app.version)} />
            <div class="field">
              <label for="message">{safeT('review.ask.message')}</label>
              <textarea id="message" name="message" required maxlength={2000} aria-describedby={errors.message ? 'message-error' : undefined}></textarea>
              {errors.message ? (
                <p class="field-error" id="message-error" safe>
                  {errorText(t, errors.message)}
                </p>
              ) : (
                ''
              )}
            </div>
            <button type="submit" class="secondary">
              {safeT('review.ask')}
            </button>
          </form>
        </div>
      ) : (
        <p>{safeT('review.closed', { status: t(`status.${app.status as ApplicationStatus}`) })}</p>
      )}

      <h2>{safeT('review.deliveries')}</h2>
      <DeliveriesTable locale={locale} deliveries={props.deliveries} hiddenFields={props.hiddenFields} returnTo={app.id} />

      <h2>{safeT('review.history')}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{safeT('review.history.at')}</th>
              <th scope="col">{safeT('review.history.who')}</th>
              <th scope="col">{safeT('review.history.what')}</th>
            </tr>
          </thead>
          <tbody>
            {props.history.map((h) => (
              <tr>
                <td safe>{dateTime.format(h.at)}</td>
                <td safe>{historyActorLabel(t, props.actorNames, h.actor)}</td>
                <td safe>{h.reason ? `${historyActionLabel(t, h.action)}: ${h.reason}` : historyActionLabel(t, h.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
