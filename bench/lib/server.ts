/** Our server as a child process, started the way `npm start` starts it, on a loopback port of its own. */
import { freePort, waitFor200 } from './http.js';
import { repoRoot, officialDir } from './paths.js';
import { startChild, type Child } from './proc.js';

export interface ServerTarget {
  /** `pglite` (DATA_DIR) or `postgres` (DATABASE_URL). */
  driver: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
}

export interface RunningServer {
  child: Child;
  baseUrl: string;
  port: number;
  /** Milliseconds from spawn to the first 200 on the readiness URL. */
  readyMs: number;
}

/**
 * The environment our server (or CLI, without `port`) gets: nothing inherited that could point it at another
 * database or port.
 */
export function serverEnv(target: ServerTarget, port?: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATA_DIR: _dir, PORT: _port, HOST: _host, PUBLIC_URL: _public, IMPORT_ON_EMPTY: _import, LOG_LEVEL: _log, ...rest } = process.env;
  return {
    ...rest,
    HOST: '127.0.0.1',
    ...(port ? { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    DATA_DIR: target.dataDir,
    LOG_LEVEL: 'warn',
    IMPORT_ON_EMPTY: officialDir,
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
    ...extra,
  };
}

/**
 * Starts `command` (default: `node --import tsx src/cli.ts serve`, a single process, so signals reach it directly)
 * and waits until `readyPath` answers 200, polling every `intervalMs`.
 */
export async function startOurServer(
  target: ServerTarget,
  options: { command?: string[]; readyPath?: string; intervalMs?: number; timeoutMs?: number; env?: Record<string, string>; label?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const [command, ...args] = options.command ?? [process.execPath, '--import', 'tsx', 'src/cli.ts', 'serve'];
  const started = performance.now();
  const child = startChild(options.label ?? `server (${target.driver})`, command!, args, { cwd: repoRoot, env: serverEnv(target, port, options.env) });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const readyMs = await waitFor200(`${baseUrl}${options.readyPath ?? '/healthz'}`, {
      started,
      timeoutMs: options.timeoutMs ?? 180_000,
      intervalMs: options.intervalMs ?? 50,
      abort: () => (child.process.exitCode !== null ? `server exited with ${child.process.exitCode}:\n${child.output().slice(-3000)}` : undefined),
    });
    return { child, baseUrl, port, readyMs };
  } catch (error) {
    await child.stop(5000);
    throw error;
  }
}
