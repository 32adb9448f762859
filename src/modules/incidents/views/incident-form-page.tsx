/** The form a designated contact records an incident with: every frame's inputs, grouped by what they describe. */
import { describedBy, Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { FormValues } from '../incidents.input.js';
import { incidentsMessages } from '../incidents.messages.js';
import { ncissCategoryByKey, type NcissCategoryKey } from '../incidents.nciss.js';
import { effectOptions, ncissOptions, outlookOptions, rootCauseOptions, rsitTypeOptions, sectorOptions, tlpOptions, victimOptions } from '../incidents.presenters.js';
import { Checkboxes, Select, TextInput, type Option } from './controls.js';

export interface IncidentFormProps {
  locale: Locale;
  csrfField: string;
  organisations: Option[];
  values: FormValues;
  errors: Record<string, string>;
}

export function IncidentFormPage(props: IncidentFormProps): JSX.Element {
  const { locale, values, errors } = props;
  const t = incidentsMessages(locale);
  const safeT = escaping(t);
  const v = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const choose = t('form.choose');
  const select = (name: string, label: string, options: readonly Option[], hint?: string) => <Select name={name} label={label} options={options} value={v(name)} error={errors[name]} choose={choose} {...(hint ? { hint } : {})} />;
  const nciss = (key: NcissCategoryKey) =>
    ncissCategoryByKey[key].multiple ? (
      <Checkboxes name={key} legend={ncissCategoryByKey[key].label[locale]} options={ncissOptions(key, locale)} values={list(key)} error={errors[key]} />
    ) : (
      select(key, ncissCategoryByKey[key].label[locale], ncissOptions(key, locale))
    );
  return (
    <Layout locale={locale} title={t('form.title')} path="/cooperation/incidents/new">
      <h1>{safeT('form.title')}</h1>
      <p>{safeT('form.intro')}</p>
      {Object.keys(errors).length ? (
        <p class="notice error" role="alert">
          {safeT('error.invalid')}
        </p>
      ) : (
        ''
      )}
      {props.organisations.length ? '' : <p class="notice">{safeT('form.noOrganisation')}</p>}
      <form method="post" action={`/${locale}/cooperation/incidents/new`} novalidate>
        {props.csrfField as 'safe'}
        <fieldset>
          <legend>{safeT('form.incident')}</legend>
          {select('supporterId', t('form.organisation'), props.organisations)}
          <TextInput name="title" label={t('form.titleField')} value={v('title')} error={errors.title} />
          <Field name="description" label={t('form.description')} error={errors.description}>
            <textarea id="description" name="description" rows="6" aria-invalid={errors.description ? 'true' : undefined} aria-describedby={describedBy('description', false, Boolean(errors.description))} safe>
              {v('description')}
            </textarea>
          </Field>
          {select('language', t('form.language'), [['en', 'English'], ['fr', 'Français']])}
          {select('tlp', t('form.tlp'), tlpOptions, t('form.tlp.hint'))}
        </fieldset>
        <fieldset>
          <legend>{safeT('form.times')}</legend>
          <TextInput name="detectedDate" type="date" label={t('form.detectedDate')} value={v('detectedDate')} error={errors.detectedDate} />
          <TextInput name="detectedTime" type="time" label={t('form.detectedTime')} value={v('detectedTime')} error={errors.detectedTime} />
          <TextInput name="awareDate" type="date" label={t('form.awareDate')} value={v('awareDate')} error={errors.awareDate} hint={t('form.awareHint')} />
          <TextInput name="awareTime" type="time" label={t('form.awareTime')} value={v('awareTime')} error={errors.awareTime} />
          <TextInput name="timeZone" label={t('form.timeZone')} value={v('timeZone')} error={errors.timeZone} />
        </fieldset>
        <fieldset>
          <legend>{safeT('form.scope')}</legend>
          {select('victim', t('form.victim'), victimOptions(locale))}
          {select('effect', t('form.effect'), effectOptions(locale))}
          <Checkboxes name="sectors" legend={t('form.sectors')} options={sectorOptions(locale)} values={list('sectors')} error={errors.sectors} />
          <TextInput name="countries" label={t('form.countries')} value={v('countries')} error={errors.countries} />
          <TextInput name="usersAffected" label={t('form.usersAffected')} value={v('usersAffected')} error={errors.usersAffected} />
          <div class="field">
            <input type="checkbox" id="crossBorder" name="crossBorder" value="yes" checked={v('crossBorder') === 'yes'} />
            <label for="crossBorder">{safeT('form.crossBorder')}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{safeT('form.nciss')}</legend>
          {nciss('functionalImpact')}
          {nciss('observedActivity')}
          {nciss('location')}
          {nciss('actor')}
          {nciss('informationImpact')}
          {nciss('recoverability')}
          {nciss('crossSectorDependency')}
          {nciss('potentialImpact')}
        </fieldset>
        <fieldset>
          <legend>{safeT('form.rsit')}</legend>
          {select('rsitType', t('form.rsit'), rsitTypeOptions(locale))}
        </fieldset>
        <fieldset>
          <legend>{safeT('form.nis')}</legend>
          {select('rootCause', t('form.rootCause'), rootCauseOptions(locale))}
          {select('outlook', t('form.outlook'), outlookOptions(locale))}
        </fieldset>
        <button type="submit">{safeT('form.submit')}</button>
      </form>
    </Layout>
  );
}
