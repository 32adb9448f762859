import { describedBy, Field, FieldError } from '../../../../app/html/field.js';
import { Layout } from '../../../../app/html/layout.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { countryOptions } from '../../../../shared/countries.js';
import { supporterCategories } from '../../../supporters/supporters.constants.js';
import { practiceOrigins } from '../../practices/practices.constants.js';
import { synthesisMessages } from '../synthesis.messages.js';
import type { ShownSynthesis } from '../synthesis.presenters.js';
import type { SynthesisFormOptions } from '../synthesis.usecases.js';
import { SynthesisDocument } from './synthesis-document.js';

/** What the form shows: the values as typed (a wrong one is shown back beside its message). */
export interface SynthesisFormState {
  values: Partial<Record<'origin' | 'year' | 'category' | 'principle' | 'norm', string>> & { country: string[] };
  errors: Partial<Record<'origin' | 'year' | 'category' | 'country' | 'principle' | 'norm', string>>;
}

export const synthesisPath = (locale: Locale) => `/${locale}/practices/synthesis`;

function Choice(props: { name: 'origin' | 'category' | 'principle' | 'norm'; label: string; any: string; options: Array<{ value: string; label: string }>; state: SynthesisFormState }): JSX.Element {
  const error = props.state.errors[props.name];
  return (
    <Field name={props.name} label={props.label} error={error}>
      <select id={props.name} name={props.name} aria-describedby={describedBy(props.name, false, Boolean(error))} aria-invalid={error ? 'true' : undefined}>
        <option value="" safe>
          {props.any}
        </option>
        {props.options.map((o) => (
          <option value={o.value} selected={props.state.values[props.name] === o.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function SynthesisForm(props: { locale: Locale; state: SynthesisFormState; options: SynthesisFormOptions }): JSX.Element {
  const { locale, state, options } = props;
  const t = synthesisMessages(locale);
  const safeT = escaping(t);
  const any = t('synthesis.form.any');
  const countryError = state.errors.country;
  const yearError = state.errors.year;
  return (
    <form method="get" action={synthesisPath(locale)} class="form synthesis-form no-print" aria-labelledby="synthesis-form-title">
      <h2 id="synthesis-form-title">{safeT('synthesis.form.title')}</h2>
      <Choice name="origin" label={t('synthesis.form.origin')} any={any} state={state} options={practiceOrigins.map((o) => ({ value: o, label: t(`synthesis.origin.${o}`) }))} />
      <Field name="year" label={t('synthesis.form.year')} hint={t('synthesis.form.year.hint')} error={yearError}>
        <input id="year" name="year" type="text" inputmode="numeric" maxlength="4" value={state.values.year ?? ''} aria-describedby={describedBy('year', true, Boolean(yearError))} aria-invalid={yearError ? 'true' : undefined} />
      </Field>
      <Choice name="category" label={t('synthesis.form.category')} any={any} state={state} options={supporterCategories.map((c) => ({ value: c, label: t(`synthesis.category.${c}`) }))} />
      <div class="field">
        <label for="country">{safeT('synthesis.form.country')}</label>
        <span class="hint" id="country-hint">
          {safeT('synthesis.form.country.hint')}
        </span>
        <select id="country" name="country" multiple="multiple" size="6" aria-describedby={describedBy('country', true, Boolean(countryError))} aria-invalid={countryError ? 'true' : undefined}>
          {countryOptions(locale).map((o) => (
            <option value={o.value} selected={state.values.country.includes(o.value)} safe>
              {o.label}
            </option>
          ))}
        </select>
        <FieldError name="country" message={countryError} />
      </div>
      <Choice name="principle" label={t('synthesis.form.principle')} any={any} state={state} options={options.principles.map((p) => ({ value: String(p.number), label: `${p.number}. ${p.shortName[locale] ?? p.shortName.en ?? ''}` }))} />
      <Choice name="norm" label={t('synthesis.form.norm')} any={any} state={state} options={options.norms.map((n) => ({ value: n.code, label: n.paragraph }))} />
      <div class="actions">
        <button type="submit">{safeT('synthesis.form.submit')}</button>
        <a href={synthesisPath(locale)}>{safeT('synthesis.form.reset')}</a>
      </div>
    </form>
  );
}

/** Ready-made sets, as links: the G7 document of 2019 first, since regenerating it is what the page was made for. */
function Presets(props: { locale: Locale }): JSX.Element {
  const { locale } = props;
  const safeT = escaping(synthesisMessages(locale));
  const base = synthesisPath(locale);
  return (
    <section class="no-print" aria-labelledby="synthesis-presets-title">
      <h2 id="synthesis-presets-title">{safeT('synthesis.presets')}</h2>
      <ul>
        <li>
          <a href={`${base}?origin=g7-synthesis&year=2019`}>{safeT('synthesis.preset.g7')}</a>
        </li>
        <li>
          <a href={`${base}?origin=case-study`}>{safeT('synthesis.preset.caseStudies')}</a>
        </li>
        <li>
          <a href={`${base}?category=private-sector`}>{safeT('synthesis.preset.privateSector')}</a>
        </li>
      </ul>
    </section>
  );
}

/**
 * The synthesis page: what it is, the set to choose (a GET form, so a synthesis is a link), and once chosen the
 * synthesis itself with its Markdown and print versions. A set that does not read is shown back with a message beside
 * each wrong field, and no synthesis.
 */
export function SynthesisPage(props: { locale: Locale; state: SynthesisFormState; options: SynthesisFormOptions; result: { shown: ShownSynthesis; query: string } | null }): JSX.Element {
  const { locale, state, result } = props;
  const t = synthesisMessages(locale);
  const safeT = escaping(t);
  const invalid = Object.keys(state.errors).length > 0;
  const path = `/practices/synthesis${result?.query ?? ''}`;
  return (
    <Layout locale={locale} title={t('synthesis.title')} path={path}>
      <h1>{safeT('synthesis.title')}</h1>
      <p class="lead">{safeT('synthesis.intro')}</p>
      {invalid ? (
        <p class="error-summary" role="alert">
          {safeT('synthesis.error.invalid')}
        </p>
      ) : (
        ''
      )}
      <SynthesisForm locale={locale} state={state} options={props.options} />
      {result ? (
        <article class="synthesis" aria-labelledby="synthesis-result-title">
          <h2 id="synthesis-result-title">{safeT('synthesis.result')}</h2>
          <p safe>{result.shown.set}</p>
          <p role="status" safe>
            {`${result.shown.count} ${result.shown.generated}`}
          </p>
          <p class="actions no-print">
            <a class="button secondary" href={`${synthesisPath(locale)}.md${result.query}`}>
              {safeT('synthesis.download')}
            </a>
            <a class="button secondary" href={`${synthesisPath(locale)}/print${result.query}`}>
              {safeT('synthesis.print')}
            </a>
          </p>
          <SynthesisDocument shown={result.shown} locale={locale} top="h3" />
        </article>
      ) : (
        <Presets locale={locale} />
      )}
    </Layout>
  );
}

/** The print version: the synthesis alone as the page's document (the site's header and footer do not print). */
export function SynthesisPrintPage(props: { locale: Locale; shown: ShownSynthesis; query: string; publicUrl: string }): JSX.Element {
  const { locale, shown, query } = props;
  const safeT = escaping(synthesisMessages(locale));
  return (
    <Layout locale={locale} title={shown.title} path={`/practices/synthesis/print${query}`}>
      <article class="synthesis synthesis-print" aria-labelledby="synthesis-print-title">
        <p class="no-print">
          <a href={`${synthesisPath(locale)}${query}`}>{safeT('synthesis.back')}</a>
        </p>
        <p class="meta no-print">{safeT('synthesis.printHint')}</p>
        <h1 id="synthesis-print-title" safe>
          {shown.title}
        </h1>
        <p safe>{shown.set}</p>
        <p safe>{`${shown.count} ${shown.generated}`}</p>
        <SynthesisDocument shown={shown} locale={locale} top="h2" linkBase={props.publicUrl} />
      </article>
    </Layout>
  );
}
