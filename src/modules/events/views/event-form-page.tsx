import { describedBy, Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { eventsMessages, type EventsMessageKey } from '../events.messages.js';
import type { FormErrors, FormValues } from '../events.forms.js';

export interface EventFormPageProps {
  locale: Locale;
  mode: 'new' | 'edit';
  /** Where the form posts (the cancel form posts to `<eventPath>/cancel`). */
  action: string;
  /** The page's path after the locale (for the language switch). */
  path: string;
  heading: string;
  csrfField: string;
  values: FormValues;
  errors?: FormErrors | undefined;
  /** Call-wide events list their invited people; a group's invite its members. */
  callWide: boolean;
  cancelAction?: string;
  cancelError?: string | undefined;
  alert?: string | undefined;
  cancelled?: boolean;
}

type Props = EventFormPageProps;

function Input(props: Props & { name: string; type?: string; hint?: EventsMessageKey; autocomplete?: string }): JSX.Element {
  const t = eventsMessages(props.locale);
  const error = props.errors?.[props.name];
  const hint = props.hint ? t(props.hint) : undefined;
  return (
    <Field name={props.name} label={t(`form.${props.name}` as EventsMessageKey)} hint={hint} error={error}>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.values[props.name] ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(hint), Boolean(error))}
      />
    </Field>
  );
}

function TextArea(props: Props & { name: string; hint?: EventsMessageKey; rows?: number }): JSX.Element {
  const t = eventsMessages(props.locale);
  const error = props.errors?.[props.name];
  const hint = props.hint ? t(props.hint) : undefined;
  return (
    <Field name={props.name} label={t(`form.${props.name}` as EventsMessageKey)} hint={hint} error={error}>
      <textarea id={props.name} name={props.name} rows={String(props.rows ?? 4)} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(props.name, Boolean(hint), Boolean(error))} safe>
        {props.values[props.name] ?? ''}
      </textarea>
    </Field>
  );
}

/** The organiser's form: texts in both languages, when (days, or times in a zone), place and link, attendance, minutes. */
export function EventFormPage(props: EventFormPageProps): JSX.Element {
  const t = eventsMessages(props.locale);
  const safeT = escaping(t);
  const hasErrors = Object.keys(props.errors ?? {}).length > 0;
  return (
    <Layout locale={props.locale} title={props.heading} path={props.path}>
      <h1 safe>{props.heading}</h1>
      {hasErrors ? (
        <p class="notice error" role="alert">
          {safeT('form.errorSummary')}
        </p>
      ) : (
        ''
      )}
      {props.alert ? (
        <p class="notice error" role="alert" safe>
          {props.alert}
        </p>
      ) : (
        ''
      )}
      {props.cancelled ? '' : (
        <form class="form" method="post" action={props.action} novalidate>
          {props.csrfField as 'safe'}
          <Input {...props} name="titleEn" />
          <Input {...props} name="titleFr" />
          <TextArea {...props} name="descriptionEn" />
          <TextArea {...props} name="descriptionFr" />
          <TextArea {...props} name="agendaEn" />
          <TextArea {...props} name="agendaFr" />
          <fieldset>
            <legend>{safeT('form.when')}</legend>
            <p class="hint">{safeT('form.timesHint')}</p>
            <Input {...props} name="startDate" type="date" />
            <Input {...props} name="startTime" type="time" />
            <Input {...props} name="endDate" type="date" />
            <Input {...props} name="endTime" type="time" />
            <Input {...props} name="timeZone" hint="form.timeZoneHint" />
          </fieldset>
          <fieldset>
            <legend>{safeT('form.place')}</legend>
            <Input {...props} name="address" />
            <Input {...props} name="city" />
            <Input {...props} name="country" />
            <Input {...props} name="link" type="url" />
            <Input {...props} name="linkTitle" />
          </fieldset>
          <fieldset>
            <legend>{safeT('form.access')}</legend>
            <Field name="openness" label={t('form.openness')} error={props.errors?.openness}>
              <select id="openness" name="openness" aria-describedby={describedBy('openness', false, Boolean(props.errors?.openness))}>
                {(['public', 'by-invitation'] as const).map((level) => (
                  <option value={level} selected={props.values.openness === level} safe>
                    {t(`event.openness.${level}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Input {...props} name="capacity" type="number" hint="form.capacityHint" />
            <p class="check">
              <input type="checkbox" id="registrationOpen" name="registrationOpen" value="yes" checked={props.values.registrationOpen === 'yes'} />
              <label for="registrationOpen">{safeT('form.registrationOpen')}</label>
            </p>
            {props.callWide ? <TextArea {...props} name="invitees" hint="form.inviteesHint" /> : ''}
          </fieldset>
          {props.mode === 'edit' ? (
            <fieldset>
              <legend>{safeT('form.after')}</legend>
              <TextArea {...props} name="minutesEn" rows={8} />
              <TextArea {...props} name="minutesFr" rows={8} />
              <Input {...props} name="recordingUrl" type="url" />
            </fieldset>
          ) : (
            ''
          )}
          <button type="submit">{props.mode === 'new' ? safeT('form.create') : safeT('form.save')}</button>
        </form>
      )}
      {props.cancelAction && !props.cancelled ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{safeT('cancel.heading')}</h2>
          <p>{safeT('cancel.explain')}</p>
          <form class="form" method="post" action={props.cancelAction} novalidate>
            {props.csrfField as 'safe'}
            <Field name="reason" label={t('cancel.reason')}>
              <textarea id="reason" name="reason" rows="3"></textarea>
            </Field>
            <div class="field">
              <p class="check">
                <input type="checkbox" id="confirm" name="confirm" value="yes" aria-invalid={props.cancelError ? 'true' : undefined} aria-describedby={props.cancelError ? 'confirm-error' : undefined} />
                <label for="confirm">{safeT('cancel.confirm')}</label>
              </p>
              {props.cancelError ? (
                <p class="field-error" id="confirm-error" safe>
                  {props.cancelError}
                </p>
              ) : (
                ''
              )}
            </div>
            <button type="submit" class="danger">
              {safeT('cancel.submit')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
