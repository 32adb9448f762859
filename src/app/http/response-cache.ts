import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canonicalUrl } from './cache-key.js';

export interface CachedEntry {
  version: number;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /**
   * Every header of the first response (security headers included) with the encoding's own, as the flat
   * name, value, name, value… list `writeHead` takes: built once, a hit writes it as it is. (Given an object,
   * `writeHead` sets each header in turn, which cost as much as the rest of a hit.)
   */
  heads: Record<Encoding, string[]>;
  notModified: string[];
  /** What the entry holds in memory (its three bodies and key), counted against the cache's byte budget. */
  bytes: number;
}

type Encoding = 'br' | 'gzip' | 'identity';

function pickEncoding(headers: IncomingHttpHeaders): Encoding {
  const accept = headers['accept-encoding'] ?? '';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return 'identity';
}

/**
 * Rendered public responses, compressed once, keyed by the route's validated parameters (`canonicalUrl`: unknown
 * query keys dropped, defaults filled, names in order), so varying an ignored parameter (`?cb=1`, `?cb=2`…) neither
 * fills memory with copies of a page nor renders it again. Any registry change calls `invalidate()`
 * (in-process use cases directly, other processes through PostgreSQL NOTIFY), so the next request
 * renders fresh data: the cache never serves a stale registry.
 *
 * A hit is answered before Fastify sees the request (`hitForUrl`, from the server's request listener, cache-front.ts)
 * when its URL, exactly as sent, was answered before; otherwise from an early `onRequest` hook (`serveHit`), which
 * learns that URL's key. Either way it skips validation and per-request header work: that is what lets a dynamic
 * registry keep pace with a static file server. Only URLs a route handler has already validated and rendered are
 * ever in the cache.
 */
/** What a copy of the cache in another process (a web front, web-fronts.ts) is told, in order. */
export type CacheChange =
  | { kind: 'store'; key: string; entry: CachedEntry }
  | { kind: 'learn'; url: string; key: string }
  | { kind: 'invalidate' };

export class ResponseCache {
  /** Told every store, learnt URL and invalidation, in order: the web fronts' copies follow this cache. */
  onChange: ((change: CacheChange) => void) | undefined;
  private entries = new Map<string, CachedEntry>();
  /** The key `serveHit` computed for a request it let through, from the query as it came (validation replaces it). */
  private keys = new WeakMap<FastifyRequest, string | undefined>();
  /**
   * Cache keys by URL as sent (`/en/supporters/?cb=1` → `/en/supporters`), learnt by `serveHit` and `send`: the key is
   * a function of the URL alone (cache-key.ts), so it holds across invalidations. Bounded by count and URL length, the
   * oldest forgotten first; a forgotten URL only takes the routed path again.
   */
  private keysByUrl = new Map<string, string>();
  private version = 0;
  private bytes = 0;

  /**
   * Bounded by entries and by bytes: distinct valid parameters (`?pageSize=500&q=a`, `?q=b`…) are distinct entries, so
   * a count alone would let a client fill memory with the largest pages; the oldest go first.
   */
  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  invalidate(): void {
    this.version += 1;
    this.entries.clear();
    this.bytes = 0;
    this.onChange?.({ kind: 'invalidate' });
  }

  /**
   * Applies a change another process's cache announced (`onChange`), for a web front's copy: an entry is stored as
   * current here (the owner checked its version), an invalidation empties this copy as it emptied the owner.
   */
  follow(change: CacheChange): void {
    if (change.kind === 'invalidate') return this.invalidate();
    if (change.kind === 'learn') return this.remember(change.url, change.key);
    if (change.entry.bytes <= this.maxBytes) this.store(change.key, { ...change.entry, version: this.version });
  }

  /** The changes that make an empty copy equal to this cache (a web front starting while the cache is full). */
  snapshot(): CacheChange[] {
    const changes: CacheChange[] = [];
    for (const [key, entry] of this.entries) changes.push({ kind: 'store', key, entry });
    for (const [url, key] of this.keysByUrl) changes.push({ kind: 'learn', url, key });
    return changes;
  }

  /** Bytes held by the cached responses (bodies in their three encodings). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get currentVersion(): number {
    return this.version;
  }

  private store(key: string, entry: CachedEntry): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.bytes + entry.bytes > this.maxBytes)) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, CachedEntry];
      this.entries.delete(oldestKey);
      this.bytes -= oldest.bytes;
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.onChange?.({ kind: 'store', key, entry });
  }

  private remember(url: string, key: string): void {
    if (url.length > maxRememberedUrl || this.keysByUrl.get(url) === key) return;
    if (this.keysByUrl.size >= this.maxEntries * 4) this.keysByUrl.delete(this.keysByUrl.keys().next().value as string);
    this.keysByUrl.set(url, key);
    this.onChange?.({ kind: 'learn', url, key });
  }

  /**
   * The current entry for a GET of `url` (exactly as sent) whose key an earlier request taught the cache; undefined
   * otherwise, and the request goes through Fastify. For the server's request listener, before any routing.
   */
  hitForUrl(url: string): CachedEntry | undefined {
    const key = this.keysByUrl.get(url);
    const entry = key === undefined ? undefined : this.entries.get(key);
    return entry && entry.version === this.version ? entry : undefined;
  }

  /** Writes a hit: 304 when the client holds this version, else the body in the encoding it takes best. */
  write(entry: CachedEntry, headers: IncomingHttpHeaders, response: ServerResponse): void {
    if (headers['if-none-match'] === entry.etag) {
      response.writeHead(304, entry.notModified);
      response.end();
      return;
    }
    const encoding = pickEncoding(headers);
    response.writeHead(200, entry.heads[encoding]);
    response.end(entry[encoding]);
  }

  /**
   * Answers a GET from the cache if it can; returns false to let the request go through the normal route. Must run for
   * every GET and HEAD before validation (the first `onRequest` hook): `send` stores under the key it computes here.
   */
  serveHit(request: FastifyRequest, reply: FastifyReply): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const key = canonicalUrl(request);
    const entry = key === undefined || request.method !== 'GET' ? undefined : this.entries.get(key);
    if (!entry || entry.version !== this.version) {
      this.keys.set(request, key);
      return false;
    }
    this.remember(request.url, key!);
    reply.hijack();
    this.write(entry, request.headers, reply.raw);
    return true;
  }

  /**
   * Serves the request's response from the cache or renders it. `render` must be a pure function of the data and of
   * the canonical URL it is given (a page links to its other language with it, never with the URL as typed), as every
   * URL with the same validated parameters gets its answer. A request whose key `serveHit` did not compute (it did not
   * run, or the query failed the cache's parse) is rendered and not stored.
   *
   * A handler that reads its data before calling `send` (to answer a 400 from it) passes `readSince`, the
   * `currentVersion` it noted before reading: a change since then leaves the answer uncached.
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    contentType: string,
    render: (url: string) => Promise<string | Buffer>,
    readSince?: number,
  ): Promise<FastifyReply> {
    reply.header('vary', 'Accept-Encoding').type(contentType);
    const key = this.keys.get(request);
    let entry = key === undefined ? undefined : this.entries.get(key);
    if (!entry || entry.version !== this.version) {
      const version = readSince ?? this.version;
      const body = await render(key ?? request.url);
      const identity = Buffer.isBuffer(body) ? body : Buffer.from(body);
      const etag = `"${createHash('sha1').update(identity).digest('base64url')}"`;
      reply.header('etag', etag);
      const { 'content-length': _length, 'content-encoding': _encoding, ...headers } = reply.getHeaders();
      const gzip = gzipSync(identity, { level: 6 });
      const br = brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
      const heads = { identity: headList(headers, identity, undefined), gzip: headList(headers, gzip, 'gzip'), br: headList(headers, br, 'br') };
      const notModified = ['etag', etag, 'vary', 'Accept-Encoding'];
      const fresh: CachedEntry = { version, etag, identity, gzip, br, heads, notModified, bytes: identity.length + gzip.length + br.length + (key?.length ?? 0) * 2 };
      entry = fresh;
      // A change during rendering leaves the entry uncached rather than cached under the new version.
      if (key !== undefined && version === this.version && fresh.bytes <= this.maxBytes) {
        this.store(key, fresh);
        this.remember(request.url, key);
      }
    }
    reply.header('etag', entry.etag);
    if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
    const encoding = pickEncoding(request.headers);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(entry[encoding]);
  }
}

/** URLs longer than this are not remembered by `keysByUrl` (their answers are still cached under their key). */
const maxRememberedUrl = 512;

/** A response's headers as `writeHead`'s flat list, with the body's encoding and length. */
function headList(headers: Record<string, string | number | string[] | undefined>, body: Buffer, encoding: Encoding | undefined): string[] {
  const list: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) list.push(name, String(item));
  }
  if (encoding) list.push('content-encoding', encoding);
  list.push('content-length', String(body.length));
  return list;
}
