/** The secretariat's crosswalk pages: every link with its edit link and the form to add one; one link's rationale and its removal. */
import { Layout } from '../../../../app/html/layout.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import type { FormErrors, FormValues } from '../../norms.fields.js';
import { Notice, Select, TextArea } from '../../views/form-controls.js';
import { crosswalkMessages } from '../crosswalk.messages.js';
import { linkKey, paragraphOf, type CrosswalkLink, type PrincipleName } from '../crosswalk.models.js';
import { maxRationaleLength } from '../crosswalk.schemas.js';
import { LinkSource, principleLabel, Rationale } from './link-parts.js';

export interface FormState {
  values: FormValues;
  errors?: FormErrors | undefined;
}

type Translate = ReturnType<typeof crosswalkMessages>;
const errorOf = (t: Translate, state: FormState, name: string) => {
  const key = state.errors?.[name];
  return key ? t(key as Parameters<Translate>[0]) : undefined;
};

function RationaleFields({ t, state }: { t: Translate; state: FormState }): JSX.Element {
  return (
    <>
      <TextArea
        name="rationaleEn"
        label={t('crosswalk.field.rationaleEn')}
        hint={t('crosswalk.field.rationale.hint', { max: maxRationaleLength })}
        error={errorOf(t, state, 'rationaleEn')}
        value={state.values.rationaleEn ?? ''}
        max={maxRationaleLength}
        lang="en"
        required
      />
      <TextArea
        name="rationaleFr"
        label={t('crosswalk.field.rationaleFr')}
        hint={t('crosswalk.field.rationaleFr.hint')}
        error={errorOf(t, state, 'rationaleFr')}
        value={state.values.rationaleFr ?? ''}
        max={maxRationaleLength}
        lang="fr"
      />
    </>
  );
}

export interface CrosswalkEditPageProps {
  locale: Locale;
  links: readonly CrosswalkLink[];
  principles: readonly PrincipleName[];
  norms: ReadonlyArray<{ code: string; paragraph: string }>;
  csrfField: string;
  form: FormState;
  notice?: string | undefined;
}

export function CrosswalkEditPage(props: CrosswalkEditPageProps): JSX.Element {
  const { locale, form } = props;
  const t = crosswalkMessages(locale);
  const safeT = escaping(t);
  const invalid = Object.keys(form.errors ?? {}).length > 0;
  return (
    <Layout locale={locale} title={t('crosswalk.edit.title')} path="/secretariat/crosswalk" current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/norms`}>{safeT('crosswalk.edit.framework')}</a>
      </p>
      <h1>{safeT('crosswalk.edit.title')}</h1>
      <Notice message={props.notice} />
      <p class="lead">{safeT('crosswalk.edit.intro')}</p>
      <p>
        <a href={`/${locale}/norms/crosswalk`}>{safeT('crosswalk.edit.public')}</a>
      </p>
      <h2 id="add-link">{safeT('crosswalk.add.title')}</h2>
      <form class="form" method="post" action={`/${locale}/secretariat/crosswalk`} novalidate aria-labelledby="add-link">
        {props.csrfField as 'safe'}
        <Notice message={invalid ? t('crosswalk.form.problem') : undefined} problem />
        <Select
          name="principle"
          label={t('crosswalk.field.principle')}
          error={errorOf(t, form, 'principle')}
          value={form.values.principle ?? ''}
          options={[['', t('crosswalk.field.choose')], ...props.principles.map((p): [string, string] => [String(p.number), principleLabel(locale, p, p.number)])]}
          required
        />
        <Select
          name="norm"
          label={t('crosswalk.field.norm')}
          error={errorOf(t, form, 'norm')}
          value={form.values.norm ?? ''}
          options={[['', t('crosswalk.field.choose')], ...props.norms.map((n): [string, string] => [n.code, t('crosswalk.norm', { paragraph: n.paragraph })])]}
          required
        />
        <RationaleFields t={t} state={form} />
        <button type="submit">{safeT('crosswalk.add.submit')}</button>
      </form>
      <h2>{safeT('crosswalk.links.title')}</h2>
      <ul class="crosswalk-links">
        {props.links.map((link) => (
          <li>
            <strong safe>{`${principleLabel(locale, props.principles.find((p) => p.number === link.principleNumber), link.principleNumber)} ↔ ${t('crosswalk.norm', { paragraph: paragraphOf(link.normCode) })}`}</strong>
            <Rationale locale={locale} link={link} />
            <LinkSource locale={locale} link={link} />{' '}
            <a href={`/${locale}/secretariat/crosswalk/${linkKey(link)}`} safe>
              {t('crosswalk.links.edit', { key: `${link.principleNumber} ↔ ${paragraphOf(link.normCode)}` })}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface LinkEditPageProps {
  locale: Locale;
  link: CrosswalkLink;
  csrfField: string;
  form: FormState;
  removal: FormState;
  notice?: string | undefined;
}

export function LinkEditPage(props: LinkEditPageProps): JSX.Element {
  const { locale, link } = props;
  const t = crosswalkMessages(locale);
  const safeT = escaping(t);
  const paragraph = paragraphOf(link.normCode);
  const title = t('crosswalk.link.title', { number: link.principleNumber, paragraph });
  const action = `/${locale}/secretariat/crosswalk/${linkKey(link)}`;
  const removeError = errorOf(t, props.removal, 'confirm');
  return (
    <Layout locale={locale} title={title} path={`/secretariat/crosswalk/${linkKey(link)}`} current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/crosswalk`}>{safeT('crosswalk.edit.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <Notice message={props.notice} />
      <p>
        <LinkSource locale={locale} link={link} />
      </p>
      <form class="form" method="post" action={action} novalidate>
        {props.csrfField as 'safe'}
        <Notice message={Object.keys(props.form.errors ?? {}).length ? t('crosswalk.form.problem') : undefined} problem />
        <RationaleFields t={t} state={props.form} />
        <button type="submit">{safeT('crosswalk.link.save')}</button>
      </form>
      <h2 id="remove-link">{safeT('crosswalk.remove.title')}</h2>
      <form class="form" method="post" action={`${action}/remove`} novalidate aria-labelledby="remove-link">
        {props.csrfField as 'safe'}
        <div class="field">
          <p class="check">
            <input
              type="checkbox"
              id="confirm"
              name="confirm"
              value="yes"
              aria-invalid={removeError ? 'true' : undefined}
              aria-describedby={removeError ? 'confirm-error' : undefined}
            />
            <label for="confirm" safe>
              {t('crosswalk.remove.confirm', { number: link.principleNumber, paragraph })}
            </label>
          </p>
          {removeError ? (
            <p class="field-error" id="confirm-error" safe>
              {removeError}
            </p>
          ) : (
            ''
          )}
        </div>
        <button type="submit" class="danger">
          {safeT('crosswalk.remove.submit')}
        </button>
      </form>
    </Layout>
  );
}
