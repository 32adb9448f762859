/** The lines `pariscall import` prints about the practices: what was added, updated, kept, and which supporters were matched. */
import type { PracticesImportReport } from './imports.usecases.js';

export interface PracticesSiteReport {
  /** The G7 synthesis's file, or why it was not imported. */
  g7: { file: string; practices: number } | { skipped: string };
  caseStudies: { practices: number; skipped: Array<{ file: string; line: number; heading: string; reason: string }>; warnings: string[]; missing: string[] };
  result: PracticesImportReport | null;
}

export function formatPracticesReport(report: PracticesSiteReport): string[] {
  const lines: string[] = [];
  const { g7, caseStudies, result } = report;
  lines.push('skipped' in g7 ? `  G7 synthesis: not imported (${g7.skipped})` : `  G7 synthesis: ${g7.practices} measures read from ${g7.file}`);
  lines.push(`  case studies: ${caseStudies.practices} read${caseStudies.missing.length ? `, ${caseStudies.missing.length} files missing` : ''}`);
  for (const s of caseStudies.skipped) lines.push(`    left out ${s.file}:${s.line} "${s.heading}": ${s.reason}`);
  for (const w of caseStudies.warnings) lines.push(`    warning ${w}`);
  if (!result) return lines;
  lines.push(`  practices: ${result.added.length} added, ${result.updated.length} updated, ${result.unchanged} unchanged, ${result.kept.length} kept as changed on the platform`);
  for (const k of result.kept) lines.push(`    kept ${k.sourceKey} (${k.reason === 'edited' ? 'edited on the platform' : 'withdrawn on the platform'})`);
  lines.push(`  supporters named by the case studies: ${result.matched.length} matched in the registry, ${result.unmatched.length} not`);
  for (const m of result.matched) lines.push(`    matched   ${m.sourceKey}: ${m.name} (${m.slug})`);
  for (const u of result.unmatched) lines.push(`    unmatched ${u.sourceKey}: ${u.name} (${u.reason})`);
  return lines;
}
