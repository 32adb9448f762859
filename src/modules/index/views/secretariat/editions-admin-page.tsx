import { Layout } from '../../../../app/html/layout.js';
import type { FieldIssue } from '../../../../app/http/errors.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import type { EditionAdminRow } from '../../index.repository.js';
import { describedBy, Field } from '../../../../app/html/field.js';
import { dateTime, EditionStatus, FileField, Notice, ProblemList } from './admin-parts.js';
import { indexAdminMessages } from './secretariat.locales.js';

/** What the secretariat typed in the new-edition form, kept when it is refused (files must be chosen again). */
export interface CreateValues {
  slug: string;
  titleEn: string;
  titleFr: string;
  source: string;
}

export const emptyCreateValues: CreateValues = { slug: '', titleEn: '', titleFr: '', source: '' };

export interface EditionsAdminPageProps {
  locale: Locale;
  editions: EditionAdminRow[];
  csrfField: string;
  notice?: string | undefined;
  values?: CreateValues;
  /** Errors beside the form's fields, by field name. */
  errors?: Record<string, string>;
  /** Problems of the tables or the configuration (row, column, message). */
  problems?: FieldIssue[];
}

/** The secretariat's list of index editions and the form that creates a draft from uploaded COINr tables. */
export function EditionsAdminPage(props: EditionsAdminPageProps): JSX.Element {
  const { locale } = props;
  const t = indexAdminMessages(locale);
  const safeT = escaping(t);
  const values = props.values ?? emptyCreateValues;
  const errors = props.errors ?? {};
  const problems = props.problems ?? [];
  const text = (name: keyof CreateValues, label: string, hint?: string, required = true) => (
    <Field name={name} label={label} hint={hint} error={errors[name]}>
      <input
        type="text"
        id={name}
        name={name}
        value={values[name]}
        required={required}
        maxlength={name === 'slug' ? 64 : 200}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(errors[name]))}
      />
    </Field>
  );
  return (
    <Layout locale={locale} title={t('admin.title')} path="/secretariat/index" current="secretariat">
      <h1>{safeT('admin.title')}</h1>
      <p class="lead">{safeT('admin.lead')}</p>
      <Notice text={props.notice} />
      <table>
        <caption>{safeT('admin.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{safeT('admin.list.edition')}</th>
            <th scope="col">{safeT('admin.list.status')}</th>
            <th scope="col">{safeT('admin.list.changed')}</th>
          </tr>
        </thead>
        <tbody>
          {props.editions.length === 0 ? (
            <tr>
              <td colspan="3">{safeT('admin.list.empty')}</td>
            </tr>
          ) : (
            props.editions.map((e) => (
              <tr>
                <th scope="row">
                  <a href={`/${locale}/secretariat/index/${e.slug}`} safe>
                    {locale === 'fr' ? e.titleFr : e.titleEn}
                  </a>{' '}
                  <code safe>{e.slug}</code>
                </th>
                <td>
                  <EditionStatus locale={locale} edition={e} />
                </td>
                <td safe>{dateTime(locale, e.updatedAt)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <h2 id="new">{safeT('create.title')}</h2>
      <ProblemList
        id="problems"
        title={t('form.problems', { count: problems.length })}
        where={t('form.problems.where')}
        what={t('form.problems.what')}
        note={t('form.problems.engineNote')}
        problems={problems}
      />
      <p>
        <a href={`/${locale}/secretariat/index/wg5-template.xlsx`}>{safeT('create.template')}</a> {safeT('create.template.hint')}
      </p>
      <form class="form" method="post" action={`/${locale}/secretariat/index`} enctype="multipart/form-data" aria-labelledby="new">
        {props.csrfField as 'safe'}
        {text('slug', t('create.slug'), t('create.slug.hint'))}
        {text('titleEn', t('create.titleEn'))}
        {text('titleFr', t('create.titleFr'))}
        <FileField name="iData" label={t('create.iData')} hint={t('create.iData.hint')} error={errors.iData} required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <FileField name="iMeta" label={t('create.iMeta')} hint={t('create.iMeta.hint')} error={errors.iMeta} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <FileField name="pipeline" label={t('create.pipeline')} hint={t('create.pipeline.hint')} error={errors.pipeline} accept=".json,application/json" />
        {text('source', t('create.source'), t('create.source.hint'), false)}
        <button type="submit">{safeT('create.submit')}</button>
      </form>
    </Layout>
  );
}
