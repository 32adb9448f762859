/**
 * Folds text for search and sorting: Unicode NFC first (some official files are NFD), then lower case without
 * diacritics, punctuation turned into single spaces. "Société Générale", "SOCIETE-generale" and "societe generale" meet.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** NFC, trimmed, inner runs of white space collapsed; the canonical form of every text field we store. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}
