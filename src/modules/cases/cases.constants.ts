/**
 * The vocabulary of coordination cases. A participant's answer per vulnerability starts at `no-response` and stays
 * there until the organisation says otherwise: silence is never read as "not affected" (VINCE #140).
 */
export const participantStates = ['no-response', 'under-investigation', 'affected', 'not-affected', 'fixed'] as const;
export type ParticipantState = (typeof participantStates)[number];

/** What a participant may choose (it cannot go back to "no response": it has answered). */
export const answerStates = ['under-investigation', 'affected', 'not-affected', 'fixed'] as const;
export type AnswerState = (typeof answerStates)[number];

/** A statement's workflow: drafted by its organisation, submitted, then approved or sent back by the coordinator. */
export const statementStates = ['none', 'draft', 'submitted', 'changes-requested', 'approved'] as const;
export type StatementState = (typeof statementStates)[number];

export const caseStates = ['open', 'published'] as const;
export type CaseState = (typeof caseStates)[number];

/** The markings a case may carry before publication (TLP 2.0); AMBER unless the opener chooses otherwise. */
export const caseMarkings = ['GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type CaseMarking = (typeof caseMarkings)[number];

/** Days between reminders to an organisation that has not answered for every vulnerability. */
export const reminderDays = 7;
/** Participants per page of the states matrix (a case with 120 vendors stays readable: VINCE #140). */
export const participantsPerPage = 25;
