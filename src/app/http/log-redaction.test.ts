import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.js';

describe('URLs in log lines', () => {
  it('hides tokens in the query and a saved assessment\'s private link', () => {
    expect(redactUrl('/en/sign-in/verify?token=abc.def&next=/x')).toBe('/en/sign-in/verify?token=…&next=/x');
    expect(redactUrl('/fr/join/confirm?lang=fr&token=Zz9')).toBe('/fr/join/confirm?lang=fr&token=…');
    expect(redactUrl('/en/toolkit/assessment/s/Q1w2E3r4/delete')).toBe('/en/toolkit/assessment/s/…/delete');
    expect(redactUrl('/en/toolkit?category=public-policy')).toBe('/en/toolkit?category=public-policy');
  });
});
