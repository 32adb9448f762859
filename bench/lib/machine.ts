/** Machine notes for the report: what the figures were measured on. */
import fs from 'node:fs';
import os from 'node:os';
import { postgresVersion } from './pg.js';
import { repoRoot } from './paths.js';
import { runCommand } from './proc.js';
import { toolVersion } from './tools.js';

export interface MachineNotes {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  kernel: string;
  node: string;
  postgres: string | null;
  nginx: string | null;
  wrk: string | null;
  commit: string;
}

function osName(): string {
  try {
    return fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?(.*?)"?$/m)?.[1] ?? os.type();
  } catch {
    return os.type();
  }
}

export async function machineNotes(): Promise<MachineNotes> {
  const git = await runCommand('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot });
  const dirty = await runCommand('git', ['status', '--porcelain', '--', 'src', 'migrations', 'package.json'], { cwd: repoRoot });
  const version = async (path: string, args: string[]) => (fs.existsSync(path) ? toolVersion(path, args) : null);
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: osName(),
    kernel: os.release(),
    node: process.version,
    postgres: await postgresVersion(),
    nginx: await version('/usr/sbin/nginx', ['-v']),
    wrk: await version('/usr/bin/wrk', ['-v']),
    commit: `${git.stdout.trim() || 'unknown'}${dirty.stdout.trim() ? ' + uncommitted changes in src/' : ''}`,
  };
}
