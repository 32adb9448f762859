import fs from 'node:fs';

/** The processes of a process group: their command name and /proc status text (one read each). */
function groupStatuses(pgid: number): Array<{ command: string; status: string }> {
  const found: Array<{ command: string; status: string }> = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      found.push({ command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), status: fs.readFileSync(`/proc/${pid}/status`, 'utf8') });
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** A status field in MB (`VmRSS`, `VmHWM`), 0 when absent. */
const statusMb = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;

/** Resident memory (MB) of the largest process of a process group: the node server, not npm or sh. */
export function serverRssMb(pgid: number): number {
  return Math.round(Math.max(0, ...groupStatuses(pgid).map((p) => statusMb(p.status, 'VmRSS'))));
}

/**
 * Peak resident memory (MB, each process's VmHWM) of the node processes of a process group (the server and its web
 * fronts): their sum (what the group can hold at once at most) and the largest.
 */
export function nodeGroupRss(pgid: number): { totalMb: number; largestMb: number; processes: number } {
  const peaks = groupStatuses(pgid).filter((p) => p.command === 'node').map((p) => statusMb(p.status, 'VmHWM'));
  return { totalMb: Math.round(peaks.reduce((a, b) => a + b, 0)), largestMb: Math.round(Math.max(0, ...peaks)), processes: peaks.length };
}
