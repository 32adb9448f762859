import { createHash } from 'node:crypto';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Entry {
  version: number;
  etag: string;
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/**
 * Rendered public responses, compressed once, keyed by URL. Any registry change calls `invalidate()`
 * (in-process use cases directly, other processes through PostgreSQL NOTIFY), so the next request
 * renders fresh data: the cache never serves a stale registry.
 */
export class ResponseCache {
  private entries = new Map<string, Entry>();
  private version = 0;

  constructor(private readonly maxEntries = 2000) {}

  invalidate(): void {
    this.version += 1;
    this.entries.clear();
  }

  get currentVersion(): number {
    return this.version;
  }

  /** Serves `key` from cache or renders it; `render` must be a pure function of the URL and the data. */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    contentType: string,
    render: () => Promise<string | Buffer>,
  ): Promise<FastifyReply> {
    let entry = this.entries.get(key);
    if (!entry || entry.version !== this.version) {
      const version = this.version;
      const body = await render();
      const identity = Buffer.isBuffer(body) ? body : Buffer.from(body);
      entry = {
        version,
        etag: `"${createHash('sha1').update(identity).digest('base64url')}"`,
        contentType,
        identity,
        gzip: gzipSync(identity, { level: 6 }),
        br: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
      };
      // A change during rendering leaves the entry uncached rather than cached under the new version.
      if (version === this.version) {
        if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(key, entry);
      }
    }
    reply.header('etag', entry.etag).header('vary', 'Accept-Encoding').type(entry.contentType);
    if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
    const accept = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(entry.br);
    if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(entry.gzip);
    return reply.send(entry.identity);
  }
}
