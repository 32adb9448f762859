/**
 * Running ping exercises: creating one (at once or at a local date-time in a zone), starting it (the first step of
 * every contact's chain), and sweeping it (each ping unanswered past its window escalates to the chain's next step,
 * or its contact is recorded unreachable). Start and sweep run as outbox jobs; `now` is injected so tests drive the
 * escalation clock.
 */
import { actorRef, systemActor, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { recordAudit } from '../../app/audit/audit.js';
import { hashToken, randomToken } from '../../app/auth/tokens.js';
import type { Database, Executor } from '../../app/database/database.js';
import { enqueueEmails } from '../../app/email/email.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { pingEmail } from './pings.emails.js';
import { pingsNotFound } from './pings.errors.js';
import { startExerciseJob, startKey, sweepExerciseJob, sweepKey } from './pings.jobs.js';
import { escalationChain, newCode, type ChainStep } from './pings.models.js';
import { pingsPolicies } from './pings.policies.js';
import { createPingsRepository, type DirectoryContact, type PingsRepository } from './pings.repository.js';
import type { PingExerciseRow, PingTargetRow } from './pings.tables.js';

export interface NewExercise {
  /** The organisation a contact runs it for; null: the secretariat's, over `scopeSupporterIds` (empty: all). */
  supporterId: string | null;
  scopeSupporterIds: string[];
  roles: string[];
  channels: string[];
  windowMinutes: number;
  /** Null: at once. */
  startsAt: Date | null;
  timeZone: string;
}

export async function createExercise(input: { db: Database; actor: Actor; exercise: NewExercise; now?: Date }): Promise<PingExerciseRow> {
  const now = input.now ?? new Date();
  const { exercise } = input;
  const user = authorize(input.actor, pingsPolicies.run, { supporterId: exercise.supporterId });
  return input.db.transaction(async (tx) => {
    const scheduledAt = exercise.startsAt ?? now;
    const row = await createPingsRepository(tx).insertExercise({
      supporterId: exercise.supporterId,
      scopeSupporterIds: exercise.supporterId ? [exercise.supporterId] : exercise.scopeSupporterIds,
      roles: exercise.roles,
      channels: exercise.channels,
      windowMinutes: exercise.windowMinutes,
      scheduledAt,
      timeZone: exercise.timeZone,
      createdBy: actorRef(user),
    });
    await enqueueJob(tx, startExerciseJob, { exerciseId: row.id }, { idempotencyKey: startKey(row.id), runAt: scheduledAt, subjectRef: row.id });
    await recordAudit(tx, {
      actor: actorRef(user),
      action: 'pings.exercise.create',
      subject: row.id,
      details: { supporterId: row.supporterId, scope: row.scopeSupporterIds, roles: row.roles, channels: row.channels, windowMinutes: row.windowMinutes, scheduledAt: scheduledAt.toISOString(), timeZone: row.timeZone },
    });
    return row;
  });
}

interface Sending {
  tx: Executor;
  repository: PingsRepository;
  exercise: PingExerciseRow;
  publicUrl: string;
  now: Date;
  organisations: Map<string, { name: string }>;
}

/** Writes the pings of these steps and puts their e-mails in the outbox (the other channels wait on the call list). */
async function sendSteps(s: Sending, steps: Array<{ target: PingTargetRow; step: ChainStep; index: number; contact: DirectoryContact }>): Promise<number> {
  let written = 0;
  // In slices: a statement of a thousand rendered e-mails would hold them all in memory at once (and PGlite's heap
  // keeps the largest statement's size for good).
  for (let i = 0; i < steps.length; i += sliceSize) written += await sendSlice(s, steps.slice(i, i + sliceSize));
  return written;
}

const sliceSize = 100;

async function sendSlice(s: Sending, steps: Array<{ target: PingTargetRow; step: ChainStep; index: number; contact: DirectoryContact }>): Promise<number> {
  const dueAt = new Date(s.now.getTime() + s.exercise.windowMinutes * 60_000);
  const tokens = new Map<string, string>();
  const rows = await s.repository.insertPings(
    steps.map(({ target, step, index }) => {
      const token = randomToken();
      const code = newCode();
      tokens.set(code, token);
      return { exerciseId: s.exercise.id, targetId: target.id, contactId: step.contactId, channelKind: step.channelKind, step: index, tokenHash: hashToken(token), code, sentAt: s.now, dueAt };
    }),
  );
  const emails = rows.flatMap((ping, i) => {
    const { step, contact } = steps[i]!;
    if (step.channelKind !== 'email') return [];
    return [
      pingEmail({
        publicUrl: s.publicUrl, to: step.value, languages: contact.languages, timeZone: contact.timeZone,
        organisation: s.organisations.get(contact.supporterId)?.name ?? '', token: tokens.get(ping.code)!, code: ping.code, dueAt, pingId: ping.id,
      }),
    ];
  });
  await enqueueEmails(s.tx, emails);
  return rows.length;
}

/** Enqueues the sweep at the next end of a window, or marks the exercise completed when nobody is waited for. */
async function scheduleNext(tx: Executor, repository: PingsRepository, exercise: PingExerciseRow, now: Date, actor: string): Promise<void> {
  if ((await repository.pendingTargets(exercise.id)) === 0) {
    await repository.setExercise(exercise.id, { state: 'completed', completedAt: now });
    await recordAudit(tx, { actor, action: 'pings.exercise.complete', subject: exercise.id });
    return;
  }
  const next = await repository.nextDue(exercise.id);
  if (next) await enqueueJob(tx, sweepExerciseJob, { exerciseId: exercise.id, at: next.toISOString() }, { idempotencyKey: sweepKey(exercise.id, next), runAt: next, subjectRef: exercise.id });
}

export interface RunContext {
  db: Database;
  publicUrl: string;
  now?: Date;
}

/** The `pings.start` job: the first step to every contact covered. Does nothing for an exercise already started. */
export async function startExercise(input: RunContext & { exerciseId: string }): Promise<{ targets: number; pings: number; unreachable: number }> {
  const now = input.now ?? new Date();
  const actor = actorRef(systemActor('job:pings.start'));
  return input.db.transaction(async (tx) => {
    const repository = createPingsRepository(tx);
    const exercise = await repository.lockExercise(input.exerciseId);
    if (!exercise) throw pingsNotFound();
    if (exercise.state !== 'scheduled') return { targets: 0, pings: 0, unreachable: 0 };
    const covered = await repository.contactsInScope({ supporterIds: exercise.scopeSupporterIds, roles: exercise.roles });
    const supporterIds = [...new Set(covered.map((c) => c.supporterId))];
    const everyone = await repository.contactsOf(supporterIds);
    const targets = await repository.insertTargets(covered.map((c) => ({ exerciseId: exercise.id, contactId: c.id, supporterId: c.supporterId })));
    const byId = new Map(everyone.map((c) => [c.id, c]));
    const steps: Parameters<typeof sendSteps>[1] = [];
    let unreachable = 0;
    for (const target of targets) {
      const contact = byId.get(target.contactId)!;
      const chain = escalationChain(contact, everyone.filter((c) => c.supporterId === contact.supporterId), exercise.channels);
      const first = chain[0];
      if (first) steps.push({ target, step: first, index: 0, contact: byId.get(first.contactId)! });
      else if (await repository.resolveTarget(target.id, 'unreachable', now)) unreachable++;
    }
    const sending: Sending = { tx, repository, exercise, publicUrl: input.publicUrl, now, organisations: await repository.supporterNames(supporterIds) };
    const sent = await sendSteps(sending, steps);
    await repository.setExercise(exercise.id, { state: 'running', startedAt: now });
    await recordAudit(tx, { actor, action: 'pings.exercise.start', subject: exercise.id, details: { targets: targets.length, pings: sent, unreachable } });
    await scheduleNext(tx, repository, exercise, now, actor);
    return { targets: targets.length, pings: sent, unreachable };
  });
}

/** Raised when a sweep finds nothing due yet (its job ran early): the worker retries it later. */
export class SweepTooEarly extends Error {}

/**
 * The `pings.sweep` job: every ping of the exercise unanswered at the end of its window is escalated (once: it is
 * marked escalated in the same statement that claims it). Returns what it did.
 */
export async function sweepExercise(input: RunContext & { exerciseId: string; at?: Date }): Promise<{ escalated: number; unreachable: number }> {
  const now = input.now ?? new Date();
  const actor = actorRef(systemActor('job:pings.sweep'));
  return input.db.transaction(async (tx) => {
    const repository = createPingsRepository(tx);
    const exercise = await repository.lockExercise(input.exerciseId);
    if (!exercise) throw pingsNotFound();
    if (exercise.state !== 'running') return { escalated: 0, unreachable: 0 };
    const overdue = await repository.claimOverdue(exercise.id, now);
    if (overdue.length === 0 && input.at && input.at.getTime() > now.getTime()) throw new SweepTooEarly(`sweep of ${exercise.id} before ${input.at.toISOString()}`);
    const targetIds = [...new Set(overdue.map((p) => p.targetId))];
    const targets = new Map((await repository.targetsOf(exercise.id)).filter((t) => targetIds.includes(t.id)).map((t) => [t.id, t]));
    const supporterIds = [...new Set([...targets.values()].map((t) => t.supporterId))];
    const everyone = await repository.contactsOf(supporterIds);
    const byId = new Map(everyone.map((c) => [c.id, c]));
    const steps: Parameters<typeof sendSteps>[1] = [];
    let unreachable = 0;
    for (const ping of overdue) {
      const target = targets.get(ping.targetId)!;
      const contact = byId.get(target.contactId);
      const chain = contact ? escalationChain(contact, everyone.filter((c) => c.supporterId === target.supporterId), exercise.channels) : [];
      const next = chain[ping.step + 1];
      if (next) steps.push({ target, step: next, index: ping.step + 1, contact: byId.get(next.contactId)! });
      else if (await repository.resolveTarget(target.id, 'unreachable', now)) unreachable++;
    }
    const sent = await sendSteps({ tx, repository, exercise, publicUrl: input.publicUrl, now, organisations: await repository.supporterNames(supporterIds) }, steps);
    if (overdue.length > 0) {
      await recordAudit(tx, { actor, action: 'pings.escalate', subject: exercise.id, details: { escalated: overdue.map((p) => p.id), sent, unreachable } });
    }
    await scheduleNext(tx, repository, exercise, now, actor);
    return { escalated: sent, unreachable };
  });
}
