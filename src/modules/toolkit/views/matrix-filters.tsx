import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { frameworkSheets, principles, recipientKinds } from '../toolkit.constants.js';
import { addressedTo, documentTypeLabel, type MatrixFilter } from '../toolkit.filters.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { ToolkitFrameworkRow } from '../toolkit.repository.js';
import { toolkitHref } from './toolkit-parts.js';

/** The filter as a query string (`?category=public-policy&principle=awareness`), empty when nothing is filtered. */
export function filterQuery(filter: MatrixFilter): string {
  const entries = Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

interface Option {
  value: string;
  label: string;
  /** How many frameworks the value keeps over the whole data set, or which actions for a principle (`A1–A6`). */
  count: number | string;
}

function FilterSelect(props: { locale: Locale; name: keyof MatrixFilter; label: string; options: Option[]; selected: string | undefined }): JSX.Element {
  const t = toolkitMessages(props.locale);
  const safeT = escaping(t);
  return (
    <div class="field">
      <label for={`filter-${props.name}`} safe>
        {props.label}
      </label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{safeT('filter.any')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={props.selected === o.value} safe>
            {t('filter.option', { label: o.label, count: o.count })}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The matrix's filters as a GET form (works without JavaScript): category, recipient and type of document keep
 * frameworks, the principle keeps actions. Each option shows how many frameworks the value keeps in the whole data set
 * (a principle, its actions).
 */
export function MatrixFilters(props: { locale: Locale; filter: MatrixFilter; frameworks: ToolkitFrameworkRow[]; actions: Array<{ code: string; principle: string }> }): JSX.Element {
  const { locale, filter, actions } = props;
  const all = props.frameworks;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const types = new Map<string, number>();
  for (const f of all) types.set(documentTypeLabel(f.documentType), (types.get(documentTypeLabel(f.documentType)) ?? 0) + 1);
  return (
    <form method="get" action={toolkitHref.matrix(locale)} class="form toolkit-filters" aria-labelledby="toolkit-filters-title">
      <h2 id="toolkit-filters-title">{safeT('filter.title')}</h2>
      <FilterSelect
        locale={locale}
        name="category"
        label={t('filter.category')}
        selected={filter.category}
        options={frameworkSheets.map(({ category }) => ({ value: category, label: t(`category.${category}`), count: all.filter((f) => f.category === category).length }))}
      />
      <FilterSelect
        locale={locale}
        name="recipient"
        label={t('filter.recipient')}
        selected={filter.recipient}
        options={recipientKinds.map((kind) => ({ value: kind, label: t(`recipient.${kind}`), count: all.filter((f) => addressedTo(f.recipients, kind)).length }))}
      />
      <FilterSelect
        locale={locale}
        name="documentType"
        label={t('filter.documentType')}
        selected={filter.documentType}
        options={[...types].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([label, count]) => ({ value: label, label, count }))}
      />
      <FilterSelect
        locale={locale}
        name="principle"
        label={t('filter.principle')}
        selected={filter.principle}
        options={principles.map((p) => {
          const codes = actions.filter((a) => a.principle === p.key).map((a) => a.code);
          return { value: p.key, label: t(`principle.${p.key}`), count: codes.length > 1 ? `${codes[0]}–${codes.at(-1)}` : (codes[0] ?? '0') };
        })}
      />
      <div class="actions">
        <button type="submit">{safeT('filter.apply')}</button>
        <a href={toolkitHref.matrix(locale)}>{safeT('filter.reset')}</a>
      </div>
    </form>
  );
}
