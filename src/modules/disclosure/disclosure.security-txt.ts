/**
 * A strict security.txt parser (RFC 9116). Written here because no maintained npm parser exists: the registry holds
 * only generators (express-security-txt, gatsby-plugin-security-txt…), and `security-txt`, `securitytxt`,
 * `security.txt`, `security-txt-parser` are not published (npm view, Dec 2026). Pure, no I/O: the signature is only
 * stripped and noted here; disclosure.signature.ts verifies it with openpgp when a key is at hand.
 *
 * Every problem carries the LINE it was found on (1-based, in the file as served, signature lines included), so a
 * representative who uploads a file sees where to fix it. Unknown fields are allowed (RFC 9116 §2.4: "extensibility").
 */

export type ProblemCode =
  | 'malformed-line' // neither a field, a comment nor a blank line
  | 'missing-contact' // §2.5.3: at least one Contact
  | 'missing-expires' // §2.5.5: Expires is required
  | 'duplicate-expires' // §2.5.5: not more than once
  | 'invalid-expires' // §2.5.5: an RFC 3339 date-time
  | 'expired'
  | 'expires-far' // §2.5.5: "recommended that the value … be less than a year into the future" (warning)
  | 'bad-scheme' // Contact: https, mailto, tel; Encryption: https, dns, openpgp4fpr; the others https
  | 'duplicate-preferred-languages' // §2.5.8: not more than once
  | 'invalid-preferred-languages'
  | 'bad-signature-format'; // a cleartext signature that is not well formed

export interface Problem {
  line: number;
  code: ProblemCode;
  /** Errors make the file unusable (an upload is refused); warnings are shown. */
  severity: 'error' | 'warning';
  /** The field the problem is about, as written in the file. */
  field?: string;
}

export interface FieldValue {
  value: string;
  line: number;
}

export interface SecurityTxt {
  contact: FieldValue[];
  expires: (FieldValue & { date: Date }) | null;
  encryption: FieldValue[];
  acknowledgments: FieldValue[];
  preferredLanguages: string[];
  canonical: FieldValue[];
  policy: FieldValue[];
  hiring: FieldValue[];
  csaf: FieldValue[];
  /** Fields the RFC does not define (kept, not an error). */
  other: Array<FieldValue & { name: string }>;
  problems: Problem[];
  /** The file was an OpenPGP cleartext-signed message; the signature was stripped, not verified. */
  signed: boolean;
}

const knownSchemes: Record<string, readonly string[]> = {
  contact: ['https:', 'mailto:', 'tel:'],
  encryption: ['https:', 'dns:', 'openpgp4fpr:'],
  acknowledgments: ['https:'],
  canonical: ['https:'],
  policy: ['https:'],
  hiring: ['https:'],
  csaf: ['https:'],
};

const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const fieldLine = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):[ \t]*(.*?)[ \t]*$/;

const signedHeader = '-----BEGIN PGP SIGNED MESSAGE-----';
const signatureBegin = '-----BEGIN PGP SIGNATURE-----';
const signatureEnd = '-----END PGP SIGNATURE-----';

const yearMs = 366 * 24 * 3600 * 1000;

/** Parses a security.txt (CRLF or LF line ends); `now` decides "expired" and "more than a year ahead". */
export function parseSecurityTxt(text: string, now: Date): SecurityTxt {
  const result: SecurityTxt = {
    contact: [], expires: null, encryption: [], acknowledgments: [], preferredLanguages: [], canonical: [], policy: [], hiring: [], csaf: [], other: [], problems: [], signed: false,
  };
  const problem = (line: number, code: ProblemCode, field?: string, severity: Problem['severity'] = 'error') =>
    result.problems.push(field === undefined ? { line, code, severity } : { line, code, severity, field });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const body = bodyLines(lines, result, problem);
  let preferredLanguagesLine = 0;
  for (const { text: raw, line } of body) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const match = fieldLine.exec(raw);
    if (!match) {
      problem(line, 'malformed-line');
      continue;
    }
    const name = match[1] ?? '';
    const value = match[2] ?? '';
    const key = name.toLowerCase();
    if (key === 'expires') {
      if (result.expires) {
        problem(line, 'duplicate-expires', name);
        continue;
      }
      const date = rfc3339.test(value) ? new Date(value) : null;
      if (!date || Number.isNaN(date.getTime())) {
        problem(line, 'invalid-expires', name);
        result.expires = { value, line, date: new Date(Number.NaN) };
        continue;
      }
      result.expires = { value, line, date };
      if (date.getTime() <= now.getTime()) problem(line, 'expired', name);
      else if (date.getTime() - now.getTime() > yearMs) problem(line, 'expires-far', name, 'warning');
    } else if (key === 'preferred-languages') {
      if (preferredLanguagesLine) {
        problem(line, 'duplicate-preferred-languages', name);
        continue;
      }
      preferredLanguagesLine = line;
      const tags = value.split(',').map((tag) => tag.trim());
      if (tags.some((tag) => !languageTag.test(tag))) problem(line, 'invalid-preferred-languages', name);
      result.preferredLanguages = tags.filter((tag) => languageTag.test(tag));
    } else if (key in knownSchemes) {
      if (!hasScheme(value, knownSchemes[key] ?? [])) {
        problem(line, 'bad-scheme', name);
        continue;
      }
      (result[camel(key)] as FieldValue[]).push({ value, line });
    } else {
      result.other.push({ name, value, line });
    }
  }
  const endLine = Math.max(1, lines.length - (lines.at(-1) === '' ? 1 : 0));
  if (result.contact.length === 0 && !result.problems.some((p) => p.code === 'bad-scheme' && p.field?.toLowerCase() === 'contact')) problem(endLine, 'missing-contact');
  if (!result.expires) problem(endLine, 'missing-expires');
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

type ListKey = 'contact' | 'encryption' | 'acknowledgments' | 'canonical' | 'policy' | 'hiring' | 'csaf';
function camel(key: string): ListKey {
  return key as ListKey; // the keys of knownSchemes are one word each, already the property names
}

function hasScheme(value: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) && !/\s/.test(value);
  } catch {
    return false;
  }
}

/**
 * The lines that carry fields, with their numbers in the file. A cleartext-signed file (RFC 9116 §3, RFC 4880 §7):
 * the armor header and its `Hash:` lines, and the signature block, are skipped; dash-escaped lines (`- `) unescaped.
 */
function bodyLines(lines: string[], result: SecurityTxt, problem: (line: number, code: ProblemCode) => void): Array<{ text: string; line: number }> {
  const numbered = lines.map((text, index) => ({ text, line: index + 1 }));
  const start = numbered.findIndex((l) => l.text.trim() !== '');
  if (start < 0 || numbered[start]?.text.trim() !== signedHeader) return numbered;
  result.signed = true;
  let index = start + 1;
  while (index < numbered.length && numbered[index]?.text.trim() !== '') index++; // armor headers (Hash: SHA256)
  const signatureAt = numbered.findIndex((l, i) => i > index && l.text.trim() === signatureBegin);
  const endAt = numbered.findIndex((l, i) => i > signatureAt && l.text.trim() === signatureEnd);
  if (signatureAt < 0 || endAt < 0) {
    problem(numbered[start]?.line ?? 1, 'bad-signature-format');
    return numbered.slice(index + 1);
  }
  return numbered.slice(index + 1, signatureAt).map((l) => ({ ...l, text: l.text.startsWith('- ') ? l.text.slice(2) : l.text }));
}

/** True when the file has no error (warnings allowed). */
export function isUsable(parsed: SecurityTxt): boolean {
  return !parsed.problems.some((p) => p.severity === 'error');
}
