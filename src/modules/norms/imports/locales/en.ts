/** Strings of the practice imports. English is the type; French must match it. */
export const en = {
  'error.source.invalid': 'The practices’ source cannot be imported: {where}: {problem}. Nothing was written.',
} as const;
