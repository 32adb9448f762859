import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server, Socket } from 'node:net';
import { CacheFront, type ApiLimitDecision } from './cache-front.js';
import { appMessages } from '../i18n/messages.js';
import { clientErrorHandler, errorAnswer } from './client-errors.js';
import { AppError } from './errors.js';
import { ResponseCache, type CacheChange } from './response-cache.js';

/** What the server process tells a web front (web-fronts.ts), in order. */
export type ToFront = { type: 'cache'; change: CacheChange } | { type: 'lease'; id: number; granted: number; ttlMs: number } | { type: 'close' };

/** What a web front tells the server process: it is loaded, or it asks for API budget for a client address. */
export type FromFront = { type: 'ready' } | { type: 'lease'; id: number; ip: string };

/** The server process's first message to a loaded front, sent with the public listening socket. */
export interface FrontStart {
  type: 'start';
  settings: FrontSettings;
}

/** What a front needs to know of the server process: where to pass requests, and its server's rules. */
export interface FrontSettings {
  /** The server process's socket for the fronts (`CacheFront.serverForFronts`). */
  socketPath: string;
  trustProxy: boolean;
  /** The public server's timeouts and limits, so a client sees the same server whichever process accepted it. */
  server: { keepAliveTimeout: number; headersTimeout: number; requestTimeout: number; timeout: number; maxRequestsPerSocket: number | null };
  securityHeaders: Readonly<Record<string, string>>;
}

/**
 * A web front: a process beside the server process, accepting on the same listening socket, that answers the GETs
 * the response cache holds from its own copy of that cache, and passes every other request to the server process
 * (web-fronts.ts explains why). The copy follows the server's cache change by change over the IPC channel (stores,
 * learnt URLs, invalidations, in the order they happened). The JSON API's per-address budget stays one budget: the
 * front answers an API hit only with a token the server process leased it for that address (`ApiLeases`).
 */
export class WebFront {
  readonly cache = new ResponseCache();
  readonly server: http.Server;
  private readonly front: CacheFront;
  private readonly leases: ApiLeases;
  /** Keep-alive connections to the server process, reused across clients' requests. */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  private readonly connections = new Set<Socket>();

  constructor(
    private readonly settings: FrontSettings,
    send: (message: FromFront) => void,
  ) {
    this.leases = new ApiLeases(send);
    this.front = new CacheFront(this.cache, settings.trustProxy);
    this.front.apiLimit = (ip) => this.leases.take(ip);
    this.server = http.createServer((request, response) => this.front.handlePublic(request, response, this.pass));
    const { keepAliveTimeout, headersTimeout, requestTimeout, timeout, maxRequestsPerSocket } = settings.server;
    Object.assign(this.server, { keepAliveTimeout, headersTimeout, requestTimeout, timeout, maxRequestsPerSocket });
    this.server.on('clientError', clientErrorHandler(settings.securityHeaders));
    this.server.on('connection', (socket: Socket) => {
      this.connections.add(socket);
      socket.once('close', () => this.connections.delete(socket));
    });
  }

  /**
   * Accepts on the listening socket the server process shared. The HTTP server listens on it itself (rather than
   * being handed each connection) so that Node enforces its header and request timeouts here too: it checks them only
   * for a server that listens.
   */
  listenOn(shared: Server): void {
    this.server.listen(shared);
  }

  receive(message: ToFront): void {
    if (message.type === 'cache') this.cache.follow(message.change);
    else if (message.type === 'lease') this.leases.settle(message.id, message.granted, message.ttlMs);
  }

  /**
   * Stops after the requests under way: idle connections are closed at once, the others as soon as they are idle,
   * and whatever is left after `graceMs`.
   */
  async close(graceMs = 5000): Promise<void> {
    if (this.server.listening) this.server.close(); // no new connections; the open ones end below
    const deadline = Date.now() + graceMs;
    while (this.connections.size > 0 && Date.now() < deadline) {
      this.server.closeIdleConnections();
      if (this.connections.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const socket of this.connections) socket.destroy();
    this.agent.destroy();
  }

  /**
   * Passes a request to the server process as it came, with the client's address added to X-Forwarded-For (the
   * server trusts that hop from its fronts' socket only), and streams the answer back.
   */
  private readonly pass = (request: IncomingMessage, response: ServerResponse): void => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) if (!hopByHop.has(name)) headers[name] = value;
    const peer = request.socket.remoteAddress ?? '';
    const forwarded = request.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = forwarded ? `${String(forwarded)}, ${peer}` : peer;
    const upstream = http.request({ socketPath: this.settings.socketPath, method: request.method, path: request.url, headers, agent: this.agent });
    upstream.on('response', (answer) => {
      const list: string[] = [];
      const raw = answer.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) if (!hopByHop.has(raw[i]!.toLowerCase())) list.push(raw[i]!, raw[i + 1]!);
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, list);
      answer.pipe(response);
      answer.on('error', () => response.destroy());
    });
    upstream.on('error', () => serverAway(request, response, this.settings.securityHeaders));
    // A client that goes away mid-answer: the server process stops sending it.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  };
}

/** Headers about one connection, not the request (RFC 9110 §7.6.1): each hop writes its own. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * The server process did not answer (it is stopping, or a front outlived it for a moment): 503 with a retry-after, in
 * the platform's error format and language, as a request during a database outage gets.
 */
function serverAway(request: IncomingMessage, response: ServerResponse, securityHeaders: Readonly<Record<string, string>>): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const away = new AppError('server.unavailable', 503, (l) => appMessages(l)('error.unavailable.title'));
  const answer = errorAnswer(away, request.url ?? '/', request.headers['accept-language'], securityHeaders);
  response.writeHead(answer.status, { ...answer.headers, 'retry-after': '5' });
  response.end(answer.body);
}

/**
 * The JSON API budget of each client address, as tokens the server process leases this front: an API hit takes one;
 * when none is left, one request asks for more (the others wait for its answer), so the server process, which keeps
 * the one count, is asked once per lease rather than per request. A lease ends with the client's window. A grant of
 * nothing means the budget is spent: the request goes to the server process, which answers the 429.
 */
class ApiLeases {
  private readonly held = new Map<string, { tokens: number; until: number; spent: boolean }>();
  private readonly asking = new Map<string, Promise<void>>();
  private readonly settling = new Map<number, { ip: string; resolve: () => void }>();
  private nextId = 1;

  constructor(private readonly send: (message: FromFront) => void) {}

  async take(ip: string): Promise<ApiLimitDecision> {
    for (;;) {
      const lease = this.held.get(ip);
      const now = Date.now();
      if (lease && now < lease.until) {
        if (lease.tokens > 0) {
          lease.tokens -= 1;
          return { exceeded: false, retryAfterSeconds: 0, remaining: lease.tokens, ttlMs: lease.until - now };
        }
        if (lease.spent) return { exceeded: true, retryAfterSeconds: Math.ceil((lease.until - now) / 1000), remaining: 0, ttlMs: lease.until - now };
      }
      let asked = this.asking.get(ip);
      if (!asked) {
        asked = this.ask(ip);
        this.asking.set(ip, asked);
      }
      await asked;
    }
  }

  settle(id: number, granted: number, ttlMs: number): void {
    const waiting = this.settling.get(id);
    if (!waiting) return;
    this.settling.delete(id);
    this.asking.delete(waiting.ip);
    this.held.delete(waiting.ip); // re-inserted last: the map's oldest entries are dropped first when it is full
    if (this.held.size >= maxAddresses) this.held.delete(this.held.keys().next().value as string);
    this.held.set(waiting.ip, { tokens: granted, until: Date.now() + ttlMs, spent: granted === 0 });
    waiting.resolve();
  }

  private ask(ip: string): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.settling.set(id, { ip, resolve });
      this.send({ type: 'lease', id, ip });
    });
  }
}

/** Addresses whose leases a front keeps; beyond, the oldest is forgotten (its unused tokens are lost to its client). */
const maxAddresses = 100_000;
