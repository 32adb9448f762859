import { Layout } from '../../../app/html/layout.js';
import { FieldError } from '../../../app/html/field.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { channelKinds, contactRoles, windowChoices } from '../pings.constants.js';
import { pingsMessages, type PingsMessageKey } from '../pings.messages.js';

export interface ExerciseFormValues {
  organisations: string[];
  roles: string[];
  channels: string[];
  window: string;
  when: string;
  startsAt: string;
  timeZone: string;
}

export const blankForm: ExerciseFormValues = { organisations: [], roles: [], channels: ['email'], window: '1440', when: 'now', startsAt: '', timeZone: 'UTC' };

/**
 * The form that runs an exercise. The secretariat picks organisations (none: all); a designated contact runs it over
 * its own organisation (one of them, if it is a contact of several).
 */
export function ExerciseFormPage(props: {
  locale: Locale;
  csrfField: string;
  values: ExerciseFormValues;
  /** The organisations offered: every one with contacts (secretariat), or the contact's own. */
  organisations: Array<{ id: string; name: string }>;
  secretariat: boolean;
  errors: Partial<Record<keyof ExerciseFormValues, string>>;
}): JSX.Element {
  const { locale, values, errors } = props;
  const t = pingsMessages(locale);
  const safeT = escaping(t);
  const checkboxes = (name: keyof ExerciseFormValues, options: ReadonlyArray<[string, string]>, chosen: string[]) => (
    <fieldset aria-describedby={errors[name] ? `${name}-error` : undefined}>
      {options.map(([value, label]) => (
        <label class="choice">
          <input type="checkbox" name={name} value={value} checked={chosen.includes(value)} /> <span safe>{label}</span>
        </label>
      ))}
      <FieldError name={name} message={errors[name]} />
    </fieldset>
  );
  return (
    <Layout locale={locale} title={t('pings.form.title')} path="/cooperation/pings/new">
      <p class="breadcrumb">
        <a href={`/${locale}/cooperation/pings`}>{safeT('pings.title')}</a>
      </p>
      <h1>{safeT('pings.form.title')}</h1>
      <form method="post" action={`/${locale}/cooperation/pings/new`} novalidate>
        {props.csrfField as 'safe'}
        <h2>{safeT('pings.form.organisations')}</h2>
        {props.secretariat ? <p class="hint">{safeT('pings.form.organisations.hint')}</p> : ''}
        {props.secretariat || props.organisations.length > 1 ? (
          checkboxes('organisations', props.organisations.map((o) => [o.id, o.name] as [string, string]), values.organisations)
        ) : (
          <p>
            {safeT('pings.form.own', { name: props.organisations[0]?.name ?? '' })}
            <input type="hidden" name="organisations" value={props.organisations[0]?.id ?? ''} />
          </p>
        )}
        <h2>{safeT('pings.form.roles')}</h2>
        <p class="hint">{safeT('pings.form.roles.hint')}</p>
        {checkboxes('roles', contactRoles.map((r) => [r, t(`pings.role.${r}` as PingsMessageKey)] as [string, string]), values.roles)}
        <h2>{safeT('pings.form.channels')}</h2>
        <p class="hint">{safeT('pings.form.channels.hint')}</p>
        {checkboxes('channels', channelKinds.map((c) => [c, t(`pings.channel.${c}` as PingsMessageKey)] as [string, string]), values.channels)}
        <div class="field">
          <label for="window">{safeT('pings.form.window')}</label>
          <select id="window" name="window" aria-describedby={errors.window ? 'window-error' : undefined}>
            {windowChoices.map((w) => (
              <option value={String(w)} selected={values.window === String(w)} safe>
                {t(`pings.window.${w}` as PingsMessageKey)}
              </option>
            ))}
          </select>
          <FieldError name="window" message={errors.window} />
        </div>
        <fieldset>
          <legend>{safeT('pings.form.when')}</legend>
          <label class="choice">
            <input type="radio" name="when" value="now" checked={values.when !== 'later'} /> {safeT('pings.form.now')}
          </label>
          <label class="choice">
            <input type="radio" name="when" value="later" checked={values.when === 'later'} /> {safeT('pings.form.later')}
          </label>
        </fieldset>
        <div class="field">
          <label for="startsAt">{safeT('pings.form.startsAt')}</label>
          <input type="datetime-local" id="startsAt" name="startsAt" value={values.startsAt} aria-describedby={errors.startsAt ? 'startsAt-error' : undefined} />
          <FieldError name="startsAt" message={errors.startsAt} />
        </div>
        <div class="field">
          <label for="timeZone">{safeT('pings.form.timeZone')}</label>
          <input id="timeZone" name="timeZone" value={values.timeZone} autocomplete="off" />
        </div>
        <button type="submit">{safeT('pings.form.submit')}</button>
      </form>
    </Layout>
  );
}
