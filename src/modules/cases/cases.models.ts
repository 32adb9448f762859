/**
 * The pure rules of coordination cases: reading the opening and vulnerability forms (CVSS scored by the library, CWE
 * checked against the validator's catalogue), the embargo's local time in its zone, and when a case may be published.
 */
import type { FieldIssue } from '../../app/http/errors.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { caseMarkings, type CaseMarking } from './cases.constants.js';
import { cweName } from './cases.csaf.js';
import { scoreVector } from './cases.cvss.js';
import { casesMessages, type CasesMessageKey } from './cases.messages.js';
import { isTimeZone, localToInstant } from './cases.time.js';

export interface VulnerabilityInput {
  title: string;
  cwe: string;
  cve: string;
  cvss31: string;
  cvss40: string;
}

export interface CaseInput {
  title: string;
  summary: string;
  language: string;
  marking: string;
  vulnerability: VulnerabilityInput;
  /** The opening organisation's affected products, one per line. */
  products: string;
}

export interface CheckedVulnerability {
  title: string;
  cwe: string | null;
  cve: string | null;
  cvss31Vector: string | null;
  cvss31Score: string | null;
  cvss40Vector: string | null;
  cvss40Score: string | null;
}

const issue = (locale: Locale, field: string, key: CasesMessageKey): FieldIssue => ({ field, code: key.replace('error.', 'cases.'), message: casesMessages(locale)(key) });

/** The lines of a textarea, trimmed, empty ones dropped, at most `max`. */
export const linesOf = (text: string, max = 50): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, max);

export function checkVulnerability(input: VulnerabilityInput, locale: Locale, prefix = ''): { value: CheckedVulnerability; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const title = input.title.trim();
  if (!title) issues.push(issue(locale, `${prefix}vulnTitle`, 'error.required'));
  else if (title.length > 300) issues.push(issue(locale, `${prefix}vulnTitle`, 'error.tooLong'));
  const cwe = input.cwe.trim().toUpperCase();
  if (cwe && (!/^CWE-\d{1,5}$/.test(cwe) || !cweName(cwe))) issues.push(issue(locale, `${prefix}cwe`, 'error.cwe'));
  const cve = input.cve.trim().toUpperCase();
  if (cve && !/^CVE-\d{4}-\d{4,}$/.test(cve)) issues.push(issue(locale, `${prefix}cve`, 'error.cve'));
  const v31 = input.cvss31.trim() ? scoreVector('3.1', input.cvss31) : null;
  if (input.cvss31.trim() && !v31) issues.push(issue(locale, `${prefix}cvss31`, 'error.cvss31'));
  const v40 = input.cvss40.trim() ? scoreVector('4.0', input.cvss40) : null;
  if (input.cvss40.trim() && !v40) issues.push(issue(locale, `${prefix}cvss40`, 'error.cvss40'));
  return {
    issues,
    value: {
      title, cwe: cwe || null, cve: cve || null,
      cvss31Vector: v31?.vector ?? null, cvss31Score: v31 ? v31.baseScore.toFixed(1) : null,
      cvss40Vector: v40?.vector ?? null, cvss40Score: v40 ? v40.baseScore.toFixed(1) : null,
    },
  };
}

export function checkCase(input: CaseInput, locale: Locale) {
  const issues: FieldIssue[] = [];
  const title = input.title.trim();
  const summary = input.summary.trim();
  if (!title) issues.push(issue(locale, 'title', 'error.required'));
  else if (title.length > 300) issues.push(issue(locale, 'title', 'error.tooLong'));
  if (!summary) issues.push(issue(locale, 'summary', 'error.required'));
  else if (summary.length > 20_000) issues.push(issue(locale, 'summary', 'error.tooLong'));
  if (!['en', 'fr'].includes(input.language)) issues.push(issue(locale, 'language', 'error.language'));
  const marking = (input.marking || 'AMBER') as CaseMarking;
  if (!caseMarkings.includes(marking)) issues.push(issue(locale, 'marking', 'error.marking'));
  const vulnerability = checkVulnerability(input.vulnerability, locale);
  issues.push(...vulnerability.issues);
  return { issues, value: { title, summary, language: input.language, marking, vulnerability: vulnerability.value, products: linesOf(input.products).map((p) => p.slice(0, 200)) } };
}

/** The embargo's instant, or the issues (a zone unknown, a time the clocks skip, a time already past). */
export function checkEmbargo(local: string, zone: string, now: Date, locale: Locale): { at: Date; zone: string } | { issues: FieldIssue[] } {
  const name = zone.trim();
  if (!isTimeZone(name)) return { issues: [issue(locale, 'timeZone', 'error.zone')] };
  const at = localToInstant(local, name);
  if (at === 'invalid') return { issues: [issue(locale, 'embargoAt', 'error.local')] };
  if (at === 'skipped') return { issues: [issue(locale, 'embargoAt', 'error.skipped')] };
  if (at <= now) return { issues: [issue(locale, 'embargoAt', 'error.past')] };
  return { at, zone: name };
}

/** Publication: after the embargo, or before it once every organisation acknowledged its current version. */
export function mayPublish(input: { embargoAt: Date | null; now: Date; participants: number; acknowledged: number }): 'ok' | 'no-embargo' | 'too-early' {
  if (!input.embargoAt) return 'no-embargo';
  if (input.now >= input.embargoAt) return 'ok';
  return input.participants > 0 && input.acknowledged === input.participants ? 'ok' : 'too-early';
}
