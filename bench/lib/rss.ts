import fs from 'node:fs';

/** Resident memory (MB) of the largest process of a process group: the node server, not npm or sh. */
export function serverRssMb(pgid: number): number {
  let rss = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) rss = Math.max(rss, Number(m[1]) / 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return Math.round(rss);
}

/**
 * Peak resident memory (MB, each process's VmHWM) of the node processes of a process group (the server and its web
 * fronts): their sum (what the group can hold at once at most) and the largest.
 */
export function nodeGroupRss(pgid: number): { totalMb: number; largestMb: number; processes: number } {
  let total = 0;
  let largest = 0;
  let processes = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid || !stat.includes('(node)')) continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (!m) continue;
      const mb = Number(m[1]) / 1024;
      total += mb;
      largest = Math.max(largest, mb);
      processes += 1;
    } catch {
      // The process ended meanwhile.
    }
  }
  return { totalMb: Math.round(total), largestMb: Math.round(largest), processes };
}
