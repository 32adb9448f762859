/**
 * Goal 5: the first page of /en/supporters weighs under 60 KB compressed (the HTML plus the CSS and JS it references
 * under /assets/), and nothing third-party blocks rendering (every stylesheet and script is same-origin, every
 * script is defer/async). Sizes are the bytes our server sends for each Accept-Encoding.
 */
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { httpGet } from './lib/http.js';
import { type GoalResult, figure } from './lib/results.js';
import { startOurServer } from './lib/server.js';
import { formatBytes } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

interface Tag {
  name: string;
  attributes: Record<string, string>;
}

/** Start tags of the elements that load something; enough for our own server-rendered HTML. */
export function resourceTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<(link|script|img|iframe|source|video|audio|embed|object)\b([^>]*)>/gi)) {
    const attributes: Record<string, string> = {};
    for (const a of match[2]!.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
      attributes[a[1]!.toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

const browserEncoding = 'gzip, deflate, br';

export async function benchWeight(): Promise<GoalResult> {
  const server = await startOurServer({ driver: 'pglite', dataDir: makeTempDir('weight') });
  try {
    const pageUrl = `${server.baseUrl}/en/supporters`;
    const get = async (url: string, encoding: string) => {
      const response = await httpGet(url, { 'accept-encoding': encoding, accept: 'text/html,*/*' });
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      return { bytes: response.body.length, encoding: String(response.headers['content-encoding'] ?? 'identity'), body: response.body };
    };
    const identity = await get(pageUrl, 'identity');
    const html = identity.body.toString('utf8');
    const tags = resourceTags(html);
    const origin = new URL(pageUrl).origin;
    const resolve = (href: string) => new URL(href, pageUrl);

    const stylesheets = tags.filter((t) => t.name === 'link' && /(^|\s)stylesheet(\s|$)/i.test(t.attributes.rel ?? '')).map((t) => t.attributes.href ?? '');
    const scripts = tags.filter((t) => t.name === 'script');
    const externalScripts = scripts.filter((t) => t.attributes.src !== undefined);
    const inlineScripts = scripts.length - externalScripts.length;
    const blocking: string[] = [];
    for (const href of stylesheets) if (resolve(href).origin !== origin) blocking.push(`third-party stylesheet ${href}`);
    for (const script of externalScripts) {
      const src = script.attributes.src!;
      if (resolve(src).origin !== origin) blocking.push(`third-party script ${src}`);
      const deferred = 'defer' in script.attributes || 'async' in script.attributes || script.attributes.type === 'module';
      if (!deferred) blocking.push(`render-blocking script ${src}`);
    }
    const otherThirdParty = tags
      .filter((t) => t.name !== 'script' && !(t.name === 'link' && /stylesheet/i.test(t.attributes.rel ?? '')))
      .map((t) => t.attributes.src ?? (/(preload|modulepreload|icon|manifest|prefetch|preconnect)/i.test(t.attributes.rel ?? '') ? t.attributes.href : undefined))
      .filter((u): u is string => !!u && !u.startsWith('data:') && resolve(u).origin !== origin);

    const assetUrls = [...stylesheets, ...externalScripts.map((s) => s.attributes.src!)].map((u) => resolve(u)).filter((u) => u.origin === origin);
    const rows: Array<{ url: string; identity: number; gzip: number; browser: number; browserEncoding: string; brotli11: number }> = [];
    const measure = async (url: string) => {
      const plain = await get(url, 'identity');
      const gz = await get(url, 'gzip');
      const browser = await get(url, browserEncoding);
      const brotli11 = brotliCompressSync(plain.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
      if (gz.encoding !== 'gzip') throw new Error(`${url} is not served gzipped`);
      rows.push({ url: url.replace(origin, ''), identity: plain.bytes, gzip: gz.bytes, browser: browser.bytes, browserEncoding: browser.encoding, brotli11 });
    };
    await measure(pageUrl);
    for (const url of assetUrls) await measure(url.toString());

    const sum = (key: 'identity' | 'gzip' | 'browser' | 'brotli11') => rows.reduce((n, r) => n + r[key], 0);
    const limit = 60 * 1024;
    const perFile = rows.map((r) => `${r.url}: ${formatBytes(r.identity)} raw, ${formatBytes(r.gzip)} gzip, ${formatBytes(r.browser)} as sent for "${browserEncoding}" (${r.browserEncoding}), ${formatBytes(r.brotli11)} if brotli 11`);
    return {
      id: 'weight',
      title: 'Page weight of the first page of /en/supporters',
      figures: [
        figure('HTML + CSS + JS, gzip (Accept-Encoding: gzip)', sum('gzip'), 'bytes', `${formatBytes(sum('gzip'))} (${rows.length} files; ${formatBytes(sum('identity'))} uncompressed)`, '< 60 KB', sum('gzip') < limit),
        figure(`HTML + CSS + JS as sent to a browser (Accept-Encoding: ${browserEncoding})`, sum('browser'), 'bytes', `${formatBytes(sum('browser'))} (HTML ${rows[0]!.browserEncoding}, assets ${rows.slice(1).map((r) => r.browserEncoding).join('/') || 'none'})`, '< 60 KB', sum('browser') < limit),
        figure('HTML + CSS + JS, all brotli (quality 11, computed by the bench)', sum('brotli11'), 'bytes', formatBytes(sum('brotli11')), '< 60 KB', sum('brotli11') < limit),
        figure(
          'Render-blocking third-party resources',
          blocking.length,
          'count',
          blocking.length ? blocking.join('; ') : `none (${stylesheets.length} same-origin stylesheet(s), ${externalScripts.length} same-origin deferred script(s), ${inlineScripts} inline script(s))`,
          '0',
          blocking.length === 0,
        ),
      ],
      notes: [...perFile, `Other third-party URLs in the page (images, preloads, icons): ${otherThirdParty.length ? otherThirdParty.join(', ') : 'none'}.`],
      details: { rows, stylesheets, scripts: externalScripts.map((s) => s.attributes), inlineScripts, otherThirdParty },
    };
  } finally {
    await server.child.stop();
  }
}
