/** Raw HTTP on loopback: bodies exactly as sent (no automatic decompression), and bounded polling. */
import http from 'node:http';
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error(`bench requests stay on loopback, not ${url}`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      { method: options.method ?? 'GET', headers: options.headers, agent: false, timeout: options.timeoutMs ?? 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timeout on ${url}`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

export const httpGet = (url: string, headers: Record<string, string> = {}) => httpRequest(url, { headers });

/**
 * Polls `url` every `intervalMs` until it answers 200, or throws after `timeoutMs` (or as soon as `abort()` is true,
 * e.g. when the server process has exited). Returns the elapsed milliseconds.
 */
export async function waitFor200(
  url: string,
  options: { timeoutMs: number; intervalMs: number; started?: number; abort?: () => string | undefined },
): Promise<number> {
  const started = options.started ?? performance.now();
  const deadline = started + options.timeoutMs;
  while (performance.now() < deadline) {
    const reason = options.abort?.();
    if (reason) throw new Error(reason);
    try {
      const response = await httpRequest(url, { timeoutMs: Math.max(1000, options.intervalMs) });
      if (response.status === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, options.intervalMs));
  }
  throw new Error(`${url} did not answer 200 within ${options.timeoutMs} ms`);
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
