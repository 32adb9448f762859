import type { Locale } from '../../../app/i18n/i18n.js';
import type { Group } from '../../groups/groups.queries.js';
import { eventsMessages } from '../events.messages.js';
import { shown } from '../events.models.js';
import type { Localized } from '../events.tables.js';

/** Plain text as paragraphs (blank lines apart), in its language; never HTML. */
export function Paragraphs(props: { text: Localized; locale: Locale }): JSX.Element {
  const value = shown(props.text, props.locale);
  if (!value) return '';
  return (
    <div class="prose" lang={value.lang !== props.locale ? value.lang : undefined}>
      {value.text.split(/\n\s*\n/).map((paragraph) => (
        <p style="white-space: pre-line" safe>
          {paragraph}
        </p>
      ))}
    </div>
  );
}

/** A title in the page's language, or in the other one with its `lang`. */
export function Title(props: { text: Localized; locale: Locale; fallback: string }): JSX.Element {
  const value = shown(props.text, props.locale);
  return (
    <span lang={value && value.lang !== props.locale ? value.lang : undefined} safe>
      {value?.text ?? props.fallback}
    </span>
  );
}

/** The group's name, or "The Paris Call" for a Call-wide event. */
export function organiserName(group: Group | null | undefined, locale: Locale): string {
  if (!group) return eventsMessages(locale)('event.callWide');
  return shown(group.name, locale)?.text ?? group.slug;
}
