import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { createSession } from '../../app/auth/sessions.js';
import { deviceName } from './views/device-name.js';

/** Issue 14.5: the account's sessions name the device as a person would, not as a raw user-agent string. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const firefoxOnLinux = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

describe('sessions on the account page', () => {
  it('read "Firefox on Linux", with the raw user agent kept as a tooltip', async () => {
    const me = await signInAs(t, { email: 'devices@example.org' });
    await createSession(t.database.db, { userId: me.userId, role: 'member', method: 'email-link', userAgent: firefoxOnLinux });
    const en = await t.app.inject({ url: '/en/account', headers: { cookie: me.cookie } });
    expect(en.body).toContain(`<span title="${firefoxOnLinux}">Firefox on Linux</span>`);
    const fr = await t.app.inject({ url: '/fr/account', headers: { cookie: me.cookie } });
    expect(fr.body).toContain('Firefox sur Linux');
    // The helper's own session has the user agent "test", which names nothing.
    expect(en.body).toContain('Unknown device');
  });

  it.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Mobile Safari on iOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome on Windows'],
    [null, 'Unknown device'],
    ['curl/8.5.0', 'Unknown device'],
  ])('names %s as %s', (userAgent, expected) => {
    expect(deviceName('en', userAgent)).toBe(expected);
  });
});
