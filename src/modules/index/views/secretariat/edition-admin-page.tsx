import { Layout } from '../../../../app/html/layout.js';
import { PostButton } from '../../../../app/html/post-button.js';
import type { FieldIssue } from '../../../../app/http/errors.js';
import { escaping, formatNumber, type Locale } from '../../../../app/i18n/i18n.js';
import type { IndexEditionRow } from '../../index.tables.js';
import { describedBy, Field } from '../../../../app/html/field.js';
import { dateTime, EditionStatus, FileField, Notice, ProblemList } from './admin-parts.js';
import { indexAdminMessages } from './secretariat.locales.js';

/** The configuration and publication forms as typed, kept when refused. */
export interface EditionFormValues {
  pipeline: string;
  seed: string;
  runs: string;
  weightPerturbation: string;
  noteEn: string;
  noteFr: string;
  /** Why a published edition is withdrawn. */
  reason: string;
}

/** The forms' values from the stored edition: the configuration as JSON, the uncertainty settings as numbers. */
export function storedFormValues(edition: IndexEditionRow): EditionFormValues {
  const { pipeline, uncertainty } = edition.config;
  return {
    pipeline: JSON.stringify(pipeline, null, 2),
    seed: String(uncertainty.seed),
    runs: String(uncertainty.runs),
    weightPerturbation: String(uncertainty.weightPerturbation),
    noteEn: edition.changesNoteEn ?? '',
    noteFr: edition.changesNoteFr ?? '',
    reason: '',
  };
}

/** What a draft holds: counted from its stored tables, before anything is computed. */
export function editionFigures(edition: IndexEditionRow) {
  const rows = edition.dataset.iData.rows;
  return {
    units: new Set(rows.map((r) => r.uCode)).size,
    times: [...new Set(rows.map((r) => r.Time ?? '').filter(Boolean))].sort(),
    indicators: edition.framework.iMeta.rows.filter((r) => r.Type === 'Indicator').length,
    rows: rows.length,
    columns: edition.dataset.iData.columns.length,
    metaRows: edition.framework.iMeta.rows.length,
  };
}

export interface EditionAdminPageProps {
  locale: Locale;
  edition: IndexEditionRow;
  csrfField: string;
  values: EditionFormValues;
  notice?: string | undefined;
  /** Which form the errors and problems belong to. */
  form?: 'data' | 'config' | 'publish' | 'withdraw' | undefined;
  errors?: Record<string, string>;
  problems?: FieldIssue[];
}

const fileTypes = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One edition for the secretariat: what it holds and, while a draft, its data, configuration, preview and publication. */
export function EditionAdminPage(props: EditionAdminPageProps): JSX.Element {
  const { locale, edition, values } = props;
  const t = indexAdminMessages(locale);
  const safeT = escaping(t);
  const draft = edition.status === 'draft';
  const figures = editionFigures(edition);
  const base = `/${locale}/secretariat/index/${edition.slug}`;
  const errors = props.errors ?? {};
  const problemsOf = (form: NonNullable<EditionAdminPageProps['form']>) => (
    <ProblemList
      id={`${form}-problems`}
      title={t('form.problems', { count: props.form === form ? (props.problems ?? []).length : 0 })}
      where={t('form.problems.where')}
      what={t('form.problems.what')}
      note={form === 'publish' || form === 'withdraw' ? undefined : t('form.problems.engineNote')}
      problems={props.form === form ? (props.problems ?? []) : []}
    />
  );
  const number = (name: 'seed' | 'runs' | 'weightPerturbation', label: string, hint: string, attrs: { min: string; max?: string; step: string }) => (
    <Field name={name} label={label} hint={hint} error={errors[name]}>
      <input
        type="number"
        id={name}
        name={name}
        value={values[name]}
        required
        min={attrs.min}
        max={attrs.max}
        step={attrs.step}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, true, Boolean(errors[name]))}
      />
    </Field>
  );
  const title = locale === 'fr' ? edition.titleFr : edition.titleEn;
  return (
    <Layout locale={locale} title={title} path={`/secretariat/index/${edition.slug}`} current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/index`}>{safeT('admin.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <dl class="facts">
        <dt>{safeT('edition.status')}</dt>
        <dd>
          <EditionStatus locale={locale} edition={edition} />
        </dd>
        <dt>{safeT('edition.slug')}</dt>
        <dd>
          <code safe>{edition.slug}</code>
        </dd>
        <dt>{safeT('edition.units')}</dt>
        <dd safe>{formatNumber(locale, figures.units)}</dd>
        <dt>{safeT('edition.times')}</dt>
        <dd safe>{figures.times.join(', ') || '—'}</dd>
        <dt>{safeT('edition.indicators')}</dt>
        <dd safe>{formatNumber(locale, figures.indicators)}</dd>
        <dt>{safeT('edition.source')}</dt>
        <dd safe>{edition.dataset.source}</dd>
        <dt>{safeT('edition.withoutData')}</dt>
        <dd>{safeT('edition.withoutData.value', { categories: edition.framework.withoutData.categories.length, indicators: edition.framework.withoutData.indicators.length })}</dd>
        <dt>{safeT('edition.created')}</dt>
        <dd safe>{dateTime(locale, edition.createdAt)}</dd>
        <dt>{safeT('edition.changed')}</dt>
        <dd safe>{dateTime(locale, edition.updatedAt)}</dd>
      </dl>
      {draft ? '' : <p class="note">{safeT('edition.readonly')}</p>}
      <p>
        <a class="button secondary" href={`${base}/preview`}>
          {safeT('preview.link')}
        </a>
      </p>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{safeT('data.title')}</h2>
        <p safe>{t('data.current', { rows: figures.rows, columns: figures.columns, meta: figures.metaRows })}</p>
        <p>
          <a href={`${base}/inputs.xlsx`}>{safeT('data.download')}</a>
        </p>
        {draft ? (
          <>
            <p class="hint">{safeT('data.lead')}</p>
            {problemsOf('data')}
            <form class="form" method="post" action={`${base}/data`} enctype="multipart/form-data" aria-labelledby="data-title">
              {props.csrfField as 'safe'}
              <FileField name="iData" label={t('create.iData')} hint={t('create.iData.hint')} error={props.form === 'data' ? errors.iData : undefined} required accept={fileTypes} />
              <FileField name="iMeta" label={t('create.iMeta')} hint={t('create.iMeta.hint')} error={props.form === 'data' ? errors.iMeta : undefined} accept={fileTypes} />
              <button type="submit">{safeT('data.submit')}</button>
            </form>
          </>
        ) : (
          ''
        )}
      </section>

      <section aria-labelledby="config-title">
        <h2 id="config-title">{safeT('config.title')}</h2>
        <p class="hint">{safeT('config.lead')}</p>
        <h3>{safeT('config.steps')}</h3>
        <StepList locale={locale} edition={edition} />
        {draft ? (
          <>
            {problemsOf('config')}
            <form class="form" method="post" action={`${base}/config`} aria-labelledby="config-title">
              {props.csrfField as 'safe'}
              <Field name="pipeline" label={t('config.pipeline')} hint={t('config.options')} error={errors.pipeline}>
                <textarea
                  id="pipeline"
                  name="pipeline"
                  class="code"
                  rows="16"
                  spellcheck="false"
                  required
                  aria-invalid={errors.pipeline ? 'true' : undefined}
                  aria-describedby={describedBy('pipeline', true, Boolean(errors.pipeline))}
                  safe
                >
                  {values.pipeline}
                </textarea>
              </Field>
              <fieldset>
                <legend>{safeT('config.uncertainty')}</legend>
                {number('seed', t('config.seed'), t('config.seed.hint'), { min: '0', step: '1' })}
                {number('runs', t('config.runs'), t('config.runs.hint'), { min: '64', max: '20000', step: '1' })}
                {number('weightPerturbation', t('config.perturbation'), t('config.perturbation.hint'), { min: '0', max: '1', step: 'any' })}
              </fieldset>
              <button type="submit">{safeT('config.submit')}</button>
            </form>
          </>
        ) : (
          <pre safe>{values.pipeline}</pre>
        )}
      </section>

      {draft ? (
        <>
          <section aria-labelledby="publish-title">
            <h2 id="publish-title">{safeT('publish.title')}</h2>
            <p>{safeT('publish.lead')}</p>
            {problemsOf('publish')}
            <form class="form" method="post" action={`${base}/publish`} aria-labelledby="publish-title">
              {props.csrfField as 'safe'}
              {(['noteEn', 'noteFr'] as const).map((name) => (
                <Field name={name} label={t(name === 'noteEn' ? 'publish.noteEn' : 'publish.noteFr')} error={errors[name]}>
                  <textarea id={name} name={name} maxlength="4000" lang={name === 'noteEn' ? 'en' : 'fr'} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={describedBy(name, false, Boolean(errors[name]))} safe>
                    {values[name]}
                  </textarea>
                </Field>
              ))}
              <button type="submit">{safeT('publish.submit')}</button>
            </form>
          </section>
          <section aria-labelledby="discard-title">
            <h2 id="discard-title">{safeT('discard.title')}</h2>
            <PostButton action={`${base}/discard`} csrfField={props.csrfField} label={t('discard.submit')} variant="danger" />
          </section>
        </>
      ) : (
        ''
      )}
      {edition.status === 'published' ? <WithdrawSection {...props} /> : ''}
    </Layout>
  );
}

/** A published edition's withdrawal: a required reason, shown publicly; and how to replace it (publish a new edition). */
function WithdrawSection(props: EditionAdminPageProps): JSX.Element {
  const t = indexAdminMessages(props.locale);
  const safeT = escaping(t);
  const error = props.form === 'withdraw' ? props.errors?.reason : undefined;
  return (
    <section aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{safeT('withdraw.title')}</h2>
      <p>{safeT('withdraw.lead')}</p>
      <p>{safeT('withdraw.replace')}</p>
      <form class="form" method="post" action={`/${props.locale}/secretariat/index/${props.edition.slug}/withdraw`} aria-labelledby="withdraw-title">
        {props.csrfField as 'safe'}
        <Field name="reason" label={t('withdraw.reason')} error={error}>
          <textarea id="reason" name="reason" required maxlength="2000" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy('reason', false, Boolean(error))} safe>
            {props.values.reason}
          </textarea>
        </Field>
        <button type="submit" class="danger">
          {safeT('withdraw.submit')}
        </button>
      </form>
    </section>
  );
}

/** The configured steps in order, each with its options, then the aggregation. */
function StepList(props: { locale: Locale; edition: IndexEditionRow }): JSX.Element {
  const t = indexAdminMessages(props.locale);
  const safeT = escaping(t);
  const { steps, aggregate } = props.edition.config.pipeline;
  const options = (o: object) => {
    const rest = Object.entries(o).filter(([k, v]) => k !== 'step' && v !== undefined);
    return rest.length ? JSON.stringify(Object.fromEntries(rest)) : '';
  };
  return (
    <ol>
      {steps.length === 0 ? <li>{safeT('config.noSteps')}</li> : ''}
      {steps.map((s) => (
        <li>
          <strong>{s.step}</strong> <code safe>{options(s)}</code>
        </li>
      ))}
      <li>
        {safeT('config.aggregation', { method: JSON.stringify(aggregate?.method ?? 'arithmetic') })} <code safe>{options({ ...aggregate, method: undefined })}</code>
      </li>
    </ol>
  );
}
