/** Runs wrk and reads its summary (requests/s, latency percentiles, errors). */
import { runChecked } from './proc.js';

export interface WrkResult {
  url: string;
  requestsPerSec: number;
  requests: number;
  latencyMs: { p50: number; p75: number; p90: number; p99: number; avg: number; max: number };
  non2xx: number;
  socketErrors: number;
  transferPerSec: string;
  raw: string;
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function duration(text: string | undefined): number {
  const match = text?.match(/^([\d.]+)(us|ms|s|m|h)$/);
  if (!match) return Number.NaN;
  return Number(match[1]) * unitMs[match[2]!]!;
}

export function parseWrk(url: string, raw: string): WrkResult {
  const percent = (p: number) => duration(raw.match(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm'))?.[1]);
  const latencyLine = raw.match(/^\s+Latency\s+(\S+)\s+(\S+)\s+(\S+)/m);
  const socket = raw.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    url,
    requestsPerSec: Number(raw.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? Number.NaN),
    requests: Number(raw.match(/(\d+) requests in/)?.[1] ?? Number.NaN),
    latencyMs: { p50: percent(50), p75: percent(75), p90: percent(90), p99: percent(99), avg: duration(latencyLine?.[1]), max: duration(latencyLine?.[3]) },
    non2xx: Number(raw.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    transferPerSec: raw.match(/Transfer\/sec:\s+(\S+)/)?.[1] ?? '',
    raw,
  };
}

export interface WrkOptions {
  threads: number;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
}

export const wrkDefaults: WrkOptions = { threads: 2, connections: 64, seconds: 10, headers: { 'Accept-Encoding': 'gzip' } };

export async function runWrk(wrkPath: string, url: string, options: WrkOptions = wrkDefaults): Promise<WrkResult> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`wrk only runs against loopback, not ${url}`);
  const headerArgs = Object.entries(options.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const args = [`-t${options.threads}`, `-c${options.connections}`, `-d${options.seconds}s`, '--latency', ...headerArgs, url];
  const { stdout } = await runChecked(wrkPath, args, { timeoutMs: (options.seconds + 60) * 1000 });
  return parseWrk(url, stdout);
}
