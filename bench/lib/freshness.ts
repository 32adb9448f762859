/**
 * "A changed supporter is visible on the next request": prime the response cache with the URLs that show a supporter
 * and the facet counts, rename the supporter and move it to another category through another path (CLI import in
 * another process, or an in-process import), then request the same URLs at once: the new name must show, and the
 * category counts must have moved by one.
 */
import { httpGet } from './http.js';
import type { RenamedCopy } from './registry-copy.js';

export interface FreshnessCheck {
  pass: boolean;
  changeMs: number;
  checks: Array<{ url: string; expected: string; before: string; after: string; pass: boolean }>;
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

interface Probe {
  url: string;
  expected: string;
  /** What the body says, as a short string compared before and after the change. */
  read: (body: string) => string;
  /** Whether `after` is what a fresh response must say, given `before`. */
  fresh: (before: string, after: string) => boolean;
}

function probes(copy: RenamedCopy): Probe[] {
  const q = encodeURIComponent(copy.marker);
  const html = (body: string) => (body.includes(escapeHtml(copy.newName)) || body.includes(copy.newName) ? 'new name' : 'old name');
  const nameFresh = (before: string, after: string) => before === 'old name' && after === 'new name';
  type List = { items: Array<{ name: string }>; facets: { category: Array<{ value: string; count: number }> } };
  const counts = (body: string) => {
    const facets = (JSON.parse(body) as List).facets.category;
    const count = (value: string) => facets.find((f) => f.value === value)?.count ?? 0;
    return `${copy.oldCategory} ${count(copy.oldCategory)}, ${copy.newCategory} ${count(copy.newCategory)}`;
  };
  return [
    { url: `/api/v1/supporters/${copy.slug}`, expected: 'new name', read: (b) => ((JSON.parse(b) as { name: string }).name === copy.newName ? 'new name' : 'old name'), fresh: nameFresh },
    { url: `/api/v1/supporters?q=${q}`, expected: 'new name', read: (b) => ((JSON.parse(b) as List).items.some((i) => i.name === copy.newName) ? 'new name' : 'old name'), fresh: nameFresh },
    { url: `/en/supporters?q=${q}`, expected: 'new name', read: html, fresh: nameFresh },
    { url: `/en/supporters/${copy.slug}`, expected: 'new name', read: html, fresh: nameFresh },
    {
      url: '/api/v1/supporters',
      expected: `${copy.oldCategory} −1, ${copy.newCategory} +1`,
      read: counts,
      fresh: (before, after) => {
        const numbers = (text: string) => [...text.matchAll(/ (\d+)/g)].map((m) => Number(m[1]));
        const [oldBefore, newBefore] = numbers(before);
        const [oldAfter, newAfter] = numbers(after);
        return oldAfter === oldBefore! - 1 && newAfter === newBefore! + 1;
      },
    },
  ];
}

export async function checkChangeVisible(baseUrl: string, copy: RenamedCopy, change: () => Promise<void>): Promise<FreshnessCheck> {
  const look = async (url: string) => {
    const response = await httpGet(`${baseUrl}${url}`, { accept: url.startsWith('/api') ? 'application/json' : 'text/html' });
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    return response.body.toString('utf8');
  };
  const list = probes(copy);
  // Twice: the second answer comes from the response cache, which is what must not go stale.
  const before: string[] = [];
  for (const probe of list) {
    await look(probe.url);
    before.push(probe.read(await look(probe.url)));
  }
  const started = performance.now();
  await change();
  const changeMs = performance.now() - started;
  const checks = [];
  for (const [index, probe] of list.entries()) {
    const after = probe.read(await look(probe.url));
    checks.push({ url: probe.url, expected: probe.expected, before: before[index]!, after, pass: probe.fresh(before[index]!, after) });
  }
  return { pass: checks.every((c) => c.pass), changeMs, checks };
}
