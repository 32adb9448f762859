/** The secretariat's pages of the Call's framework: the overview with its edit links, and the form of a norm's text. */
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { PrincipleName } from '../crosswalk/crosswalk.models.js';
import { principleLabel } from '../crosswalk/views/link-parts.js';
import type { FormErrors, FormValues } from '../norms.fields.js';
import { normsMessages } from '../norms.messages.js';
import type { NormRow } from '../norms.repository.js';
import { maxNormTextLength } from '../norms.schemas.js';
import { Notice, Select, TextArea, TextInput } from './form-controls.js';

export interface FrameworkPageProps {
  locale: Locale;
  norms: readonly NormRow[];
  principles: readonly PrincipleName[];
  linkCount: number;
  /** What the visitor may change (each from its policy, with `can`): a control is shown only where it would work. */
  may: { editNorms: boolean; editPrinciples: boolean; editCrosswalk: boolean };
}

export function FrameworkPage({ locale, norms, principles, linkCount, may }: FrameworkPageProps): JSX.Element {
  const t = normsMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('framework.title')} path="/secretariat/norms" current="secretariat">
      <h1>{safeT('framework.title')}</h1>
      <p class="lead">{safeT('framework.intro')}</p>
      <h2>{safeT('framework.norms')}</h2>
      {norms.length === 0 ? (
        <p>{safeT('framework.norms.empty')}</p>
      ) : (
        <ul>
          {norms.map((norm) => (
            <li>
              <a href={`/${locale}/norms/${norm.code}`} safe>
                {t('norms.open', { paragraph: norm.paragraph })}
              </a>{' '}
              <span class="meta">({safeT(norm.editedBy ? 'framework.state.edited' : 'framework.state.imported')})</span>
              {may.editNorms ? (
                <>
                  {' · '}
                  <a href={`/${locale}/secretariat/norms/${norm.code}`} safe>
                    {t('framework.norm.edit', { paragraph: norm.paragraph })}
                  </a>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{safeT('framework.principles')}</h2>
      <ul>
        {principles.map((principle) => (
          <li>
            <a href={`/${locale}/principles/${principle.number}`} safe>
              {principleLabel(locale, principle, principle.number)}
            </a>
            {may.editPrinciples ? (
              <>
                {' · '}
                <a href={`/${locale}/secretariat/principles/${principle.number}`} safe>
                  {t('framework.principle.edit', { number: principle.number })}
                </a>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      <h2>{safeT('framework.crosswalk')}</h2>
      <p>{safeT('framework.crosswalk.body', { count: linkCount })}</p>
      <p>
        <a href={`/${locale}/norms/crosswalk`}>{safeT('norms.crosswalk')}</a>
        {may.editCrosswalk ? (
          <>
            {' · '}
            <a href={`/${locale}/secretariat/crosswalk`}>{safeT('framework.crosswalk.edit')}</a>
          </>
        ) : (
          ''
        )}
      </p>
    </Layout>
  );
}

export interface NormFormPageProps {
  locale: Locale;
  norm: NormRow;
  csrfField: string;
  values: FormValues;
  errors?: FormErrors | undefined;
  notice?: string | undefined;
}

/** The form's values from a norm as stored. */
export function normFormValues(norm: NormRow): FormValues {
  return { en: norm.text.en, fr: norm.text.fr ?? '', frWording: norm.frWording ?? '', frSource: norm.sources.fr ?? '' };
}

export function NormFormPage({ locale, norm, csrfField, values, errors, notice }: NormFormPageProps): JSX.Element {
  const t = normsMessages(locale);
  const safeT = escaping(t);
  const title = t('normForm.title', { paragraph: norm.paragraph });
  const error = (name: string) => (errors?.[name] ? t(errors[name] as Parameters<typeof t>[0]) : undefined);
  return (
    <Layout locale={locale} title={title} path={`/secretariat/norms/${norm.code}`} current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/norms`}>{safeT('normForm.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <Notice message={notice} />
      <p class="lead">{safeT('normForm.intro')}</p>
      <p>
        <a href={`/${locale}/norms/${norm.code}`}>{safeT('normForm.public')}</a>
      </p>
      <form class="form" method="post" action={`/${locale}/secretariat/norms/${norm.code}`} novalidate>
        {csrfField as 'safe'}
        <Notice message={errors && Object.keys(errors).length ? t('normForm.problem') : undefined} problem />
        <TextArea name="en" label={t('normForm.en')} error={error('en')} value={values.en ?? ''} max={maxNormTextLength} rows={5} lang="en" required />
        <TextArea name="fr" label={t('normForm.fr')} hint={t('normForm.fr.hint')} error={error('fr')} value={values.fr ?? ''} max={maxNormTextLength} rows={5} lang="fr" />
        <Select
          name="frWording"
          label={t('normForm.frWording')}
          error={error('frWording')}
          value={values.frWording ?? ''}
          options={[
            ['', t('normForm.frWording.none')],
            ['g7', t('normForm.frWording.g7')],
            ['un', t('normForm.frWording.un')],
          ]}
        />
        <TextInput name="frSource" label={t('normForm.frSource')} hint={t('normForm.frSource.hint')} error={error('frSource')} value={values.frSource ?? ''} max={300} />
        <button type="submit">{safeT('normForm.submit')}</button>
      </form>
    </Layout>
  );
}
