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

/** The statuses a representative chooses from (`reported` is only for imported practices whose source says none). */
export const submittableStatuses = ['planned', 'in-progress', 'in-force'] as const;

/**
 * The revisions an author still works on, at most one per practice: a draft, one waiting in the queue, one the
 * secretariat asked more about. The author edits the first and the last; a submitted one waits for the decision.
 */
export const openRevisionStates = ['draft', 'submitted', 'information-requested'] as const;
export const editableRevisionStates = ['draft', 'information-requested'] as const;

/** The revisions of the public history: published once (the current one, and those a later one replaced). */
export const publishedRevisionStates = ['published', 'superseded'] as const;

/**
 * The verification levels that let a supporter's representatives submit practices: those the secretariat established on
 * the platform when it approved a representative (as for proposals to the toolkit's layers). `official-registry` is
 * only the import of the Call's list: nobody on the platform has checked who speaks for the organisation.
 */
export const submittingLevels = ['secretariat-review', 'email-domain', 'website', 'diplomatic-route'] as const;

/** Lengths of what people type (characters). */
export const practiceTextLimits = { title: 300, description: 20_000, linkLabel: 200, changeNote: 1_000, reason: 2_000, links: 20 } as const;
