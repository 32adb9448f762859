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
