/** The co-chairs' form for a new consultation: titles, introduction, kind, audience, the pasted text, the deadline and its zone. */
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { Group } from '../../groups/groups.queries.js';
import { audiences, consultationKinds, maxIntroductionLength, maxTitleLength } from '../consultations.constants.js';
import type { FormErrors, FormValues } from '../consultations.forms.js';
import { localizedText } from '../consultations.presenters.js';
import { consultationsT, errorText, Notice, Radios, Select, TextArea, TextInput } from './parts.js';

export interface NewPageProps {
  locale: Locale;
  group: Group;
  csrfField: string;
  values: FormValues;
  errors?: FormErrors | undefined;
  alert?: string | undefined;
}

export function NewPage(props: NewPageProps): JSX.Element {
  const { locale, values } = props;
  const { t, safeT } = consultationsT(locale);
  const error = (field: string) => errorText(locale, props.errors, field);
  const groupName = localizedText(props.group.name, locale).text;
  const field = (name: string) => ({ id: name, name, value: values[name] ?? '', error: error(name) });
  return (
    <Layout locale={locale} title={t('consultations.new.title')} path={`/groups/${props.group.slug}/consultations/new`}>
      <p class="breadcrumb">
        <a href={`/${locale}/groups/${props.group.slug}`} safe>
          {groupName}
        </a>
      </p>
      <h1>{safeT('consultations.new.title')}</h1>
      <p safe>{t('consultations.new.intro', { group: groupName })}</p>
      <Notice message={props.alert} error />
      <form method="post" action={`/${locale}/groups/${props.group.slug}/consultations`} class="form" novalidate>
        {props.csrfField as 'safe'}
        <TextInput {...field('titleEn')} label={t('consultations.new.titleEn')} max={maxTitleLength} lang="en" />
        <TextInput {...field('titleFr')} label={t('consultations.new.titleFr')} max={maxTitleLength} lang="fr" />
        <TextArea {...field('introEn')} label={t('consultations.new.introEn')} max={maxIntroductionLength} lang="en" rows={3} />
        <TextArea {...field('introFr')} label={t('consultations.new.introFr')} max={maxIntroductionLength} lang="fr" rows={3} />
        <Radios id="kind" name="kind" legend={t('consultations.new.kind')} value={values.kind ?? 'draft'} error={error('kind')} options={consultationKinds.map((k) => [k, t(`consultations.kind.${k}`)])} />
        <Radios id="audience" name="audience" legend={t('consultations.new.audience')} value={values.audience ?? 'supporters'} error={error('audience')} options={audiences.map((a) => [a, t(`consultations.audience.${a}`)])} />
        <Select
          {...field('language')}
          value={values.language ?? locale}
          label={t('consultations.new.language')}
          options={[
            ['en', 'English'],
            ['fr', 'Français'],
          ]}
        />
        <TextArea {...field('text')} label={t('consultations.new.text')} hint={t('consultations.new.text.hint')} max={5_000_000} rows={14} />
        <TextInput {...field('closesAt')} type="datetime-local" label={t('consultations.new.closesAt')} max={16} />
        <TextInput {...field('timeZone')} value={values.timeZone ?? 'Europe/Paris'} label={t('consultations.new.timeZone')} hint={t('consultations.new.timeZone.hint')} max={64} />
        <button type="submit">{safeT('consultations.new.create')}</button>
      </form>
    </Layout>
  );
}
