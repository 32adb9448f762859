/**
 * Two countries or two supporters side by side: a row per norm, then per principle, each side's practices in it. A GET
 * form with two selects chooses them; a wrong choice comes back (400) with its message beside its own select.
 */
import { FieldError, describedBy } from '../../../../app/html/field.js';
import { Layout } from '../../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../../app/i18n/i18n.js';
import { compareSideLimit, normCodes, principleNumbers } from '../library.constants.js';
import { libraryMessages } from '../library.messages.js';
import type { CompareSide, Comparison, FrameworkLabels, LibraryPractice } from '../library.usecases.js';
import { countryName, normLabel, normOption, principleLabel } from './labels.js';
import { LibraryNav, libraryHref } from './library-nav.js';
import { feedLink } from './library-page.js';
import { PracticeTitle } from './practice-parts.js';
import { libraryQuery } from './query.js';

type Slot = 'a' | 'b';

export interface ComparePageProps {
  locale: Locale;
  /** What was asked, as typed (kept in the form when it names nothing). */
  asked: { a: string | undefined; b: string | undefined };
  comparison: Comparison;
  labels: FrameworkLabels;
  path: string;
}

const sideValue = (side: CompareSide) => (side.kind === 'country' ? side.code : side.slug);

export function sideName(locale: Locale, side: CompareSide): string {
  return side.kind === 'country' ? countryName(side.code, locale) : side.name;
}

export function ComparePage(props: ComparePageProps): JSX.Element {
  const { locale, comparison, labels } = props;
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const message = (slot: Slot) => {
    const issue = comparison.issues[slot];
    return issue ? t(`compare.error.${issue}`, { value: props.asked[slot] ?? '' }) : undefined;
  };
  const problems = (['a', 'b'] as const).filter((slot) => comparison.issues[slot]);
  const { a, b } = comparison.sides;
  return (
    <Layout locale={locale} title={t('compare.title')} path={props.path} head={feedLink(locale)} current="practices">
      <h1>{safeT('compare.title')}</h1>
      <p class="lead">{safeT('compare.intro')}</p>
      <LibraryNav locale={locale} current="compare" />
      {problems.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{safeT('compare.error.title')}</h2>
          <ul>
            {problems.map((slot) => (
              <li>
                <a href={`#${slot}`} safe>
                  {message(slot)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <form method="get" action={libraryHref.compare(locale)} class="form">
        {(['a', 'b'] as const).map((slot) => (
          <SideSelect locale={locale} slot={slot} comparison={comparison} asked={props.asked[slot]} error={message(slot)} />
        ))}
        <button type="submit">{safeT('compare.submit')}</button>
      </form>
      {comparison.practices && a && b ? (
        <ComparisonTable locale={locale} a={a} b={b} practices={comparison.practices} labels={labels} />
      ) : (
        ''
      )}
    </Layout>
  );
}

function SideSelect(props: { locale: Locale; slot: Slot; comparison: Comparison; asked: string | undefined; error: string | undefined }): JSX.Element {
  const { locale, slot, comparison } = props;
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const collator = new Intl.Collator(locale);
  const side = comparison.sides[slot];
  const current = side ? sideValue(side) : props.asked;
  const countries = comparison.choices.countries
    .map((c) => ({ value: c.value, label: `${countryName(c.value, locale)} (${formatNumber(locale, c.count)})` }))
    .sort((x, y) => collator.compare(x.label, y.label));
  const supporters = comparison.choices.supporters
    .map((s) => ({ value: s.slug, label: `${s.name} (${formatNumber(locale, s.count)})` }))
    .sort((x, y) => collator.compare(x.label, y.label));
  // A valid choice with no practice yet is not among the options: it is added, so the form shows what is compared.
  if (side?.kind === 'country' && !countries.some((c) => c.value === side.code)) countries.unshift({ value: side.code, label: `${countryName(side.code, locale)} (0)` });
  if (side?.kind === 'supporter' && !supporters.some((s) => s.value === side.slug)) supporters.unshift({ value: side.slug, label: `${side.name} (0)` });
  return (
    <div class="field">
      <label for={slot} safe>
        {t(`compare.${slot}`)}
      </label>
      <span class="hint" id={`${slot}-hint`}>
        {safeT('compare.hint')}
      </span>
      <select id={slot} name={slot} aria-describedby={describedBy(slot, true, !!props.error)} aria-invalid={props.error ? 'true' : undefined}>
        <option value="">{safeT('compare.none')}</option>
        <optgroup label={t('compare.countries')}>
          {countries.map((c) => (
            <option value={c.value} selected={c.value === current} safe>
              {c.label}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('compare.supporters')}>
          {supporters.map((s) => (
            <option value={s.value} selected={s.value === current} safe>
              {s.label}
            </option>
          ))}
        </optgroup>
      </select>
      <FieldError name={slot} message={props.error} />
    </div>
  );
}

function ComparisonTable(props: {
  locale: Locale;
  a: CompareSide;
  b: CompareSide;
  practices: NonNullable<Comparison['practices']>;
  labels: FrameworkLabels;
}): JSX.Element {
  const { locale, a, b, practices, labels } = props;
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const cell = (items: LibraryPractice[]): JSX.Element =>
    items.length ? (
      <>
        {items.map((p) => (
          <p>
            <PracticeTitle locale={locale} practice={p} />
            {p.year === null ? '' : <span class="meta" safe>{` (${p.year})`}</span>}
          </p>
        ))}
      </>
    ) : (
      <span class="meta">{safeT('compare.empty')}</span>
    );
  const libraryOf = (side: CompareSide) => libraryHref.library(locale) + libraryQuery(side.kind === 'country' ? { country: [side.code] } : { supporter: [side.slug] });
  const rows: Array<{ key: string; head: JSX.Element; filter: (p: LibraryPractice) => boolean }> = [
    ...normCodes.map((code) => ({
      key: code,
      head: (
        <a href={`/${locale}/norms/${code}`} title={normOption(locale, labels, code, 200)} safe>
          {t('norm.label', { paragraph: normLabel(code) })}
        </a>
      ),
      filter: (p: LibraryPractice) => p.norms.includes(code),
    })),
    ...principleNumbers.map((n) => ({
      key: `p${n}`,
      head: (
        <a href={`/${locale}/principles/${n}`} safe>
          {principleLabel(locale, labels, n)}
        </a>
      ),
      filter: (p: LibraryPractice) => p.principles.includes(n),
    })),
  ];
  return (
    <>
      <p id="compare-caption" class="table-caption" safe>
        {t('compare.caption', { a: sideName(locale, a), b: sideName(locale, b) })}
      </p>
      <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
        <table aria-labelledby="compare-caption" class="practices-compare sticky-first">
          <thead>
            <tr>
              <th scope="col">{safeT('compare.row')}</th>
              {[a, b].map((side) => (
                <th scope="col">
                  <a href={libraryOf(side)} safe>
                    {sideName(locale, side)}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{safeT('compare.total')}</th>
              {(['a', 'b'] as const).map((slot) => (
                <td>
                  {safeT('compare.count', { count: practices[slot].length })}
                  {practices.truncated[slot] ? <> {safeT('compare.truncated', { limit: compareSideLimit })}</> : ''}
                </td>
              ))}
            </tr>
            {rows.map((row) => (
              <tr>
                <th scope="row">{row.head as 'safe'}</th>
                <td>{cell(practices.a.filter(row.filter))}</td>
                <td>{cell(practices.b.filter(row.filter))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
