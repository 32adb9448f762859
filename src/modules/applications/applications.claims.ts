/**
 * Claiming an entry already in the registry (imported from the official repository, or joined before the platform
 * existed): an organisation applies to represent it, with the same evidence as joining. The claim is an application of
 * kind `claim` naming the entry from the start and copying its public fields. The executive confirms by e-mail
 * (`confirmApplication`, which also tells the entry's current representatives, if any, that someone applied); the
 * checks run as for joins; the secretariat approves (the applicant becomes a representative of the same entry, marked
 * claimed: applications.moderation.ts) or rejects with a reason. Nothing is granted without the secretariat.
 */
import { getUser } from '../../app/auth/users.js';
import type { Actor } from '../../app/authz/actor.js';
import type { Executor } from '../../app/database/database.js';
import type { Locale } from '../../app/i18n/i18n.js';
import type { SupporterRow } from '../supporters/supporters.models.js';
import { uncategorised } from '../supporters/supporters.constants.js';
import { getSupporterBySlug } from '../supporters/supporters.usecases.js';
import { findDuplicates } from './applications.duplicates.js';
import { sendApplicationEmail } from './applications.emails.js';
import { claimSubmissionHash, confirmationTtlMs } from './applications.models.js';
import { holdersOf } from '../../app/authz/grants.js';
import { authorize } from '../../app/authz/policy.js';
import { applicationPolicies, assertClaimable } from './applications.policies.js';
import { createApplicationsRepository } from './applications.repository.js';
import type { ClaimForm, PublicFields } from './applications.schemas.js';
import type { ApplicationDuplicate, ApplicationRow } from './applications.tables.js';
import type { ApplicationsDeps } from './applications.deps.js';
import { newVerificationCode } from './applications.verification.js';
import { requestConfirmation } from './applications.confirmation.js';

/** The entry a claim is about, and whether it already has representatives on the platform (the claim page says so). */
export async function getClaimTarget(db: Executor, slug: string): Promise<{ entry: SupporterRow; represented: boolean }> {
  const entry = assertClaimable(await getSupporterBySlug(db, slug), slug);
  return { entry, represented: (await holdersOf(db, 'representative', entry.id)).length > 0 };
}

/**
 * Entries already in the registry that look like the organisation applying to join (similar name, same website
 * domain): the join form offers to claim one of them before anything is stored.
 */
export async function findEntriesLike(db: Executor, fields: Pick<PublicFields, 'name' | 'website'>): Promise<ApplicationDuplicate[]> {
  return findDuplicates(db, { name: fields.name, website: fields.website });
}

/**
 * Step 1 of a claim: anyone applies to represent a published entry. Creates the claim waiting for the executive's
 * confirmation and sends the link; the same executive claiming the same entry again within a day gets the first claim.
 */
export async function submitClaim(
  deps: ApplicationsDeps,
  input: { slug: string; form: ClaimForm; locale: Locale },
): Promise<{ applicationId: string; duplicate: boolean; entry: Pick<SupporterRow, 'id' | 'slug' | 'name'> }> {
  const { form, locale } = input;
  return deps.db.transaction(async (tx) => {
    const repository = createApplicationsRepository(tx);
    const entry = assertClaimable(await getSupporterBySlug(tx, input.slug), input.slug);
    const summary = { id: entry.id, slug: entry.slug, name: entry.name };
    const hash = claimSubmissionHash(entry.id, form.executiveEmail);
    await repository.lockSubmission(hash);
    const existing = await repository.findRecentBySubmission(hash, new Date(Date.now() - 24 * 3600 * 1000));
    if (existing) return { applicationId: existing.id, duplicate: true, entry: summary };
    const now = new Date();
    const expiresAt = new Date(now.getTime() + confirmationTtlMs);
    const application = await repository.insert({
      kind: 'claim',
      status: 'pending-confirmation',
      locale,
      supporterId: entry.id,
      // The entry's public fields as they are: the signals check its website, the queue shows its name.
      category: entry.category ?? uncategorised,
      name: entry.name,
      countryCode: entry.countryCode,
      nature: entry.nature,
      website: entry.website,
      twitter: entry.twitter,
      linkedin: entry.linkedin,
      statement: entry.statement,
      statementLocale: entry.statementLocale,
      executiveName: form.executiveName,
      executiveEmail: form.executiveEmail,
      contactEmail: form.contactEmail,
      acceptedPrivacyAt: now,
      verificationCode: newVerificationCode(),
      submissionHash: hash,
      expiresAt,
    });
    await requestConfirmation(tx, deps.config, {
      application,
      email: 'claim-confirm',
      locale,
      executiveEmail: form.executiveEmail,
      expiresAt,
      audit: { kind: 'claim', supporterId: entry.id, locale },
    });
    return { applicationId: application.id, duplicate: false, entry: summary };
  });
}

/**
 * A claim just confirmed on an entry that already has representatives: each of them is told, in their language, that
 * someone applied to represent their organisation (without the claimant's personal data; the secretariat has it).
 * Called inside the confirmation's transaction, so the e-mails leave only if it commits.
 */
export async function tellRepresentativesOfClaim(tx: Executor, claim: ApplicationRow): Promise<number> {
  if (claim.kind !== 'claim' || !claim.supporterId) return 0;
  let told = 0;
  for (const userId of await holdersOf(tx, 'representative', claim.supporterId)) {
    const user = await getUser(tx, userId);
    if (!user?.email || user.erasedAt || user.status !== 'active') continue;
    await sendApplicationEmail(tx, 'claim-notice', { id: claim.id, name: claim.name, locale: user.locale }, { to: user.email });
    told += 1;
  }
  return told;
}

export interface ClaimContext {
  /** The entry's current representatives, named to the secretariat so it can hear both parties. */
  representatives: Array<{ name: string | null; email: string | null }>;
  /** Other claims on the same entry still waiting for a decision. */
  otherClaims: ApplicationRow[];
}

/** What the secretariat needs beside a claim: who represents the entry now, and who else claims it. */
export async function getClaimContext(db: Executor, actor: Actor, claim: ApplicationRow): Promise<ClaimContext | undefined> {
  authorize(actor, applicationPolicies.moderate, undefined);
  if (claim.kind !== 'claim' || !claim.supporterId) return undefined;
  const repository = createApplicationsRepository(db);
  const [userIds, openClaims] = await Promise.all([holdersOf(db, 'representative', claim.supporterId), repository.openClaimsFor(claim.supporterId)]);
  const users = await Promise.all(userIds.map((id) => getUser(db, id)));
  return {
    representatives: users.filter((u) => u !== undefined && !u.erasedAt).map((u) => ({ name: u!.name, email: u!.email })),
    otherClaims: openClaims.filter((c) => c.id !== claim.id),
  };
}
