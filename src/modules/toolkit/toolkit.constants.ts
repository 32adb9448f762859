/**
 * The fixed vocabulary of the ICT supply-chain security toolkit (Paris Call working group 6, 2021): the five sheets of
 * the published workbook and the framework category each stands for, the six OECD principles and the cell states.
 * Database `CHECK`s are built from these maps.
 */

/** The data set the 2021 workbook and report are imported into; it is never edited afterwards. */
export const publishedDatasetKey = 'wg6-2021';

/** The five data sheets of the WG6 workbook, by exact name, with the category of the frameworks each lists. */
export const frameworkSheets = [
  { sheet: 'Public policy', category: 'public-policy', code: 'pp' },
  { sheet: 'Standardization & Labelling', category: 'standardization-labelling', code: 'sl' },
  { sheet: 'Corporate & Non-governmental', category: 'corporate-non-governmental', code: 'cn' },
  { sheet: 'Public-private', category: 'public-private', code: 'pr' },
  { sheet: 'Intergovernmental', category: 'intergovernmental', code: 'ig' },
] as const;

export const frameworkCategories = frameworkSheets.map((s) => s.category);
export type FrameworkCategory = (typeof frameworkSheets)[number]['category'];

/** The six high-level principles of the OECD report "Enhancing the digital security of products" (2021), in order. */
export const principles = [
  { key: 'transparency', name: 'Transparency and information sharing' },
  { key: 'awareness', name: 'Awareness and empowerment' },
  { key: 'responsibility', name: 'Responsibility and duty of care' },
  { key: 'cooperation', name: 'Co-operation and governance' },
  { key: 'innovation', name: 'Innovation and competition' },
  { key: 'proportionality', name: 'Proportionality and risk management' },
] as const;
export const principleKeys = principles.map((p) => p.key);
export type PrincipleKey = (typeof principles)[number]['key'];

/** The 25 actions A1–A25. */
export const actionCount = 25;

/** The recipient columns C, D, E of the workbook. */
export const recipientKinds = ['states', 'private-sector', 'individuals'] as const;
export type RecipientKind = (typeof recipientKinds)[number];

/** The four stakeholder groups of the report's matrix (pp. 26–31), in its column order. */
export const stakeholderKinds = ['public-sector', 'international-organizations', 'supply-side', 'demand-side'] as const;
export type StakeholderKind = (typeof stakeholderKinds)[number];

/**
 * What a framework × action cell says. `quoted`: the reviewers cite a provision; `reviewed-absent`: the framework was
 * reviewed for the action and nothing was found (WG6 draws its gap findings from these blanks). A pair with no cell
 * at all has not been reviewed (a framework added by a later layer, for instance).
 */
export const cellStatuses = ['quoted', 'reviewed-absent'] as const;
export type CellStatus = (typeof cellStatuses)[number];

/** Largest page of the read API. */
export const maxApiPageSize = 100;
