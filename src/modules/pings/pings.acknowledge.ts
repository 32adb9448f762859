/**
 * Acknowledging a ping: by its e-mailed link (GET shows it, only the POST acknowledges: mail scanners follow links),
 * by the API with the same token, by the spoken code typed back by the contact, or recorded by the one running the
 * exercise. The first acknowledgement counts; another changes nothing. A ping is refused once its contact was
 * recorded unreachable, its exercise cancelled, or 30 days after it was sent.
 */
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { holds } from '../../app/authz/rules.js';
import { recordAudit } from '../../app/audit/audit.js';
import { hashToken, isTokenShaped } from '../../app/auth/tokens.js';
import type { Database, Executor } from '../../app/database/database.js';
import { ackExpiryMs, type AckVia } from './pings.constants.js';
import { invalidPingToken, pingExpired, pingsNotFound, unknownCode } from './pings.errors.js';
import { isIdShaped, normaliseCode } from './pings.models.js';
import { pingsPolicies } from './pings.policies.js';
import { createPingsRepository } from './pings.repository.js';
import type { PingExerciseRow, PingRow, PingTargetRow } from './pings.tables.js';

export interface HeldPing {
  ping: PingRow;
  target: PingTargetRow;
  exercise: PingExerciseRow;
  organisation: string;
  timeZone: string;
  /** Whether it can still be acknowledged (not yet is fine: acknowledging it again changes nothing). */
  open: boolean;
}

async function hold(db: Executor, ping: PingRow | undefined, now: Date): Promise<HeldPing | null> {
  if (!ping) return null;
  const repository = createPingsRepository(db);
  const [target, exercise, contact] = await Promise.all([repository.target(ping.targetId), repository.exercise(ping.exerciseId), repository.contact(ping.contactId)]);
  if (!target || !exercise) return null;
  const names = await repository.supporterNames([target.supporterId]);
  const open = exercise.state !== 'cancelled' && target.state !== 'unreachable' && now.getTime() - ping.sentAt.getTime() < ackExpiryMs;
  return { ping, target, exercise, organisation: names.get(target.supporterId)?.name ?? '', timeZone: contact?.timeZone ?? 'UTC', open };
}

/** The ping a link's token names, for its page (null: no such ping). Reads only. */
export async function pingForToken(input: { db: Executor; token: string; now?: Date }): Promise<HeldPing | null> {
  if (!isTokenShaped(input.token)) return null;
  return hold(input.db, await createPingsRepository(input.db).pingByTokenHash(hashToken(input.token)), input.now ?? new Date());
}

export interface Acknowledged {
  held: HeldPing;
  /** False when it was already acknowledged (nothing changed). */
  recorded: boolean;
  acknowledgedAt: Date;
}

async function acknowledge(db: Database, held: HeldPing | null, input: { via: AckVia; actor: string; recordedBy: string | null; now: Date }): Promise<Acknowledged> {
  if (!held) throw input.via === 'code' ? unknownCode() : invalidPingToken();
  if (held.ping.acknowledgedAt) return { held, recorded: false, acknowledgedAt: held.ping.acknowledgedAt };
  if (!held.open) throw pingExpired();
  return db.transaction(async (tx) => {
    const repository = createPingsRepository(tx);
    const recorded = await repository.acknowledge(held.ping.id, { at: input.now, via: input.via, recordedBy: input.recordedBy });
    if (!recorded) {
      const again = await repository.ping(held.ping.id);
      return { held, recorded: false, acknowledgedAt: again?.acknowledgedAt ?? input.now };
    }
    await repository.resolveTarget(held.target.id, 'acknowledged', input.now);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'pings.acknowledge',
      subject: held.ping.id,
      details: { exercise: held.exercise.id, via: input.via, seconds: Math.round((input.now.getTime() - held.ping.sentAt.getTime()) / 1000), ...(input.recordedBy ? { recordedBy: input.recordedBy } : {}) },
    });
    // The last answer awaited ends the exercise: the sweep then finds it completed and stops the chain.
    if ((await repository.pendingTargets(held.exercise.id)) === 0 && held.exercise.state === 'running') {
      await repository.setExercise(held.exercise.id, { state: 'completed', completedAt: input.now });
      await recordAudit(tx, { actor: input.actor, action: 'pings.exercise.complete', subject: held.exercise.id });
    }
    return { held, recorded: true, acknowledgedAt: input.now };
  });
}

/** By the link's token (the page's POST, or the API): the token is the credential, whoever is signed in. */
export async function acknowledgeWithToken(input: { db: Database; token: string; via: 'link' | 'api'; actor: Actor; now?: Date }): Promise<Acknowledged> {
  const now = input.now ?? new Date();
  const held = await pingForToken({ db: input.db, token: input.token, now });
  const actor = input.actor.kind === 'user' ? actorRef(input.actor) : `token:${held?.ping.id ?? 'unknown'}`;
  return acknowledge(input.db, held, { via: input.via, actor, recordedBy: null, now });
}

/**
 * By the spoken code, typed by a designated contact signed in: only a code of a ping sent to one of the
 * organisations they are a contact of counts (another's code is "unknown", not "someone else's").
 */
export async function acknowledgeWithCode(input: { db: Database; actor: Actor; code: string; now?: Date }): Promise<Acknowledged> {
  const now = input.now ?? new Date();
  const user = authorize(input.actor, pingsPolicies.view, undefined);
  const code = normaliseCode(input.code);
  const ping = /^[A-Z0-9]{8}$/.test(code) ? await createPingsRepository(input.db).pingByCode(code) : undefined;
  const held = await hold(input.db, ping, now);
  if (!held || !holds(user, 'contact', held.target.supporterId)) throw unknownCode();
  return acknowledge(input.db, held, { via: 'code', actor: actorRef(user), recordedBy: null, now });
}

/** Recorded by the one running the exercise, for an answer given to them on the phone (audited with who recorded it). */
export async function recordAnswer(input: { db: Database; actor: Actor; exerciseId: string; pingId: string; now?: Date }): Promise<Acknowledged> {
  const now = input.now ?? new Date();
  const repository = createPingsRepository(input.db);
  const ping = isIdShaped(input.pingId) ? await repository.ping(input.pingId) : undefined;
  if (!ping || ping.exerciseId !== input.exerciseId) throw pingsNotFound();
  const held = await hold(input.db, ping, now);
  if (!held) throw pingsNotFound();
  const user = authorize(input.actor, pingsPolicies.operate, { supporterId: held.exercise.supporterId });
  return acknowledge(input.db, held, { via: 'operator', actor: actorRef(user), recordedBy: actorRef(user), now });
}

