/**
 * The external tools of the benches (Debian packages `nginx` and `wrk` for HTTP, `time` for a command's peak memory),
 * installed with apt-get when missing.
 */
import { existsSync } from 'node:fs';
import { runChecked, runCommand } from './proc.js';

const binaries: Record<string, string> = { nginx: '/usr/sbin/nginx', wrk: '/usr/bin/wrk', time: '/usr/bin/time' };
let updated = false;

async function which(name: string): Promise<string | null> {
  if (binaries[name] && existsSync(binaries[name]!)) return binaries[name]!;
  const result = await runCommand('sh', ['-c', `command -v ${name}`]);
  return result.code === 0 ? result.stdout.trim() : null;
}

/** Returns the path of each tool, installing the missing ones (`apt-get update` runs at most once). */
export async function ensureTools(names: Array<'nginx' | 'wrk' | 'time'>): Promise<Record<string, string>> {
  const paths: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const found = await which(name);
    if (found) paths[name] = found;
    else missing.push(name);
  }
  if (missing.length > 0) {
    console.log(`  installing ${missing.join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (!updated) {
      await runChecked('apt-get', ['update'], { env, timeoutMs: 300_000 });
      updated = true;
    }
    await runChecked('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: 600_000 });
    for (const name of missing) {
      const found = await which(name);
      if (!found) throw new Error(`${name} is still missing after apt-get install`);
      paths[name] = found;
    }
  }
  return paths;
}

export async function toolVersion(path: string, args: string[]): Promise<string> {
  const result = await runCommand(path, args);
  const text = `${result.stdout}\n${result.stderr}`;
  return (text.match(/(?:nginx version: nginx\/|wrk )(\S+)/)?.[1] ?? text.trim().split('\n')[0] ?? '').trim();
}
