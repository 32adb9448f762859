import { describedBy, Field } from '../../../app/html/field.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { channelKinds, contactRoles } from '../contacts.constants.js';
import { channelRows, type FormErrors, type FormValues } from '../contacts.forms.js';
import { contactsMessages, type ContactsMessageKey } from '../contacts.messages.js';

export interface ContactFormProps {
  locale: Locale;
  action: string;
  csrfField: string;
  values: FormValues;
  errors?: FormErrors | undefined;
  /** `nominate` asks the language of the nominee's e-mail; `contact` shows the publication choices. */
  mode: 'nominate' | 'edit' | 'contact';
  submit: string;
}

function Input(props: ContactFormProps & { name: string; label: ContactsMessageKey; type?: string; hint?: ContactsMessageKey; autocomplete?: string }): JSX.Element {
  const t = contactsMessages(props.locale);
  const errorKey = props.errors?.[props.name];
  const error = errorKey ? t(errorKey as ContactsMessageKey) : undefined;
  const hint = props.hint ? t(props.hint) : undefined;
  return (
    <Field name={props.name} label={t(props.label)} hint={hint} error={error}>
      <input id={props.name} name={props.name} type={props.type ?? 'text'} value={props.values[props.name] ?? ''} autocomplete={props.autocomplete} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(props.name, Boolean(hint), Boolean(error))} />
    </Field>
  );
}

/** The contact's details: role, identity, channels, hours in a time zone, languages, policy URLs, escalation and attestation. */
export function ContactForm(props: ContactFormProps): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const filled = Object.keys(props.values).filter((k) => /^channel-\d+-value$/.test(k) && props.values[k]).length;
  const rows = channelRows(filled);
  const roleError = props.errors?.role ? t(props.errors.role as ContactsMessageKey) : undefined;
  return (
    <form class="form" method="post" action={props.action} novalidate>
      {props.csrfField as 'safe'}
      {props.values.version ? <input type="hidden" name="version" value={props.values.version} /> : ''}
      <Field name="role" label={t('form.role')} error={roleError}>
        <select id="role" name="role" aria-describedby={describedBy('role', false, Boolean(roleError))}>
          {contactRoles.map((role) => (
            <option value={role} selected={props.values.role === role} safe>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <Input {...props} name="name" label="form.name" autocomplete="off" />
      <Input {...props} name="title" label="form.title" />
      <Input {...props} name="email" label="form.email" type="email" hint="form.emailHint" />
      {props.mode === 'nominate' ? (
        <Field name="mailLocale" label={t('form.mailLocale')}>
          <select id="mailLocale" name="mailLocale">
            {(['en', 'fr'] as const).map((l) => (
              <option value={l} selected={(props.values.mailLocale ?? props.locale) === l} safe>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        ''
      )}
      <fieldset>
        <legend>{safeT('form.channels')}</legend>
        <p class="hint">{safeT('form.channelsHint')}</p>
        {Array.from({ length: rows }, (_, i) => {
          const valueError = props.errors?.[`channel-${i}-value`] ? t(props.errors[`channel-${i}-value`] as ContactsMessageKey) : undefined;
          return (
            <fieldset class="channel-row">
              <legend>{safeT('form.channel', { n: i + 1 })}</legend>
              <Field name={`channel-${i}-kind`} label={t('form.channelKind')}>
                <select id={`channel-${i}-kind`} name={`channel-${i}-kind`}>
                  <option value="">{safeT('form.channelNone')}</option>
                  {channelKinds.map((kind) => (
                    <option value={kind} selected={props.values[`channel-${i}-kind`] === kind} safe>
                      {t(`channel.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field name={`channel-${i}-value`} label={t('form.channelValue')} error={valueError}>
                <input id={`channel-${i}-value`} name={`channel-${i}-value`} value={props.values[`channel-${i}-value`] ?? ''} aria-invalid={valueError ? 'true' : undefined} aria-describedby={describedBy(`channel-${i}-value`, false, Boolean(valueError))} />
              </Field>
              <Field name={`channel-${i}-order`} label={t('form.channelOrder')}>
                <input id={`channel-${i}-order`} name={`channel-${i}-order`} type="number" min="0" max="99" value={props.values[`channel-${i}-order`] ?? String(i)} />
              </Field>
              <p class="check">
                <input type="checkbox" id={`channel-${i}-24x7`} name={`channel-${i}-24x7`} value="yes" checked={props.values[`channel-${i}-24x7`] === 'yes'} />
                <label for={`channel-${i}-24x7`}>{safeT('form.is24x7')}</label>
              </p>
              {props.mode === 'contact' ? (
                <p class="check">
                  <input type="checkbox" id={`channel-${i}-published`} name={`channel-${i}-published`} value="yes" checked={props.values[`channel-${i}-published`] === 'yes'} />
                  <label for={`channel-${i}-published`}>{safeT('form.channelPublished')}</label>
                </p>
              ) : (
                ''
              )}
            </fieldset>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{safeT('form.hours')}</legend>
        <Input {...props} name="timeZone" label="form.timeZone" hint="form.timeZoneHint" />
        <p class="hint">{safeT('form.hoursHint')}</p>
        {[1, 2, 3, 4, 5, 6, 7].map((day) => (
          <Input {...props} name={`hours-${day}`} label={`day.${day}` as ContactsMessageKey} />
        ))}
      </fieldset>
      <Input {...props} name="languages" label="form.languages" hint="form.languagesHint" />
      <Input {...props} name="rfc2350Url" label="form.rfc2350Url" type="url" />
      <Input {...props} name="securityTxtUrl" label="form.securityTxtUrl" type="url" />
      <Input {...props} name="cvdPolicyUrl" label="form.cvdPolicyUrl" type="url" />
      <Input {...props} name="escalationOrder" label="form.escalationOrder" type="number" hint="form.escalationOrderHint" />
      <Input {...props} name="attestationDays" label="form.attestationDays" type="number" hint="form.attestationDaysHint" />
      {props.mode === 'contact' ? (
        <p class="check">
          <input type="checkbox" id="published" name="published" value="yes" checked={props.values.published === 'yes'} />
          <label for="published">{safeT('form.published')}</label>
        </p>
      ) : (
        ''
      )}
      <button type="submit" safe>
        {props.submit}
      </button>
    </form>
  );
}
