import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/** The browser's files: stylesheet, icon and script sources (src/client), or their build (dist/client). */
export const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client');

interface Asset {
  body: Buffer;
  gzip: Buffer;
  type: string;
  hash: string;
}

const assets = new Map<string, Asset>();

/** `/assets/<name>?v=<content hash>`: URLs change with content, so assets can be cached for a year. */
export function assetPath(name: string): string {
  const asset = assets.get(name);
  return `/assets/${name}${asset ? `?v=${asset.hash}` : ''}`;
}

function store(name: string, body: Buffer, type: string): void {
  assets.set(name, {
    body,
    gzip: gzipSync(body, { level: 9 }),
    type,
    hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
  });
}

/** How the progressive-enhancement scripts are bundled: at start-up from src/, ahead of time into dist/ (`npm run build`). */
export const clientBundleOptions = { bundle: true, minify: true, format: 'iife', target: 'es2020', logLevel: 'silent' } as const;

/**
 * Loads the progressive-enhancement scripts and the stylesheet. Running from the build (dist/client holds the bundled
 * `.js`), they are read as they are; running from the sources (tsx, tests), src/client/*.ts is bundled with esbuild in
 * memory, tens of milliseconds, so there is no build step to forget there.
 */
export async function buildAssets(): Promise<void> {
  const files = await fs.readdir(clientDir);
  const built = files.filter((f) => f.endsWith('.js'));
  if (built.length) {
    for (const file of built) store(file, await fs.readFile(path.join(clientDir, file)), 'text/javascript; charset=utf-8');
  } else {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      ...clientBundleOptions,
      entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => path.join(clientDir, f)),
      write: false,
      outdir: '/out',
    });
    for (const file of result.outputFiles) store(path.basename(file.path), Buffer.from(file.contents), 'text/javascript; charset=utf-8');
  }
  store('site.css', await fs.readFile(path.join(clientDir, 'site.css')), 'text/css; charset=utf-8');
  store('favicon.svg', await fs.readFile(path.join(clientDir, 'favicon.svg')), 'image/svg+xml');
}

export async function registerAssets(app: FastifyInstance): Promise<void> {
  await buildAssets();
  app.get('/assets/:name', { schema: { hide: true } }, async (request, reply) => {
    const asset = assets.get((request.params as { name: string }).name);
    if (!asset) return reply.callNotFound();
    reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return reply.header('content-encoding', 'gzip').send(asset.gzip);
    }
    return reply.send(asset.body);
  });
  // Browsers, feed readers and crawlers ask for /favicon.ico whatever the page links: they get the same icon (an SVG
  // under that name is understood by current browsers), cached for a day since this URL carries no content hash.
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => {
    const icon = assets.get('favicon.svg')!;
    return reply.type(icon.type).header('cache-control', 'public, max-age=86400').send(icon.body);
  });
}
