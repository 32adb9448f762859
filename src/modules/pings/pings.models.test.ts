import { describe, expect, it } from 'vitest';
import { escalationChain, figures, normaliseCode, quantile } from './pings.models.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
const ping = (channelKind: string, step: number, ackSeconds: number | null) => ({ channelKind, step, sentAt: at(0), acknowledgedAt: ackSeconds === null ? null : at(ackSeconds) });

describe('quantiles', () => {
  it('interpolates between the closest ranks (type 7)', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10);
    expect(quantile([60, 120, 180, 240, 300, 360, 420, 480, 540, 3600], 0.9)).toBeCloseTo(846, 10);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('figures', () => {
  it('counts success over decided contacts, escalations, and exact medians and 90th percentiles per channel', () => {
    const result = figures(
      [{ state: 'acknowledged' }, { state: 'acknowledged' }, { state: 'acknowledged' }, { state: 'unreachable' }, { state: 'pending' }],
      [ping('email', 0, 60), ping('email', 0, 300), ping('email', 0, null), ping('phone', 1, 600), ping('phone', 1, null), ping('sms', 0, null)],
    );
    expect(result).toMatchObject({ targets: 5, acknowledgedTargets: 3, unreachable: 1, pending: 1, successRate: 0.75, sent: 6, acknowledged: 3, escalations: 2, medianSeconds: 300 });
    expect(result.p90Seconds).toBeCloseTo(540, 10); // 300 + 0.8 × (600 − 300)
    expect(result.channels).toEqual([
      { channel: 'email', sent: 3, acknowledged: 2, medianSeconds: 180, p90Seconds: 276 },
      { channel: 'phone', sent: 2, acknowledged: 1, medianSeconds: 600, p90Seconds: 600 },
      { channel: 'sms', sent: 1, acknowledged: 0, medianSeconds: null, p90Seconds: null },
    ]);
    expect(figures([], []).successRate).toBeNull();
  });
});

describe('the escalation chain', () => {
  const contact = (id: string, state: string, escalationOrder: number, kinds: string[]) => ({ id, state, escalationOrder, channels: kinds.map((kind, position) => ({ kind, position, value: `${id}-${kind}` })) });
  it('tries the contact’s chosen channels in order, then the organisation’s other contacts, active before stale', () => {
    const target = contact('a', 'active', 2, ['phone', 'email', 'portal']);
    const org = [target, contact('s', 'stale', 0, ['email']), contact('b', 'active', 5, ['email', 'phone']), contact('w', 'withdrawn', 1, ['email']), contact('i', 'invited', 1, ['email'])];
    expect(escalationChain(target, org, ['email', 'phone']).map((s) => `${s.contactId}:${s.channelKind}`)).toEqual(['a:phone', 'a:email', 'b:email', 'b:phone', 's:email']);
  });
  it('reads codes as typed', () => {
    expect(normaliseCode(' abcd-ef 23 ')).toBe('ABCDEF23');
  });
});
