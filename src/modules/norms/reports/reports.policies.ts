/**
 * Who may do what with implementation reports. An organisation's representatives write its reports, if the platform
 * has verified the organisation; they and the secretariat read them whole, drafts included. Once a report is published,
 * each section is read according to its visibility: `public` by everyone, `members` by the Call's members (signed-in
 * representatives of any supporter), `secretariat` by the secretariat (and the organisation's own representatives).
 * A draft is never shown to anyone else. Decided here for the pages, the API, the exports and the other modules' pages.
 */
import type { Actor } from '../../../app/authz/actor.js';
import { allow, allowIf, definePolicies, refuse, rule, userRule } from '../../../app/authz/policy.js';
import { holds, isSecretariat } from '../../../app/authz/rules.js';
import type { VerificationLevel } from '../../supporters/supporters.constants.js';
import { reportingLevels, type Visibility } from './reports.constants.js';
import { notAWriter, notVerified, reportNotFound, sectionNotFound } from './reports.errors.js';

/** The organisation a report is written for, as the writing rule needs it (from the supporters module). */
export interface ReportingSupporter {
  id: string;
  status: string;
  verificationLevel: string;
}

/** The organisation's representatives, and the secretariat (from a second-factor session). */
const managesReports = (actor: Actor, supporterId: string) => isSecretariat(actor) || holds(actor, 'representative', supporterId);

/** A member of the Call: someone who represents a supporter (any supporter). */
const isCallMember = (actor: Actor) => actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'representative');

/** The visibilities the actor reads in a published report of `supporterId`. */
export function readableVisibilities(actor: Actor, supporterId: string): readonly Visibility[] {
  if (managesReports(actor, supporterId)) return ['public', 'members', 'secretariat'];
  return isCallMember(actor) ? ['public', 'members'] : ['public'];
}

export const reportsPolicies = definePolicies('reports', {
  /** The account's reports pages (each then says what the person may do there). */
  useAccount: userRule(() => allow),
  /** An organisation's reports in the account, drafts included: anyone else is told there is nothing there. */
  viewWorkspace: userRule<{ supporterId: string }>((user, { supporterId }) => allowIf(managesReports(user, supporterId), reportNotFound)),
  /** Starting a report, choosing its sections, editing them, publishing it: a representative of a verified organisation. */
  write: userRule<{ supporter: ReportingSupporter | null }>((user, { supporter }) => {
    if (!supporter || !holds(user, 'representative', supporter.id)) return refuse(notAWriter);
    const verified = supporter.status === 'published' && reportingLevels.includes(supporter.verificationLevel as VerificationLevel);
    return verified ? allow : refuse(notVerified);
  }),
  /** A report's page: once published; a draft only for its organisation's representatives and the secretariat. */
  viewReport: rule<{ supporterId: string; state: string }>((actor, report) => allowIf(report.state === 'published' || managesReports(actor, report.supporterId), reportNotFound)),
  /** One section of a report the actor may read, by its visibility. */
  viewSection: rule<{ supporterId: string; visibility: string }>((actor, section) =>
    allowIf((readableVisibilities(actor, section.supporterId) as readonly string[]).includes(section.visibility), sectionNotFound),
  ),
});
