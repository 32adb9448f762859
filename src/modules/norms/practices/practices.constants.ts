/** The closed vocabularies of a practice. Labels are in the locales (`practice.kind.<value>` …), never here. */

/** Where a practice comes from. */
export const practiceOrigins = ['g7-synthesis', 'case-study', 'platform'] as const;
export type PracticeOrigin = (typeof practiceOrigins)[number];

/** What kind of measure it is (issue 16's list; `other` for what fits none). */
export const practiceKinds = [
  'law-or-regulation',
  'strategy',
  'institution',
  'programme',
  'technical-measure',
  'partnership',
  'capacity-building',
  'exercise',
  'diplomatic-action',
  'standard-or-guidance',
  'other',
] as const;
export type PracticeKind = (typeof practiceKinds)[number];

/** How far it is implemented. `reported` is for imported practices whose source does not say. */
export const implementationStatuses = ['planned', 'in-progress', 'in-force', 'reported'] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

/**
 * Sectors a practice covers: the sectors of high criticality and other critical sectors of the NIS 2 directive
 * (annexes I and II), plus `all` for measures that are not sector-specific.
 */
export const practiceSectors = [
  'all',
  'energy',
  'transport',
  'banking',
  'financial-market-infrastructure',
  'health',
  'drinking-water',
  'waste-water',
  'digital-infrastructure',
  'ict-service-management',
  'public-administration',
  'space',
  'postal-and-courier',
  'waste-management',
  'chemicals',
  'food',
  'manufacturing',
  'digital-providers',
  'research',
  'education',
] as const;
export type PracticeSector = (typeof practiceSectors)[number];

/** Revision states (see `practiceRevisions`). */
export const revisionStates = ['draft', 'submitted', 'information-requested', 'published', 'rejected', 'superseded'] as const;
export type RevisionState = (typeof revisionStates)[number];

/** The languages a practice may be written in on the platform; imported practices are in English or French too. */
export const practiceLanguages = ['en', 'fr'] as const;

/** The G7's members, as the countries covered by the G7 synthesis's practices (ISO 3166-1 alpha-3). */
export const g7Countries = ['CAN', 'DEU', 'FRA', 'GBR', 'ITA', 'JPN', 'USA'] as const;

/** Attachments: 10 MB each, at most 10 per practice. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachments = 10;
