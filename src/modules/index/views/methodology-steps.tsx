import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { PipelineConfig } from '../engine/pipeline.js';
import { en, methodologyStepMessages } from './methodology-steps.locales.js';

type Key = keyof typeof en;
type Translate = ReturnType<typeof methodologyStepMessages>;

/** Option values that are names of methods or rules, said in words; any other value is formatted by its type. */
const namedValues = new Set(['method', 'unitScreen', 'fallback', 'optype']);

/** Shares in [0, 1] read as percentages ("90 %"), which is how the COINr documentation states these thresholds. */
const shares = new Set(['datThresh', 'nonZeroThresh']);

function formatValue(t: Translate, locale: Locale, key: string, value: unknown): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return shares.has(key) ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value) : number.format(value);
  if (typeof value === 'string') return namedValues.has(key) ? label(t, `opt.${key}.${value}`, value) : value;
  if (Array.isArray(value)) {
    return value
      .map((item) => (item && typeof item === 'object' && 'uCode' in item ? t(item.include ? 'opt.force.include' : 'opt.force.exclude', { unit: String(item.uCode) }) : formatValue(t, locale, key, item)))
      .join(', ');
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // Per-level settings are keyed by the level being built (2, 3, …); other maps by indicator or node code.
    const byLevel = entries.every(([k]) => /^\d+$/.test(k)) && (key === 'method' || key === 'datThresh');
    return entries
      .map(([k, v]) => {
        if (v && typeof v === 'object' && !Array.isArray(v)) return `${k}: ${formatObject(t, locale, v as Record<string, unknown>)}`;
        const text = formatValue(t, locale, key, v);
        return byLevel ? t('value.level', { level: k, value: text }) : `${k}: ${text}`;
      })
      .join('; ');
  }
  return String(value);
}

function formatObject(t: Translate, locale: Locale, object: Record<string, unknown>): string {
  return Object.entries(object)
    .map(([k, v]) => `${label(t, `opt.${k}`, k).toLocaleLowerCase(locale)} ${formatValue(t, locale, k, v)}`)
    .join(', ');
}

/** A catalog label when there is one; an option the catalog does not know yet keeps its name rather than breaking the page. */
function label(t: Translate, key: string, fallback: string): string {
  return Object.hasOwn(en, key) ? t(key as Key) : fallback;
}

/** One line per setting of a step: its label and its value in words. */
function Settings(props: { t: Translate; locale: Locale; options: Record<string, unknown> }): JSX.Element {
  const entries = Object.entries(props.options).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return <span class="meta" safe>{props.t('step.none')}</span>;
  return (
    <ul>
      {entries.map(([key, value]) => (
        <li safe>{props.t('setting', { label: label(props.t, `opt.${key}`, key), value: formatValue(props.t, props.locale, key, value) })}</li>
      ))}
    </ul>
  );
}

/**
 * The pipeline as run, in words: each step with its settings (defaults filled in), then aggregation. Generated from
 * the stored configuration, so it can never drift from what was computed.
 */
export function MethodologySteps(props: { locale: Locale; config: PipelineConfig }): JSX.Element {
  const t = methodologyStepMessages(props.locale);
  const safeT = escaping(t);
  return (
    <ol class="steps">
      {props.config.steps.map(({ step, ...options }) => (
        <li>
          <strong>{safeT(`step.${step}`)}</strong>
          <Settings t={t} locale={props.locale} options={options} />
        </li>
      ))}
      <li>
        <strong>{safeT('step.aggregate')}</strong>
        <Settings t={t} locale={props.locale} options={{ ...(props.config.aggregate ?? {}) }} />
      </li>
    </ol>
  );
}
