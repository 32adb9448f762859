/** Small pieces the layer pages share: who made a change, a cell's state, a date, a field's error. */
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { toolkitMessages } from '../../toolkit.messages.js';
import type { Author, CellState } from '../layers.models.js';

export const layersT = (locale: Locale) => {
  const t = toolkitMessages(locale);
  return { t, safeT: escaping(t) };
};

/** The public credit of a change: never a person, the secretariat or the supporter whose proposal was accepted. */
export function authorText(locale: Locale, author: Author): string {
  const { t } = layersT(locale);
  if (author.kind === 'supporter') return t('layers.author.supporter', { name: author.name });
  return t(`layers.author.${author.kind}`);
}

export function dateText(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function statusText(locale: Locale, status: CellState['status']): string {
  return layersT(locale).t(`layers.status.${status}`);
}

/** A cell's state: its status, the provision cited, the quotation as given (in English, whatever the page's language). */
export function CellStateView(props: { locale: Locale; state: CellState }): JSX.Element {
  const { state, locale } = props;
  return (
    <div class="cell-state">
      <p>
        <strong safe>{statusText(locale, state.status)}</strong>
        {state.locator ? <span lang="en" safe>{` · ${state.locator}`}</span> : ''}
      </p>
      {state.quotation ? (
        <blockquote lang="en">
          {state.quotation.split(/\n\s*\n/).map((text) => (
            <p safe>{text}</p>
          ))}
        </blockquote>
      ) : (
        ''
      )}
    </div>
  );
}

/** The localized message of a field's error key, or nothing. */
export function errorText(locale: Locale, errors: Record<string, string> | undefined, field: string): string | undefined {
  const key = errors?.[field];
  return key ? layersT(locale).t(key as Parameters<ReturnType<typeof toolkitMessages>>[0]) : undefined;
}
