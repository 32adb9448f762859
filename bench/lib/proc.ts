/**
 * Child processes the bench starts: each runs in its own process group (detached), so stopping it reaches its
 * children too (npm → sh → tsx → node), and only the processes the bench started are ever signalled.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { registerCleanup, registerExitHook } from './cleanup.js';

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  /** The last 64 KB of stdout and stderr, for error messages. */
  output(): string;
  exited: Promise<number | null>;
  /**
   * Sends `signal` to the whole group (as a terminal's Ctrl-C does; tsx and npm are built for that), waits up to
   * `graceMs` for the group to end, then SIGKILLs what is left.
   */
  stop(graceMs?: number, signal?: NodeJS.Signals): Promise<void>;
}

const tailLimit = 64 * 1024;

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function startChild(name: string, command: string, args: string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  const pid = child.pid;
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-tailLimit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const removeExitHook = registerExitHook(() => {
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  });

  const stopNow = async (graceMs: number, signal: NodeJS.Signals) => {
    if (groupAlive(pid)) {
      try {
        process.kill(-pid, signal);
      } catch {
        // The group ended meanwhile.
      }
      const deadline = Date.now() + graceMs;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    }
    removeExitHook();
  };
  let grace = 10_000;
  let stopSignal: NodeJS.Signals = 'SIGTERM';
  const cleanup = registerCleanup(`stop ${name} (pid ${pid})`, () => stopNow(grace, stopSignal));
  return {
    name,
    process: child,
    pid,
    output: () => tail,
    exited,
    stop: async (graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM') => {
      grace = graceMs;
      stopSignal = signal;
      await cleanup();
    },
  };
}

/** Runs a command to completion (bounded by `timeoutMs`), returning its exit code, output and wall time. */
export async function runCommand(
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  const removeExitHook = registerExitHook(() => {
    if (pid && groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const timeoutMs = options.timeoutMs ?? 600_000;
  const timer = setTimeout(() => {
    if (pid && groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c));
  });
  clearTimeout(timer);
  removeExitHook();
  return { code, stdout, stderr, ms: performance.now() - started };
}

/** Like runCommand, but throws with the output when the exit code is not 0. */
export async function runChecked(command: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}) {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${(result.stdout + result.stderr).slice(-4000)}`);
  }
  return result;
}
