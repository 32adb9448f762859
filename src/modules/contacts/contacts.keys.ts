/**
 * Reading an uploaded OpenPGP public key. The armor is checked line by line first (header, base64 body, CRC-24
 * checksum), because openpgp (OpenPGP.js) says only "misformed" and skips the checksum: a person pasting a key needs
 * the line that is wrong. Then openpgp reads the key and checks it: a revoked or expired key, or a private key, is
 * refused; a good one gives its fingerprint, algorithm, user IDs, creation and expiry.
 */
import { readKey, type Key } from 'openpgp';

export interface ParsedKey {
  fingerprint: string;
  algorithm: string;
  userIds: string[];
  createdAt: Date;
  expiresAt: Date | null;
  armored: string;
}

/** Why a key is refused: a catalog key of the module and, for armor errors, the 1-based line. */
export interface KeyProblem {
  problem: 'key.empty' | 'key.armorHeader' | 'key.armorFooter' | 'key.armorLine' | 'key.checksum' | 'key.unreadable' | 'key.private' | 'key.expired' | 'key.revoked' | 'key.tooLarge';
  line?: number;
}

const begin = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
const end = '-----END PGP PUBLIC KEY BLOCK-----';
const base64Line = /^[A-Za-z0-9+/]*={0,2}$/;

/** CRC-24 of RFC 4880 §6.1, as its four base64 characters. */
export function crc24(bytes: Buffer): string {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  crc &= 0xffffff;
  return Buffer.from([(crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff]).toString('base64');
}

/** The armor's structure, line by line; null when it is well formed. */
export function checkArmor(text: string): KeyProblem | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0) return { problem: 'key.empty' };
  if (lines[start]!.trim() !== begin) return { problem: lines[start]!.includes('PRIVATE KEY') ? 'key.private' : 'key.armorHeader', line: start + 1 };
  let i = start + 1;
  // Armor headers ("Version: …", "Comment: …") until the blank line.
  while (i < lines.length && /^[A-Za-z-]+: /.test(lines[i]!)) i++;
  if (i >= lines.length || lines[i]!.trim() !== '') return { problem: 'key.armorHeader', line: Math.min(i + 1, lines.length) };
  i++;
  const body: string[] = [];
  let checksum: { value: string; line: number } | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === end) break;
    if (line.startsWith('=') && line.length === 5) {
      checksum = { value: line.slice(1), line: i + 1 };
      continue;
    }
    if (checksum || !base64Line.test(line)) return { problem: 'key.armorLine', line: i + 1 };
    body.push(line);
  }
  if (i >= lines.length) return { problem: 'key.armorFooter', line: lines.length };
  if (!body.length) return { problem: 'key.armorLine', line: i + 1 };
  if (checksum && crc24(Buffer.from(body.join(''), 'base64')) !== checksum.value) return { problem: 'key.checksum', line: checksum.line };
  return null;
}

const algorithmName = (key: Key) => {
  const info = key.getAlgorithmInfo() as { algorithm: string; bits?: number; curve?: string };
  return [info.algorithm, info.bits ? String(info.bits) : '', info.curve ?? ''].filter(Boolean).join(' ');
};

/** Reads one armored public key, checked at `now`: the key's facts, or why it is refused. */
export async function parsePublicKey(armored: string, now = new Date()): Promise<{ ok: true; key: ParsedKey } | { ok: false; problem: KeyProblem }> {
  if (Buffer.byteLength(armored) > 64 * 1024) return { ok: false, problem: { problem: 'key.tooLarge' } };
  const text = armored.replace(/\r\n?/g, '\n').trim();
  const armorProblem = checkArmor(text);
  if (armorProblem) return { ok: false, problem: armorProblem };
  let key: Key;
  try {
    key = await readKey({ armoredKey: text });
  } catch {
    return { ok: false, problem: { problem: 'key.unreadable' } };
  }
  if (key.isPrivate()) return { ok: false, problem: { problem: 'key.private' } };
  try {
    await key.verifyPrimaryKey(now);
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, problem: { problem: /revoked/i.test(message) ? 'key.revoked' : /expired/i.test(message) ? 'key.expired' : 'key.unreadable' } };
  }
  const expiry = await key.getExpirationTime();
  const expiresAt = expiry instanceof Date ? expiry : null;
  if (expiresAt && expiresAt <= now) return { ok: false, problem: { problem: 'key.expired' } };
  return {
    ok: true,
    key: { fingerprint: key.getFingerprint().toUpperCase(), algorithm: algorithmName(key), userIds: key.getUserIDs(), createdAt: key.getCreationTime(), expiresAt, armored: key.armor() },
  };
}
