/** The vocabulary of consultations; labels are in the locales (`consultations.kind.<value>` …). */

export const consultationKinds = ['draft', 'questions'] as const;
export type ConsultationKind = (typeof consultationKinds)[number];

export const audiences = ['supporters', 'public'] as const;
export type ConsultationAudience = (typeof audiences)[number];

/** The phases a reader sees: `closed` is an open consultation whose deadline has passed. */
export const phases = ['draft', 'open', 'closed', 'concluded'] as const;
export type Phase = (typeof phases)[number];

export const publications = ['named', 'anonymous', 'private'] as const;
export type Publication = (typeof publications)[number];

export const outcomes = ['accepted', 'merged', 'partly', 'not-retained'] as const;
export type Outcome = (typeof outcomes)[number];

export const textLanguages = ['en', 'fr'] as const;
export type TextLanguage = (typeof textLanguages)[number];

export const maxTitleLength = 300;
export const maxIntroductionLength = 5_000;
export const maxParagraphs = 500;
export const maxParagraphLength = 10_000;
export const maxInputLength = 10_000;
export const maxReasonLength = 5_000;
export const maxSynthesisLength = 50_000;
export const maxConsultationsPageSize = 100;
