import { createTranslator, type Catalog } from '../../app/i18n/i18n.js';

/**
 * Why an uploaded iData/iMeta file was refused unread (io/index.upload-limits.ts), shown in the list of problems of
 * the secretariat's forms in the reader's language. `{found}` and `{max}` are megabytes for sizes, counts for cells,
 * seconds for time.
 */
export const en = {
  'file.size.exceeded': '{file} is {found, number} MB; a file may hold at most {max, number} MB. Nothing was read.',
  'xlsx.inflated.exceeded':
    '{file} is a workbook that unpacks to more than {max, number} MB (at least {found, number} MB), far more than index tables need. Nothing was read: save the iData and iMeta sheets alone, or send them as CSV.',
  'file.cells.exceeded':
    '{file} has at least {found, number} cells; a file may hold at most {max, number}. Nothing was read: remove other sheets and empty formatted rows or columns, or send the tables as CSV.',
  'file.parse.memory': 'Reading {file} needed more than {max, number} MB of memory and was stopped. Nothing was stored.',
  'file.parse.time': 'Reading {file} took longer than {max, number} seconds and was stopped. Nothing was stored.',
};

export const fr = {
  'file.size.exceeded': '{file} pèse {found, number} Mo ; un fichier ne peut dépasser {max, number} Mo. Rien n’a été lu.',
  'xlsx.inflated.exceeded':
    '{file} est un classeur qui se décompresse en plus de {max, number} Mo (au moins {found, number} Mo), bien plus que des tables d’indice n’en demandent. Rien n’a été lu : enregistrez les seules feuilles iData et iMeta, ou envoyez-les en CSV.',
  'file.cells.exceeded':
    '{file} compte au moins {found, number} cellules ; un fichier en compte au plus {max, number}. Rien n’a été lu : retirez les autres feuilles et les lignes ou colonnes vides mises en forme, ou envoyez les tables en CSV.',
  'file.parse.memory': 'La lecture de {file} demandait plus de {max, number} Mo de mémoire et a été arrêtée. Rien n’a été enregistré.',
  'file.parse.time': 'La lecture de {file} a pris plus de {max, number} secondes et a été arrêtée. Rien n’a été enregistré.',
} satisfies Catalog<typeof en>;

export const uploadRefusalMessages = createTranslator<typeof en>({ en, fr });
