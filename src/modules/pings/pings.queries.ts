/** What the cooperation space reads about pings: an exercise with its figures, a contact's or an organisation's history, the overview. */
import type { Actor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { aggregateDays } from './pings.constants.js';
import { pingsNotFound } from './pings.errors.js';
import { figures, isIdShaped, type Figures } from './pings.models.js';
import { pingsPolicies } from './pings.policies.js';
import { createPingsRepository } from './pings.repository.js';
import type { PingExerciseRow, PingRow, PingTargetRow } from './pings.tables.js';

/** A ping as listed: with its contact's name and organisation (never its address or number), and its zone. */
export interface ListedPing extends PingRow {
  contactName: string;
  organisation: string;
  supporterId: string;
  timeZone: string;
  /** The number or address to call, for the call list only (its operator's). */
  reach: string | null;
}

export interface OrganisationFigures {
  supporterId: string;
  name: string;
  figures: Figures;
}

export interface ExerciseView {
  exercise: PingExerciseRow;
  figures: Figures;
  organisations: OrganisationFigures[];
  pings: ListedPing[];
  operates: boolean;
}

async function describe(db: Executor, list: PingRow[], targets: PingTargetRow[], withReach: boolean): Promise<ListedPing[]> {
  const repository = createPingsRepository(db);
  const supporterOf = new Map(targets.map((t) => [t.id, t.supporterId]));
  const contactIds = [...new Set(list.map((p) => p.contactId))];
  const contacts = new Map((await repository.contactsByIds(contactIds)).map((c) => [c.id, c]));
  const names = await repository.supporterNames([...new Set([...contacts.values()].map((c) => c.supporterId))]);
  return list.map((ping) => {
    const contact = contacts.get(ping.contactId);
    const supporterId = contact?.supporterId ?? supporterOf.get(ping.targetId) ?? '';
    const reach = withReach && ping.channelKind !== 'email' ? (contact?.channels.find((c) => c.kind === ping.channelKind)?.value ?? null) : null;
    return { ...ping, contactName: contact?.name ?? '', organisation: names.get(supporterId)?.name ?? '', supporterId, timeZone: contact?.timeZone ?? 'UTC', reach };
  });
}

function perOrganisation(targets: PingTargetRow[], list: PingRow[], names: Map<string, { name: string }>): OrganisationFigures[] {
  const ids = [...new Set(targets.map((t) => t.supporterId))];
  return ids
    .map((supporterId) => {
      const own = targets.filter((t) => t.supporterId === supporterId);
      const ownIds = new Set(own.map((t) => t.id));
      return { supporterId, name: names.get(supporterId)?.name ?? supporterId, figures: figures(own, list.filter((p) => ownIds.has(p.targetId))) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function exerciseView(input: { db: Executor; actor: Actor; exerciseId: string }): Promise<ExerciseView> {
  authorize(input.actor, pingsPolicies.view, undefined);
  const repository = createPingsRepository(input.db);
  const exercise = isIdShaped(input.exerciseId) ? await repository.exercise(input.exerciseId) : undefined;
  if (!exercise) throw pingsNotFound();
  const operates = can(input.actor, pingsPolicies.operate, { supporterId: exercise.supporterId });
  const [targets, list] = await Promise.all([repository.targetsOf(exercise.id), repository.pingsOf(exercise.id)]);
  const names = await repository.supporterNames([...new Set(targets.map((t) => t.supporterId))]);
  return { exercise, figures: figures(targets, list), organisations: perOrganisation(targets, list, names), pings: await describe(input.db, list, targets, operates), operates };
}

export interface HistoryView {
  title: string;
  figures: Figures;
  pings: Array<ListedPing & { exerciseScheduledAt: Date }>;
}

/** One contact's history (the pings it received), or one organisation's (every ping of its contacts' chains). */
export async function historyView(input: { db: Executor; actor: Actor; contactId?: string; supporterId?: string }): Promise<HistoryView> {
  authorize(input.actor, pingsPolicies.view, undefined);
  const repository = createPingsRepository(input.db);
  let title: string;
  if (!isIdShaped(input.contactId ?? input.supporterId ?? '')) throw pingsNotFound();
  if (input.contactId) {
    const contact = await repository.contact(input.contactId);
    if (!contact) throw pingsNotFound();
    title = contact.name;
  } else {
    const names = await repository.supporterNames([input.supporterId ?? '']);
    const name = names.get(input.supporterId ?? '');
    if (!name) throw pingsNotFound();
    title = name.name;
  }
  const history = await repository.historyWhere(input.contactId ? { contactId: input.contactId } : { supporterId: input.supporterId! });
  // A contact's own figures: the pings it was sent; success over the exercises where it was the target.
  const described = await describe(input.db, history.pings, history.targets, false);
  const exercises = new Map((await repository.exercisesByIds([...new Set(history.pings.map((p) => p.exerciseId))])).map((e) => [e.id, e]));
  return {
    title,
    figures: figures(history.targets, history.pings),
    pings: described.map((p) => ({ ...p, exerciseScheduledAt: exercises.get(p.exerciseId)?.scheduledAt ?? p.sentAt })),
  };
}

export interface Overview {
  exercises: Array<PingExerciseRow & { figures: Figures }>;
  total: number;
  recent: Figures;
  since: Date;
  organisations: OrganisationFigures[];
}

/** The exercises (newest first, paged) and the figures of the last 90 days. */
export async function overview(input: { db: Executor; actor: Actor; now?: Date; page?: { limit: number; offset: number } }): Promise<Overview> {
  authorize(input.actor, pingsPolicies.view, undefined);
  const repository = createPingsRepository(input.db);
  const since = new Date((input.now ?? new Date()).getTime() - aggregateDays * 86_400_000);
  const { rows, total } = await repository.listExercises(input.page?.limit ?? 50, input.page?.offset ?? 0);
  const exercises = await Promise.all(
    rows.map(async (exercise) => {
      const [targets, list] = await Promise.all([repository.targetsOf(exercise.id), repository.pingsOf(exercise.id)]);
      return { ...exercise, figures: figures(targets, list) };
    }),
  );
  const recent = await repository.historyWhere({ since });
  const names = await repository.supporterNames([...new Set(recent.targets.map((t) => t.supporterId))]);
  return { exercises, total, recent: figures(recent.targets, recent.pings), since, organisations: perOrganisation(recent.targets, recent.pings, names) };
}
