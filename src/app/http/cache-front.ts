import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyServerFactory } from 'fastify';
import type { ResponseCache } from './response-cache.js';

/** What the JSON API's per-address budget says about one request. */
export interface ApiLimitDecision {
  exceeded: boolean;
  retryAfterSeconds: number;
  /** Requests left in the client's window after this one, and when the window ends (for a web front's lease). */
  remaining: number;
  ttlMs: number;
}

/** Counts one request against the API's budget of the client at `ip` (the rate-limit plugin's own store and rules). */
export type ApiLimit = (ip: string) => Promise<ApiLimitDecision>;

/**
 * The HTTP server's request listener, in front of Fastify. A GET whose URL, exactly as sent, the response cache has
 * an answer for is answered here: no request and reply objects, no routing, no hooks, a header list built once. That
 * is the difference between a third and three quarters of a static file server's rate (bench/README.md §1). Every
 * other request goes to Fastify untouched.
 *
 * Nothing is skipped that a hit needs: the answer is the cached response, security headers included, as the routed
 * hit would send it; the cache forgets everything on a registry change, so the next request is routed and rendered;
 * a JSON API request is counted against the client's budget first, the same budget as the routed path's, and one over
 * it goes to Fastify, which answers 429 with the decision taken here (`decisionFor`), counted once.
 */
export class CacheFront {
  private readonly decisions = new WeakMap<IncomingMessage, ApiLimitDecision>();
  /** Set once the rate-limit plugin is registered; until then API requests all take the routed path. */
  apiLimit: ApiLimit | undefined;
  /** Fastify's request handler and options, kept for the web fronts' server (`serverForFronts`). */
  private routed: { handler: RequestListener; options: unknown } | undefined;

  private readonly trust: (address: string | undefined, hop: number) => boolean;

  constructor(
    private readonly cache: ResponseCache,
    private readonly trustProxy: boolean,
  ) {
    this.trust = trustedHops(trustProxy);
  }

  /**
   * For Fastify's `serverFactory`: the server Fastify would build (same timeouts and limits, from its options), with
   * this front as its listener.
   */
  readonly serverFactory: FastifyServerFactory = (handler, options) => {
    this.routed = { handler, options };
    return this.serverWith(options, (request, response) => this.handlePublic(request, response, handler));
  };

  /**
   * The server the web fronts pass the requests they do not answer to, on a socket only they reach (web-fronts.ts):
   * the same listener, options and timeouts as the public one, and the X-Forwarded-For hop a front adds, which
   * Fastify trusts from this socket only (`trustedHops`), so the client address is the one the front saw.
   */
  serverForFronts(): http.Server {
    if (!this.routed) throw new Error('the web fronts need the Fastify server built first');
    const { handler, options } = this.routed;
    return this.serverWith(options, (request, response) => this.handle(request, response, handler));
  }

  /** A server with the options Fastify would give its own (Node's, and the timeouts and limits Fastify sets after). */
  private serverWith(options: unknown, listener: RequestListener): http.Server {
    const server = http.createServer((options as { http?: http.ServerOptions }).http ?? {}, listener);
    // Fastify has filled its defaults in by now (keep-alive 72 s…); typed loosely, hence the checks.
    const { keepAliveTimeout, requestTimeout, connectionTimeout, maxRequestsPerSocket } = options as Record<string, unknown>;
    if (typeof keepAliveTimeout === 'number') server.keepAliveTimeout = keepAliveTimeout;
    if (typeof requestTimeout === 'number') server.requestTimeout = requestTimeout;
    if (typeof connectionTimeout === 'number') server.setTimeout(connectionTimeout);
    if (typeof maxRequestsPerSocket === 'number' && maxRequestsPerSocket > 0) server.maxRequestsPerSocket = maxRequestsPerSocket;
    return server;
  }

  /** The API budget's decision already taken for this request, so the routed path does not count it twice. */
  decisionFor(request: IncomingMessage): ApiLimitDecision | undefined {
    return this.decisions.get(request);
  }

  /**
   * `handle` for a request from the public socket (this process's, or a web front's): X-Forwarded-* is dropped first
   * unless behind TRUST_PROXY, as Fastify trusts it from the web fronts' socket (`trustedHops`).
   */
  handlePublic(request: IncomingMessage, response: ServerResponse, next: RequestListener): void {
    if (!this.trustProxy) forgetForwardedHeaders(request);
    this.handle(request, response, next);
  }

  /** Answers a GET the cache holds for its URL as sent; hands anything else to `next` (Fastify, or a front's proxy). */
  handle(request: IncomingMessage, response: ServerResponse, next: RequestListener): void {
    const url = request.url ?? '';
    const entry = request.method === 'GET' ? this.cache.hitForUrl(url) : undefined;
    if (!entry) return next(request, response);
    if (!isJsonApiUrl(url)) return this.cache.write(entry, request.headers, response);
    const limit = this.apiLimit;
    if (!limit) return next(request, response);
    limit(this.clientAddress(request)).then(
      (decision) => {
        // The registry may have changed while the budget was read: the entry is served only if it is still current.
        const current = decision.exceeded ? undefined : this.cache.hitForUrl(url);
        if (current) return this.cache.write(current, request.headers, response);
        this.decisions.set(request, decision);
        next(request, response);
      },
      () => next(request, response),
    );
  }

  /** The address Fastify's `request.ip` gives (the first X-Forwarded-For hop when TRUST_PROXY is on), which the budget is kept by. */
  private clientAddress(request: IncomingMessage): string {
    const socketAddress = request.socket.remoteAddress;
    if (!this.trustProxy && socketAddress !== undefined) return socketAddress;
    const addresses = proxyAddr.all(request, this.trust);
    return addresses[addresses.length - 1] ?? '';
  }
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Fastify's `trustProxy`: every hop behind TRUST_PROXY, else only the first hop of a request from the web fronts'
 * socket (a Unix socket: no address), whose X-Forwarded-For the front wrote. The public listener drops X-Forwarded-*
 * when TRUST_PROXY is off (`forgetForwardedHeaders`), so no client can pass for one.
 */
export function trustedHops(trustProxy: boolean): (address: string | undefined, hop: number) => boolean {
  return (address, hop) => trustProxy || (hop === 0 && address === undefined);
}

/** Drops the X-Forwarded-* headers of a request not from a trusted proxy (cheap: most requests have none). */
function forgetForwardedHeaders(request: IncomingMessage): void {
  const headers = request.headers;
  if (headers['x-forwarded-for'] !== undefined) delete headers['x-forwarded-for'];
  if (headers['x-forwarded-host'] !== undefined) delete headers['x-forwarded-host'];
  if (headers['x-forwarded-proto'] !== undefined) delete headers['x-forwarded-proto'];
}

/** The JSON API under `/api/v1`, limited per client address by RATE_LIMIT_PER_MINUTE (documents and docs are not). */
export function isJsonApiUrl(url: string): boolean {
  return /^\/api\/v1(\/|\?|$)/.test(url);
}
