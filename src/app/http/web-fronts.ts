import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CacheFront } from './cache-front.js';
import type { ResponseCache } from './response-cache.js';
import type { FrontSettings, FrontStart, FromFront, ToFront } from './web-front.js';

export interface WebFrontsOptions {
  count: number;
  /** The public server, already listening: its socket is shared with the fronts. */
  server: http.Server;
  front: CacheFront;
  cache: ResponseCache;
  trustProxy: boolean;
  securityHeaders: Readonly<Record<string, string>>;
  log: { info(message: string): void; error(object: object, message: string): void };
}

/**
 * Web fronts: processes that accept on the server's public socket beside it and answer cached GETs from their copy
 * of the response cache (web-front.ts). Why: one Node.js process writes cached answers at about half of nginx's rate
 * on two cores, whatever it does per request; the other cores are idle (bench/README.md §1). A front is small (no
 * database, no modules, no Fastify), so it also works on the embedded database, which only this process may open:
 * every request a front does not answer from its copy (a miss, a form, a private page) is passed to this process over
 * a socket only the fronts reach, with the client's address, and this process answers it as it answers its own.
 *
 * What stays one: the cache (each store, learnt URL and invalidation is sent to every front, in order, as it happens,
 * so a registry change empties the fronts' copies as it empties this one); the JSON API's per-address budget (kept here,
 * leased to the fronts by address, `lease`); every rate limit of routed requests (they are all answered here).
 *
 * Returns the function that stops the fronts (they finish the requests under way first).
 */
export async function startWebFronts(options: WebFrontsOptions): Promise<() => Promise<void>> {
  const { log } = options;
  const socket = await listenForFronts(options.front);
  const settings = frontSettings(options.server, socket.path, options.trustProxy, options.securityHeaders);
  const hub = new FrontHub(options.front, options.cache, options.count);
  const fronts = new Set<ChildProcess>();
  let stopping = false;
  const restarts: number[] = [];

  const start = () => {
    const child = fork(entry, [], { serialization: 'advanced', execArgv: entryArgs, stdio: 'inherit' });
    fronts.add(child);
    let detach = () => {};
    // Once it is loaded: the settings and the public socket, then the cache as it is, and every later change in order.
    child.on('message', (message: FromFront) => {
      if (message.type !== 'ready' || !child.connected) return;
      child.send({ type: 'start', settings } satisfies FrontStart, options.server);
      detach = hub.attach({
        send: (change) => {
          if (child.connected) child.send(change);
        },
        onMessage: (listener) => child.on('message', listener),
      });
    });
    child.on('exit', (code, signal) => {
      detach();
      fronts.delete(child);
      if (stopping) return;
      // A front that dies is replaced, unless they keep dying (then this process serves alone, and says so).
      const now = Date.now();
      restarts.push(now);
      while (restarts[0]! < now - 60_000) restarts.shift();
      log.error({ code, signal }, restarts.length > 5 ? 'a web front stopped; too many restarts, serving without it' : 'a web front stopped; starting another');
      if (restarts.length <= 5) setTimeout(() => stopping || start(), 1000).unref();
    });
  };
  for (let i = 0; i < options.count; i++) start();
  log.info(`Web fronts started (WEB_FRONTS=${options.count}): ${options.count + 1} processes answer cached pages on this port`);

  return async () => {
    stopping = true;
    await Promise.all(
      [...fronts].map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            if (child.connected) child.send({ type: 'close' } satisfies ToFront);
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    hub.close();
    await socket.close();
  };
}

/** Both ends of the IPC channel to one front, as the hub sees them (a child process's, or a test's). */
export interface FrontChannel {
  send(message: ToFront): void;
  onMessage(listener: (message: FromFront) => void): void;
}

/** Keeps the fronts' cache copies in step with this process's cache, and leases them API budget. */
export class FrontHub {
  private readonly channels = new Set<FrontChannel>();

  constructor(
    private readonly front: CacheFront,
    private readonly cache: ResponseCache,
    private readonly fronts: number,
  ) {
    cache.onChange = (change) => {
      for (const channel of this.channels) channel.send({ type: 'cache', change });
    };
  }

  /** Sends the cache as it is, then every change; answers the front's lease requests. Returns the detach function. */
  attach(channel: FrontChannel): () => void {
    for (const change of this.cache.snapshot()) channel.send({ type: 'cache', change });
    this.channels.add(channel);
    channel.onMessage((message) => {
      if (message.type !== 'lease') return;
      lease(this.front, message.ip, this.fronts).then(
        (granted) => channel.send({ type: 'lease', id: message.id, ...granted }),
        () => channel.send({ type: 'lease', id: message.id, granted: 0, ttlMs: 1000 }),
      );
    });
    return () => this.channels.delete(channel);
  }

  close(): void {
    this.channels.clear();
    this.cache.onChange = undefined;
  }
}

/** The server for the fronts' passed requests, on a socket in a directory only this user can enter. */
export async function listenForFronts(front: CacheFront): Promise<{ path: string; close(): Promise<void> }> {
  // Whoever reaches the socket is trusted for X-Forwarded-For (`trustedHops`).
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-fronts-'));
  const socketPath = path.join(directory, 'server.sock');
  const internal = front.serverForFronts();
  await new Promise<void>((resolve, reject) => internal.once('error', reject).listen(socketPath, resolve));
  return {
    path: socketPath,
    close: async () => {
      internal.closeIdleConnections();
      await new Promise<void>((resolve) => internal.close(() => resolve()));
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** What a front must know: the fronts' socket, and the public server's timeouts and limits (a client sees one server). */
export function frontSettings(server: http.Server, socketPath: string, trustProxy: boolean, securityHeaders: Readonly<Record<string, string>>): FrontSettings {
  const { keepAliveTimeout, headersTimeout, requestTimeout, timeout, maxRequestsPerSocket } = server;
  return { socketPath, trustProxy, server: { keepAliveTimeout, headersTimeout, requestTimeout, timeout, maxRequestsPerSocket }, securityHeaders };
}

/**
 * Tokens of `ip`'s API budget for a front: one at least, and while plenty is left, a share of what is left (so
 * that a client spread over every process can still spend its whole budget, near the end one token at a time).
 * Each token is counted here as a request would be, so the budget is never exceeded, whichever process answers.
 */
async function lease(front: CacheFront, ip: string, fronts: number): Promise<{ granted: number; ttlMs: number }> {
  const limit = front.apiLimit;
  if (!limit) return { granted: 0, ttlMs: 1000 };
  let decision = await limit(ip);
  if (decision.exceeded) return { granted: 0, ttlMs: decision.ttlMs };
  let granted = 1;
  const wanted = 1 + Math.min(maxLease, Math.floor(decision.remaining / (2 * (fronts + 1))));
  while (granted < wanted) {
    decision = await limit(ip);
    if (decision.exceeded) break;
    granted += 1;
  }
  return { granted, ttlMs: decision.ttlMs };
}

const maxLease = 255;

/** The front's entry: compiled beside this file, or the TypeScript source run through tsx (development, tests). */
const fromSources = import.meta.url.endsWith('.ts');
const entry = fileURLToPath(new URL(fromSources ? './web-front-process.ts' : './web-front-process.js', import.meta.url));
const entryArgs = fromSources ? ['--import', 'tsx'] : [];
