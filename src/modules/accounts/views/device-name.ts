import UAParser from 'ua-parser-js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { accountMessages } from '../accounts.messages.js';

/**
 * A session's device as a person names it ("Firefox on Linux", "Safari sur iOS"), from the user-agent string kept with
 * the session; the raw string stays available to the page (as a tooltip) for whoever needs the detail.
 */
export function deviceName(locale: Locale, userAgent: string | null): string {
  const t = accountMessages(locale);
  if (!userAgent) return t('account.sessions.device.unknown');
  const { browser, os } = UAParser(userAgent);
  if (browser.name && os.name) return t('account.sessions.device.browserOn', { browser: browser.name, os: os.name });
  if (browser.name) return browser.name;
  if (os.name) return t('account.sessions.device.browserOn', { browser: t('account.sessions.device.aBrowser'), os: os.name });
  return t('account.sessions.device.unknown');
}
