/** The entry's form as posted: each field checked, with the key of its error; what was typed is kept for a 422. */
import { formText } from '../../app/http/private-page.js';
import { maxPolicyUrls } from './disclosure.constants.js';
import type { DisclosureMessageKey } from './disclosure.messages.js';
import type { PolicyInput } from './disclosure.usecases.js';
import type { PolicyFormValues } from './views/account-page.js';

export type FormErrors = Partial<Record<'securityTxtUrl' | 'policyUrls' | 'keys' | 'upload', DisclosureMessageKey>>;

function isHttps(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password && value.length <= 2000;
  } catch {
    return false;
  }
}

export function policyFromForm(body: unknown): { ok: true; value: PolicyInput; values: PolicyFormValues } | { ok: false; values: PolicyFormValues; errors: FormErrors } {
  const values = { securityTxtUrl: formText(body, 'securityTxtUrl').trim(), policyUrls: formText(body, 'policyUrls'), keys: formText(body, 'keys') };
  const errors: FormErrors = {};
  if (values.securityTxtUrl && !isHttps(values.securityTxtUrl)) errors.securityTxtUrl = 'disclosure.form.error.url';
  const policyUrls = values.policyUrls.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (policyUrls.length > maxPolicyUrls || policyUrls.some((url) => !isHttps(url))) errors.policyUrls = 'disclosure.form.error.policies';
  if (values.keys.length > 64 * 1024) errors.keys = 'disclosure.form.error.keysTooLong';
  if (Object.keys(errors).length) return { ok: false, values, errors };
  return { ok: true, values, value: { securityTxtUrl: values.securityTxtUrl || null, policyUrls: [...new Set(policyUrls)], keysText: values.keys } };
}
