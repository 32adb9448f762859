/**
 * `tsx bench/profile-summary.ts <dir or .cpuprofile>…`: where a CPU profile written by `npm run bench -- --cpu-prof DIR`
 * spends its time: self time per function and per package (fastify, @fastify/helmet, zod, node internals…).
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function owner(url: string): string {
  if (!url) return '(native / idle / gc)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  const src = url.match(/\/(src\/.*|bench\/.*)$/);
  return src ? src[1]!.split('/').slice(0, 3).join('/') : url;
}

function summarise(file: string, top = 25): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'}  ${frame.url ? `${frame.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byOwner.set(owner(frame.url), (byOwner.get(owner(frame.url)) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  console.log(`\n${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled`);
  console.log('  self time by package:');
  for (const [name, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${pct(us)}  ${name}`);
  console.log('  self time by function:');
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${pct(us)}  ${name}`);
}

const inputs = process.argv.slice(2);
if (inputs.length === 0) throw new Error('usage: tsx bench/profile-summary.ts <dir or .cpuprofile>…');
for (const input of inputs) {
  const files = fs.statSync(input).isDirectory() ? fs.readdirSync(input).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(input, f)) : [input];
  for (const file of files) summarise(file);
}
