/**
 * "A changed supporter is visible on the next request": prime the response cache with the URLs that show a supporter,
 * change its name through another path (CLI import in another process, or an in-process import), then request the
 * same URLs at once and look for the new name.
 */
import { httpGet } from './http.js';
import type { RenamedCopy } from './registry-copy.js';

export interface FreshnessCheck {
  pass: boolean;
  changeMs: number;
  checks: Array<{ url: string; before: boolean; after: boolean; pass: boolean }>;
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

export async function checkChangeVisible(baseUrl: string, copy: RenamedCopy, change: () => Promise<void>): Promise<FreshnessCheck> {
  const q = encodeURIComponent(copy.marker);
  const probes: Array<{ url: string; shows: (body: string) => boolean }> = [
    { url: `/api/v1/supporters/${copy.slug}`, shows: (body) => (JSON.parse(body) as { name: string }).name === copy.newName },
    { url: `/api/v1/supporters?q=${q}`, shows: (body) => (JSON.parse(body) as { items: Array<{ name: string }> }).items.some((i) => i.name === copy.newName) },
    { url: `/en/supporters?q=${q}`, shows: (body) => body.includes(escapeHtml(copy.newName)) || body.includes(copy.newName) },
    { url: `/en/supporters/${copy.slug}`, shows: (body) => body.includes(escapeHtml(copy.newName)) || body.includes(copy.newName) },
  ];
  const look = async (url: string, shows: (body: string) => boolean) => {
    const response = await httpGet(`${baseUrl}${url}`, { accept: url.startsWith('/api') ? 'application/json' : 'text/html' });
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    return shows(response.body.toString('utf8'));
  };
  // Twice: the second answer comes from the response cache, which is what must not go stale.
  const before: boolean[] = [];
  for (const probe of probes) {
    await look(probe.url, probe.shows);
    before.push(await look(probe.url, probe.shows));
  }
  const started = performance.now();
  await change();
  const changeMs = performance.now() - started;
  const checks = [];
  for (const [index, probe] of probes.entries()) {
    const after = await look(probe.url, probe.shows);
    checks.push({ url: probe.url, before: before[index]!, after, pass: !before[index] && after });
  }
  return { pass: checks.every((c) => c.pass), changeMs, checks };
}
