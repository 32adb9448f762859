/**
 * A language's name in the reader's language (`en` → "English", or "anglais" on a French page), from the runtime's
 * CLDR data; a tag the runtime cannot name is returned as given rather than dropped.
 */
export function languageName(displayLocale: string, tag: string): string {
  try {
    const name = new Intl.DisplayNames([displayLocale], { type: 'language', fallback: 'none' }).of(tag);
    return name ?? tag;
  } catch {
    // RangeError: not a well-formed language tag.
    return tag;
  }
}
