/** Pure rules of the ping exercises: the escalation chain, the spoken codes, and the statistics' figures. */
import { randomInt } from 'node:crypto';
import { codeAlphabet, codeLength, type ChannelKind } from './pings.constants.js';

export interface ChainContact {
  id: string;
  state: string;
  escalationOrder: number;
  channels: Array<{ kind: string; position: number; value: string }>;
}

export interface ChainStep {
  contactId: string;
  channelKind: ChannelKind;
  /** The address or number (not stored with the ping: the directory keeps it). */
  value: string;
}

/**
 * The steps tried for a target, in order: each of its own channels of the kinds chosen (in its channels' order), then
 * each channel of its organisation's other contacts, active ones before stale ones, by escalation order. Recomputed
 * at every escalation from the directory as it is then (a contact withdrawn meanwhile is no longer tried).
 */
export function escalationChain(target: ChainContact, organisation: readonly ChainContact[], kinds: readonly string[]): ChainStep[] {
  const stepsOf = (contact: ChainContact) =>
    [...contact.channels]
      .sort((a, b) => a.position - b.position)
      .filter((channel) => kinds.includes(channel.kind))
      .map((channel) => ({ contactId: contact.id, channelKind: channel.kind as ChannelKind, value: channel.value }));
  const rank = (contact: ChainContact) => (contact.state === 'active' ? 0 : 1);
  const others = organisation
    .filter((c) => c.id !== target.id && (c.state === 'active' || c.state === 'stale'))
    .sort((a, b) => rank(a) - rank(b) || a.escalationOrder - b.escalationOrder || a.id.localeCompare(b.id));
  return [...(target.state === 'active' || target.state === 'stale' ? stepsOf(target) : []), ...others.flatMap(stepsOf)];
}

/** Whether a value could be one of our ids (`pex_…`, `poc_…`, `sup_…`): checked before any query, so a NUL byte or the like is "not found". */
export function isIdShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** A fresh spoken code, `ABCD-EFGH` when shown; stored without the dash. */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < codeLength; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

/** What a person typed as a code, as stored: upper case, without spaces or dashes. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export const showCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * The `p`-th quantile (0 ≤ p ≤ 1) of the values, by linear interpolation between the closest ranks (R's and
 * NumPy's default, "type 7"): the median of [1, 2, 3, 4] is 2.5, its 90th percentile 3.7. Null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.ceil(h);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

export interface PingFacts {
  channelKind: string;
  step: number;
  sentAt: Date;
  acknowledgedAt: Date | null;
}

export interface TargetFacts {
  state: string;
}

export interface ChannelFigures {
  channel: string;
  sent: number;
  acknowledged: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface Figures {
  /** Contacts tried. */
  targets: number;
  acknowledgedTargets: number;
  unreachable: number;
  pending: number;
  /** Acknowledged contacts over contacts whose outcome is known (acknowledged or unreachable); null before any. */
  successRate: number | null;
  sent: number;
  acknowledged: number;
  /** Pings after the first step of a chain. */
  escalations: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  channels: ChannelFigures[];
}

/** Seconds from a ping's sending to its acknowledgement. */
export const secondsToAck = (ping: PingFacts): number | null =>
  ping.acknowledgedAt ? Math.max(0, (ping.acknowledgedAt.getTime() - ping.sentAt.getTime()) / 1000) : null;

/** The figures of a set of targets and their pings (an exercise, an organisation, a contact, the last 90 days). */
export function figures(targets: readonly TargetFacts[], pingList: readonly PingFacts[]): Figures {
  const acknowledgedTargets = targets.filter((t) => t.state === 'acknowledged').length;
  const unreachable = targets.filter((t) => t.state === 'unreachable').length;
  const decided = acknowledgedTargets + unreachable;
  const times = (list: readonly PingFacts[]) => list.map(secondsToAck).filter((s): s is number => s !== null);
  const kinds = [...new Set(pingList.map((p) => p.channelKind))].sort();
  const all = times(pingList);
  return {
    targets: targets.length,
    acknowledgedTargets,
    unreachable,
    pending: targets.length - decided,
    successRate: decided === 0 ? null : acknowledgedTargets / decided,
    sent: pingList.length,
    acknowledged: all.length,
    escalations: pingList.filter((p) => p.step > 0).length,
    medianSeconds: quantile(all, 0.5),
    p90Seconds: quantile(all, 0.9),
    channels: kinds.map((channel) => {
      const list = pingList.filter((p) => p.channelKind === channel);
      const seconds = times(list);
      return { channel, sent: list.length, acknowledged: seconds.length, medianSeconds: quantile(seconds, 0.5), p90Seconds: quantile(seconds, 0.9) };
    }),
  };
}
