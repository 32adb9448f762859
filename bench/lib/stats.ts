/** Nearest-rank percentile of already collected samples (p in 0..100). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 1000 ? `${round(ms / 1000, 2)} s` : `${round(ms, ms < 10 ? 2 : 1)} ms`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${round(bytes / 1024, 1)} KB` : `${bytes} B`;
}
