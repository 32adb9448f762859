import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../database/database.js';
import { createTestDatabase } from '../database/test-utils.js';
import { authTokens } from './auth.tables.js';
import { consumeToken, hashToken, issueToken, peekToken } from './tokens.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const issue = (overrides: { ttlMs?: number; purpose?: string } = {}) =>
  issueToken(database.db, { purpose: overrides.purpose ?? 'sign-in', subjectId: 'usr_test', email: 'a@example.org', data: { next: '/en/account' }, ttlMs: overrides.ttlMs ?? 60_000 });

describe('single-use tokens', () => {
  it('stores only the SHA-256 of a 32-byte random token', async () => {
    const raw = await issue();
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await database.db.select().from(authTokens).where(eq(authTokens.id, hashToken(raw)));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(raw);
  });

  it('when a token is consumed twice, the second consumption is told it was used', async () => {
    const raw = await issue();
    const first = await consumeToken(database.db, 'sign-in', raw);
    expect(first.status).toBe('ok');
    expect(first.status === 'ok' && first.token.data).toEqual({ next: '/en/account' });
    expect((await consumeToken(database.db, 'sign-in', raw)).status).toBe('used');
    expect((await peekToken(database.db, 'sign-in', raw)).status).toBe('used');
  });

  it('peeking does not use the token', async () => {
    const raw = await issue();
    expect((await peekToken(database.db, 'sign-in', raw)).status).toBe('ok');
    expect((await peekToken(database.db, 'sign-in', raw)).status).toBe('ok');
    expect((await consumeToken(database.db, 'sign-in', raw)).status).toBe('ok');
  });

  it('an expired token is refused as expired, and stays unused', async () => {
    const raw = await issue({ ttlMs: -1000 });
    expect((await peekToken(database.db, 'sign-in', raw)).status).toBe('expired');
    expect((await consumeToken(database.db, 'sign-in', raw)).status).toBe('expired');
    const [row] = await database.db.select().from(authTokens).where(eq(authTokens.id, hashToken(raw)));
    expect(row?.usedAt).toBeNull();
  });

  it('forged, malformed and other-purpose tokens are invalid', async () => {
    const raw = await issue({ purpose: 'application.confirm' });
    expect((await consumeToken(database.db, 'sign-in', raw)).status).toBe('invalid');
    expect((await consumeToken(database.db, 'sign-in', 'A'.repeat(43))).status).toBe('invalid');
    expect((await consumeToken(database.db, 'sign-in', "' or 1=1 --")).status).toBe('invalid');
    expect((await peekToken(database.db, 'sign-in', '')).status).toBe('invalid');
    // The other purpose's token is still intact.
    expect((await consumeToken(database.db, 'application.confirm', raw)).status).toBe('ok');
  });

  it('of two concurrent consumptions exactly one wins', async () => {
    const raw = await issue();
    const results = await Promise.all([
      database.db.transaction((tx) => consumeToken(tx, 'sign-in', raw)),
      database.db.transaction((tx) => consumeToken(tx, 'sign-in', raw)),
      consumeToken(database.db, 'sign-in', raw),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['ok', 'used', 'used']);
  });
});
