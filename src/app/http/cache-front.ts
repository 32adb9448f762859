import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyServerFactory } from 'fastify';
import type { ResponseCache } from './response-cache.js';

/** What the JSON API's per-address budget says about one request. */
export interface ApiLimitDecision {
  exceeded: boolean;
  retryAfterSeconds: number;
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

  constructor(
    private readonly cache: ResponseCache,
    private readonly trustProxy: boolean,
  ) {}

  /**
   * For Fastify's `serverFactory`: the server Fastify would build (same timeouts and limits, from its options), with
   * this front as its listener.
   */
  readonly serverFactory: FastifyServerFactory = (handler, options) => {
    const server = http.createServer((options as { http?: http.ServerOptions }).http ?? {}, (request, response) => this.answer(request, response, handler));
    // Fastify has filled its defaults in by now (keep-alive 72 s…); typed loosely, hence the checks.
    const { keepAliveTimeout, requestTimeout, connectionTimeout, maxRequestsPerSocket } = options as Record<string, unknown>;
    if (typeof keepAliveTimeout === 'number') server.keepAliveTimeout = keepAliveTimeout;
    if (typeof requestTimeout === 'number') server.requestTimeout = requestTimeout;
    if (typeof connectionTimeout === 'number') server.setTimeout(connectionTimeout);
    if (typeof maxRequestsPerSocket === 'number' && maxRequestsPerSocket > 0) server.maxRequestsPerSocket = maxRequestsPerSocket;
    return server;
  };

  /** The API budget's decision already taken for this request, so the routed path does not count it twice. */
  decisionFor(request: IncomingMessage): ApiLimitDecision | undefined {
    return this.decisions.get(request);
  }

  private answer(request: IncomingMessage, response: ServerResponse, next: (request: IncomingMessage, response: ServerResponse) => void): void {
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
    if (!this.trustProxy) return request.socket.remoteAddress ?? '';
    const addresses = proxyAddr.all(request, () => true);
    return addresses[addresses.length - 1] ?? '';
  }
}

/** The JSON API under `/api/v1`, limited per client address by RATE_LIMIT_PER_MINUTE (documents and docs are not). */
export function isJsonApiUrl(url: string): boolean {
  return /^\/api\/v1(\/|\?|$)/.test(url);
}
