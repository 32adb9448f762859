import { defineError } from '../../app/http/errors.js';

export const editionNotFound = defineError('index.edition.not-found', 404, (locale) =>
  locale === 'fr' ? 'Cette édition de l’indice n’existe pas ou n’est pas publiée' : 'This index edition does not exist or is not published',
);

export const unitNotFound = defineError('index.unit.not-found', 404, (locale) =>
  locale === 'fr' ? 'Cette unité n’a pas de résultats dans cette édition' : 'This unit has no results in this edition',
);

/** Published editions are citable, so they never change: a correction is a new edition. */
export const editionPublished = defineError('index.edition.published', 409, (locale) =>
  locale === 'fr'
    ? 'Cette édition est publiée et ne peut plus être modifiée ; créez une nouvelle édition'
    : 'This edition is published and can no longer change; create a new edition',
);

export const editionSlugTaken = defineError('index.edition.slug-taken', 409, (locale) =>
  locale === 'fr' ? 'Une édition porte déjà cet identifiant' : 'An edition already uses this identifier',
);

/** The inputs do not make an index: every problem is listed (row, column, message) and nothing is stored. */
export const editionInputInvalid = defineError<{ count: number }>('index.edition.invalid', 422, (locale, { count }) =>
  locale === 'fr' ? `Rien n’a été enregistré : ${count} problème(s) dans les données` : `Nothing was stored: ${count} problem(s) in the input`,
);
