import { tlpLabels, type TlpLabel } from '../../../app/authz/tlp.js';
import { describedBy, Field, FieldError } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { papLabels, requestKinds, sectorNames, urgencyNames } from '../requests.constants.js';
import type { RequestsMessageKey } from '../requests.messages.js';
import { requestsT, sectorName, TlpDefinitions, TlpLabelBadge } from './parts.js';

export interface NewPageProps {
  locale: Locale;
  csrfField: string;
  /** The organisations the sender is a contact of, and every other one (recipients). */
  senders: Array<{ id: string; name: string }>;
  recipients: Array<{ id: string; name: string }>;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  alert?: string | undefined;
}

const roles = ['diplomatic', 'technical', 'policy', 'legal', 'psirt'] as const;

/** The typed request (UN template: information, assistance, notification; plus acknowledgement), TLP required. */
export function NewRequestPage(props: NewPageProps): JSX.Element {
  const { locale } = props;
  const { t, safeT } = requestsT(locale);
  const v = props.values ?? {};
  const e = props.errors ?? {};
  const select = (name: string, options: Array<[string, string]>, value: string | undefined) => (
    <select id={name} name={name} aria-describedby={describedBy(name, false, Boolean(e[name]))}>
      {options.map(([key, label]) => (
        <option value={key} selected={value === key} safe>
          {label}
        </option>
      ))}
    </select>
  );
  return (
    <Layout locale={locale} title={t('new.title')} path="/cooperation/requests/new">
      <p class="breadcrumb">
        <a href={`/${locale}/cooperation/requests`}>{safeT('list.title')}</a>
      </p>
      <h1>{safeT('new.title')}</h1>
      <p>{safeT('new.intro')}</p>
      {props.alert ? (
        <p class="notice" role="alert" safe>
          {props.alert}
        </p>
      ) : (
        ''
      )}
      {props.senders.length === 0 ? (
        <p class="notice">{safeT('new.notContact')}</p>
      ) : (
        <form method="post" action={`/${locale}/cooperation/requests/new`} novalidate>
          {props.csrfField as 'safe'}
          <Field name="kind" label={t('field.kind')} error={e.kind}>
            {select('kind', requestKinds.map((k) => [k, t(`kind.${k}`)]), v.kind)}
          </Field>
          <Field name="senderSupporterId" label={t('field.sender')} error={e.senderSupporterId}>
            {select('senderSupporterId', props.senders.map((o) => [o.id, o.name]), v.senderSupporterId)}
          </Field>
          <Field name="recipientSupporterId" label={t('field.recipient')} error={e.recipientSupporterId}>
            {select('recipientSupporterId', [['', '—'], ...props.recipients.map((o): [string, string] => [o.id, o.name])], v.recipientSupporterId)}
          </Field>
          <Field name="recipientRole" label={t('field.recipientRole')} error={e.recipientRole}>
            {select('recipientRole', [['', t('role.any')], ...roles.map((r): [string, string] => [r, t(`role.${r}`)])], v.recipientRole)}
          </Field>
          <Field name="urgency" label={t('field.urgency')} error={e.urgency}>
            {select('urgency', urgencyNames.map((u) => [u, t(`urgency.${u}` as RequestsMessageKey)]), v.urgency)}
          </Field>
          <Field name="sector" label={t('field.sector')} error={e.sector}>
            {select('sector', sectorNames.map((s) => [s, sectorName(s, locale)]), v.sector ?? 'none')}
          </Field>
          <Field name="requestedAction" label={t('field.requestedAction')} error={e.requestedAction}>
            <textarea id="requestedAction" name="requestedAction" rows="3" maxlength="2000" aria-describedby={describedBy('requestedAction', false, Boolean(e.requestedAction))} safe>
              {v.requestedAction ?? ''}
            </textarea>
          </Field>
          <Field name="subject" label={t('field.subject')} error={e.subject}>
            <input id="subject" name="subject" maxlength="200" value={v.subject ?? ''} aria-describedby={describedBy('subject', false, Boolean(e.subject))} />
          </Field>
          <Field name="body" label={t('field.body')} error={e.body}>
            <textarea id="body" name="body" rows="8" maxlength="20000" aria-describedby={describedBy('body', false, Boolean(e.body))} safe>
              {v.body ?? ''}
            </textarea>
          </Field>
          <Field name="language" label={t('field.language')} error={e.language}>
            {select('language', [['en', t('language.en')], ['fr', t('language.fr')]], v.language ?? locale)}
          </Field>
          <fieldset aria-describedby={describedBy('tlp', false, Boolean(e.tlp))}>
            <legend>{safeT('field.tlp')}</legend>
            {tlpLabels.map((label) => (
              <div class="choice">
                <input type="radio" id={`tlp-${label}`} name="tlp" value={label} checked={v.tlp === label} />
                <label for={`tlp-${label}`}>
                  <TlpLabelBadge label={label} /> <span>{safeT(`audience.${label}` as RequestsMessageKey)}</span>
                </label>
              </div>
            ))}
            <FieldError name="tlp" message={e.tlp} />
          </fieldset>
          <p class="hint">
            <strong>{safeT('new.audience')}:</strong> {safeT('audience.mail')}
          </p>
          <Field name="pap" label={t('field.pap')} error={e.pap}>
            {select('pap', [['', t('field.papNone')], ...papLabels.map((p): [string, string] => [p, `PAP:${p}`])], v.pap)}
          </Field>
          <button type="submit">{safeT('new.send')}</button>
        </form>
      )}
      <TlpDefinitions locale={locale} />
    </Layout>
  );
}

export type { TlpLabel };
