/**
 * OpenPGP, with the `openpgp` library: reading the contact keys a representative pastes (fingerprint, algorithm,
 * creation and expiry), and verifying a security.txt's cleartext signature with them.
 */
import * as openpgp from 'openpgp';
import type { ContactKey, SecurityTxtSummary } from './disclosure.tables.js';

/** A pasted key that is not an OpenPGP public key; `line` is where the armor starts (1 when unknown). */
export class KeyProblem extends Error {
  constructor(readonly line: number) {
    super('not an OpenPGP public key');
  }
}

/** Reads each armored public key of the text (several may be pasted one after the other). */
export async function readContactKeys(text: string): Promise<ContactKey[]> {
  const blocks = [...text.matchAll(/-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g)];
  if (text.trim() && blocks.length === 0) throw new KeyProblem(1);
  const keys: ContactKey[] = [];
  for (const block of blocks) {
    const line = text.slice(0, block.index).split('\n').length;
    try {
      const key = await openpgp.readKey({ armoredKey: block[0] });
      if (key.isPrivate()) throw new KeyProblem(line); // never keep a private key, even pasted by mistake
      const expiry = await key.getExpirationTime().catch(() => null);
      keys.push({
        fingerprint: key.getFingerprint().toUpperCase(),
        algorithm: key.getAlgorithmInfo().algorithm,
        createdAt: key.getCreationTime().toISOString(),
        expiresAt: expiry instanceof Date ? expiry.toISOString() : null,
        armored: key.armor(),
      });
    } catch (error) {
      throw error instanceof KeyProblem ? error : new KeyProblem(line);
    }
  }
  return keys;
}

/** Verifies a cleartext-signed security.txt with the entry's keys: `unverified` when there is no key to try. */
export async function verifySignature(text: string, keys: readonly ContactKey[]): Promise<SecurityTxtSummary['signature']> {
  if (keys.length === 0) return 'unverified';
  try {
    const message = await openpgp.readCleartextMessage({ cleartextMessage: text });
    const verificationKeys = await Promise.all(keys.map((key) => openpgp.readKey({ armoredKey: key.armored })));
    const { signatures } = await openpgp.verify({ message, verificationKeys, expectSigned: false });
    for (const signature of signatures) {
      if (await signature.verified.then(() => true, () => false)) return 'verified';
    }
    return 'failed';
  } catch {
    return 'failed';
  }
}
