/**
 * The vocabulary of implementation reports: what a section is about, who may read it, the report's states, the fields a
 * section answers, and which supporters may write one. Labels are in the locales (`reports.visibility.<value>` …).
 */
import type { VerificationLevel } from '../../supporters/supporters.constants.js';

/** A report is written as a draft, then published (its public and members' sections may then be shown). */
export const reportStates = ['draft', 'published'] as const;
export type ReportState = (typeof reportStates)[number];

/**
 * Who reads a section: everyone; the Call's members (signed-in representatives of any supporter); or only the
 * secretariat (and the organisation's own representatives, who wrote it). Strictest first, as a new section starts.
 */
export const visibilities = ['secretariat', 'members', 'public'] as const;
export type Visibility = (typeof visibilities)[number];

/** The languages a report may be written in; the other one, when given, is a translation. */
export const reportLanguages = ['en', 'fr'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

/** The questions every section answers, in the order the forms and pages show them. */
export const sectionFields = ['inPlace', 'lessons', 'challenges', 'assistanceNeeded', 'assistanceOffered'] as const;
export type SectionField = (typeof sectionFields)[number];

/** A.70/174 para. 13 (a)–(k): the norms' codes, in report order. */
export const normCodes = ['13a', '13b', '13c', '13d', '13e', '13f', '13g', '13h', '13i', '13j', '13k'] as const;
/** The Call's nine principles. */
export const principleNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * The supporters whose representatives write reports: those the secretariat verified on this platform (its review,
 * the e-mail domain, the website's code, a note verbale). `official-registry` only means the entry was imported from
 * the Call's list: nobody on the platform checked who speaks for it (the toolkit's proposals apply the same rule).
 */
export const reportingLevels: readonly VerificationLevel[] = ['secretariat-review', 'email-domain', 'website', 'diplomatic-route'];

/** The first year a report may cover: the UN GGE norms were adopted in 2015. */
export const firstReportYear = 2015;

/** The longest answer to one question in one language (about ten pages of text). */
export const maxAnswerLength = 20_000;

/** The largest page of the reports API. */
export const maxReportsPageSize = 100;
