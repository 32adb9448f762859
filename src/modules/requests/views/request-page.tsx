import type { Actor } from '../../../app/authz/actor.js';
import { can } from '../../../app/authz/policy.js';
import type { TlpLabel } from '../../../app/authz/tlp.js';
import { Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { escapeHtml } from '@kitajs/html';
import { outcomes } from '../requests.constants.js';
import type { RequestsMessageKey } from '../requests.messages.js';
import { onRecipientSide, requestsPolicies } from '../requests.policies.js';
import type { RequestView } from '../requests.usecases.js';
import { Instant, personName, requestsT, sectorName, TlpDefinitions, TlpLabelBadge } from './parts.js';

export interface RequestPageProps {
  locale: Locale;
  actor: Actor;
  view: RequestView;
  csrfField: string;
  timeZone: string;
  now: Date;
  contacts: Array<{ id: string; name: string; organisation: string }>;
  notice?: string | undefined;
  alert?: string | undefined;
}

/** One request under its marking: the label before and after the information, the clocks, the outcome log, the actions. */
export function RequestPage(props: RequestPageProps): JSX.Element {
  const { locale, view, actor } = props;
  const { request, subject } = view;
  const { t, safeT } = requestsT(locale);
  const label = request.tlp as TlpLabel;
  const org = (id: string | null) => (id ? (view.organisations.get(id) ?? '') : '');
  const base = `/${locale}/cooperation/requests/${request.id}`;
  const form = (action: string, children: JSX.Element | string, button: string) => (
    <form method="post" action={`${base}/${action}`}>
      {props.csrfField as 'safe'}
      {children}
      <button type="submit" safe>
        {button}
      </button>
    </form>
  );
  const due = (at: Date) => (
    <>
      <Instant locale={locale} at={at} timeZone={props.timeZone} />
      {at < props.now ? <strong safe>{` (${t('request.overdue')})`}</strong> : ''}
    </>
  );
  return (
    <Layout locale={locale} title={`TLP:${label} ${request.subject}`} path={`/cooperation/requests/${request.id}`}>
      <p class="breadcrumb">
        <a href={`/${locale}/cooperation/requests`}>{safeT('list.title')}</a>
      </p>
      <p class="tlp-header">
        <TlpLabelBadge label={label} />
      </p>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      {props.alert ? <p class="notice" role="alert" safe>{props.alert}</p> : ''}
      <h1 lang={request.language} safe>
        {request.subject}
      </h1>
      <dl class="facts">
        <dt>{safeT('request.kind')}</dt>
        <dd>{safeT(`kind.${request.kind}` as RequestsMessageKey)}</dd>
        <dt>{safeT('request.from')}</dt>
        <dd safe>{t('request.sentBy', { name: personName(request.senderName, locale), organisation: org(request.senderSupporterId) })}</dd>
        <dt>{safeT('request.to')}</dt>
        <dd safe>{org(request.recipientSupporterId) + (request.recipientRole ? ` (${t(`role.${request.recipientRole}` as RequestsMessageKey)})` : '')}</dd>
        <dt>{safeT('request.urgency')}</dt>
        <dd>{safeT(`urgency.${request.urgency}` as RequestsMessageKey)}</dd>
        <dt>{safeT('request.sector')}</dt>
        <dd>{escapeHtml(sectorName(request.sector, locale)) as 'safe'}</dd>
        <dt>{safeT('request.state')}</dt>
        <dd>
          {safeT(`state.${request.state}` as RequestsMessageKey)}
          {request.outcome ? <span safe>{` · ${t('request.outcome', { outcome: t(`outcome.${request.outcome}` as RequestsMessageKey) })}`}</span> : ''}
        </dd>
        <dt>{safeT('request.ackDue')}</dt>
        <dd>{request.acknowledgedAt ? <Instant locale={locale} at={request.acknowledgedAt} timeZone={props.timeZone} /> : due(request.ackDueAt)}</dd>
        <dt>{safeT('request.responseDue')}</dt>
        <dd>{request.answeredAt ? <Instant locale={locale} at={request.answeredAt} timeZone={props.timeZone} /> : due(request.responseDueAt)}</dd>
        {request.pap ? (
          <>
            <dt>{safeT('request.pap')}</dt>
            <dd lang="en" safe>{`PAP:${request.pap}`}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{safeT('request.requestedAction')}</dt>
        <dd lang={request.language} safe>
          {request.requestedAction}
        </dd>
      </dl>
      <section class="marked" aria-label={`TLP:${label}`}>
        <p>
          <TlpLabelBadge label={label} />
        </p>
        <div class="request-body" lang={request.language} safe>
          {request.body}
        </div>
        <p class="hint" safe>
          {t('request.endOfMarked', { label: `TLP:${label}` })}
        </p>
      </section>
      <section aria-labelledby="audience">
        <h2 id="audience">{safeT('request.audience')}</h2>
        <p>{safeT(`audience.${label}` as RequestsMessageKey)}</p>
        {request.published ? <p>{safeT('request.published')}</p> : ''}
        <h3>{safeT('request.recipients')}</h3>
        <ul>
          {view.recipients.map((r) => (
            <li safe>{`${personName(r.name, locale)} (${org(r.supporterId)})`}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="log">
        <h2 id="log">{safeT('request.log')}</h2>
        <ol class="outcome-log">
          {view.events.map((e) => (
            <li>
              <Instant locale={locale} at={e.at} timeZone={props.timeZone} /> —{' '}
              <span safe>
                {t(`event.${e.kind}` as RequestsMessageKey, { target: personName(e.targetName, locale), outcome: e.outcome ? t(`outcome.${e.outcome}` as RequestsMessageKey) : '' })}
              </span>{' '}
              <span class="hint" safe>
                {e.actorUserId || e.actorName || e.kind !== 'escalated'
                  ? t('event.by', { name: `${personName(e.actorName, locale)}${e.actorSupporterId ? `, ${org(e.actorSupporterId)}` : ''}` })
                  : t('event.platform')}
              </span>
              {e.body ? (
                <div class="reply">
                  <TlpLabelBadge label={label} />
                  <p lang={e.language ?? request.language} safe>
                    {e.body}
                  </p>
                </div>
              ) : (
                ''
              )}
              {e.kind === 'share-asked' && !e.decision && can(actor, requestsPolicies.decideShare, subject)
                ? ['granted', 'refused'].map((decision) =>
                    form('share-decision', <><input type="hidden" name="event" value={e.id} /><input type="hidden" name="decision" value={decision} /></>, t(decision === 'granted' ? 'request.grant' : 'request.refuse')),
                  )
                : ''}
            </li>
          ))}
        </ol>
      </section>
      {can(actor, requestsPolicies.acknowledge, subject) ? form('acknowledge', '', t('request.acknowledge')) : ''}
      {can(actor, requestsPolicies.reply, subject) ? (
        <section aria-labelledby="reply">
          <h2 id="reply">{safeT('request.reply')}</h2>
          {form(
            'reply',
            <>
              <Field name="body" label={t('request.reply')} hint={t('request.replyHint', { label: `TLP:${label}` })}>
                <textarea id="body" name="body" rows="5" maxlength="20000" aria-describedby="body-hint"></textarea>
              </Field>
              <input type="hidden" name="language" value={locale} />
            </>,
            t('request.send'),
          )}
        </section>
      ) : (
        ''
      )}
      {can(actor, requestsPolicies.close, subject) ? (
        <section aria-labelledby="close">
          <h2 id="close">{safeT('request.close')}</h2>
          {form(
            'close',
            <>
              <Field name="outcome" label={t('request.close')}>
                <select id="outcome" name="outcome">
                  {outcomes
                    .filter((o) => !onRecipientSide(actor, subject) || o === 'resolved' || o === 'declined')
                    .map((o) => (
                      <option value={o}>{safeT(`outcome.${o}` as RequestsMessageKey)}</option>
                    ))}
                </select>
              </Field>
              <Field name="note" label={t('request.note')}>
                <textarea id="note" name="note" rows="2" maxlength="2000"></textarea>
              </Field>
            </>,
            t('request.closeButton'),
          )}
        </section>
      ) : (
        ''
      )}
      {label !== 'RED' && can(actor, requestsPolicies.reply, subject) && props.contacts.length ? (
        <section aria-labelledby="forward">
          <h2 id="forward">{safeT('request.forward')}</h2>
          {form('forward', <ContactSelect locale={locale} contacts={props.contacts} />, t('request.forwardButton'))}
        </section>
      ) : (
        ''
      )}
      {can(actor, requestsPolicies.askShare, subject) && props.contacts.length ? (
        <section aria-labelledby="ask-share">
          <h2 id="ask-share">{safeT('request.askShare')}</h2>
          <p class="hint">{safeT('request.askShareHint')}</p>
          {form(
            'share-request',
            <>
              <ContactSelect locale={locale} contacts={props.contacts} id="share-contact" />
              <Field name="reason" label={t('request.reason')}>
                <textarea id="reason" name="reason" rows="2" maxlength="2000"></textarea>
              </Field>
            </>,
            t('request.askButton'),
          )}
        </section>
      ) : (
        ''
      )}
      {label === 'CLEAR' && !request.published && can(actor, requestsPolicies.publish, subject) ? form('publish', '', t('request.publish')) : ''}
      <TlpDefinitions locale={locale} only={label} />
      <p class="tlp-footer">
        <TlpLabelBadge label={label} />
      </p>
    </Layout>
  );
}

function ContactSelect(props: { locale: Locale; contacts: Array<{ id: string; name: string; organisation: string }>; id?: string }): JSX.Element {
  const { t } = requestsT(props.locale);
  const id = props.id ?? 'contact';
  return (
    <Field name={id} label={t('request.contact')}>
      <select id={id} name="contact">
        {props.contacts.map((c) => (
          <option value={c.id} safe>{`${c.name} — ${c.organisation}`}</option>
        ))}
      </select>
    </Field>
  );
}
