/** OpenPGP keys as uploaded: a valid key is read; expired, revoked, private and malformed keys are refused, with the line. */
import { generateKey, readKey, revokeKey, readPrivateKey } from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArmor, crc24, parsePublicKey } from './contacts.keys.js';

const now = new Date('2026-12-07T12:00:00Z');
let valid: { publicKey: string; privateKey: string };
let expired: string;

beforeAll(async () => {
  valid = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'CERT Desk', email: 'desk@cert.example' }], date: new Date('2026-01-01T00:00:00Z'), keyExpirationTime: 2 * 365 * 86_400, format: 'armored' });
  // Created in 2020, valid for one day: long expired at `now`.
  expired = (await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Old Desk', email: 'old@cert.example' }], date: new Date('2020-01-01T00:00:00Z'), keyExpirationTime: 86_400, format: 'armored' })).publicKey;
});

describe('reading an uploaded OpenPGP public key', () => {
  it('reads a valid key: fingerprint, algorithm, user IDs, creation and expiry', async () => {
    const parsed = await parsePublicKey(valid.publicKey, now);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const key = await readKey({ armoredKey: valid.publicKey });
    expect(parsed.key.fingerprint).toBe(key.getFingerprint().toUpperCase());
    expect(parsed.key.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(parsed.key.algorithm).toContain('eddsa');
    expect(parsed.key.userIds).toEqual(['CERT Desk <desk@cert.example>']);
    expect(parsed.key.createdAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsed.key.expiresAt?.toISOString()).toBe('2028-01-01T00:00:00.000Z');
  });

  it('refuses an expired key', async () => {
    expect(await parsePublicKey(expired, now)).toEqual({ ok: false, problem: { problem: 'key.expired' } });
  });

  it('refuses a revoked key', async () => {
    const { publicKey } = await revokeKey({ key: await readPrivateKey({ armoredKey: valid.privateKey }), date: new Date('2026-06-01T00:00:00Z'), format: 'armored' });
    expect(await parsePublicKey(publicKey, now)).toEqual({ ok: false, problem: { problem: 'key.revoked' } });
  });

  it('refuses a private key, naming its first line', async () => {
    expect(await parsePublicKey(valid.privateKey, now)).toEqual({ ok: false, problem: { problem: 'key.private', line: 1 } });
  });

  it('names the line of a malformed armor: header, body, checksum, footer', async () => {
    const lines = valid.publicKey.trim().split('\n');
    expect(checkArmor('hello')).toEqual({ problem: 'key.armorHeader', line: 1 });
    expect(checkArmor('')).toEqual({ problem: 'key.empty' });
    const body = [...lines];
    body[3] = `${body[3]!.slice(0, 10)}%%${body[3]!.slice(12)}`;
    expect(checkArmor(body.join('\n'))).toEqual({ problem: 'key.armorLine', line: 4 });
    // A checksum line that does not match the body (OpenPGP.js v6 writes none; older tools do).
    const withCrc = [...lines.filter((l) => !/^=.{4}$/.test(l))];
    withCrc.splice(withCrc.length - 1, 0, '=AAAA');
    expect(checkArmor(withCrc.join('\n'))).toEqual({ problem: 'key.checksum', line: withCrc.length - 1 });
    expect(checkArmor(lines.slice(0, -1).join('\n'))).toMatchObject({ problem: 'key.armorFooter' });
    expect((await parsePublicKey(body.join('\n'), now)).ok).toBe(false);
  });

  it('reads a key whose armor carries a matching checksum (as gpg writes it)', async () => {
    const lines = valid.publicKey.trim().split('\n');
    const body = lines.slice(2, -1).filter((l) => !/^=.{4}$/.test(l));
    const armored = [lines[0], '', ...body, `=${crc24(Buffer.from(body.join(''), 'base64'))}`, lines[lines.length - 1]].join('\n');
    expect((await parsePublicKey(armored, now)).ok).toBe(true);
  });

  it('refuses base64 that is not a key', async () => {
    const text = ['-----BEGIN PGP PUBLIC KEY BLOCK-----', '', Buffer.from('not a key at all').toString('base64'), '-----END PGP PUBLIC KEY BLOCK-----'].join('\n');
    expect(await parsePublicKey(text, now)).toEqual({ ok: false, problem: { problem: 'key.unreadable' } });
  });
});
