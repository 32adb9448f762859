import type { MachineNotes } from './machine.js';
/** What each bench section returns, and the one helper that builds a table row. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** The value as shown in the table, with its context. */
  display: string;
  goal: string;
  /** null for figures shown for context, without a goal of their own. */
  pass: boolean | null;
}

export type GoalId = 'http' | 'search' | 'import' | 'startup' | 'weight' | 'join' | 'index' | 'uploads' | 'outage' | 'toolkit-import' | 'toolkit-assessment' | 'toolkit-pages' | 'practices-search' | 'practices-synthesis' | 'consultations' | 'digests' | 'pings' | 'contacts-search' | 'disclosure-refresh' | 'incidents' | 'index-publish';

export interface GoalResult {
  id: GoalId;
  title: string;
  figures: Figure[];
  notes: string[];
  /** Raw measurements (wrk output, per-search timings…), kept in results.json only. */
  details?: unknown;
  /** Set by run.ts: when the section started, and the 1-minute load average then (other work on the machine). */
  date?: string;
  loadAverage?: number;
  commit?: string;
  /** What this section was measured on: sections of one README may come from different runs and machines. */
  machine?: MachineNotes;
  error?: string;
}

export function figure(name: string, value: number, unit: string, display: string, goal: string, pass: boolean | null): Figure {
  return { figure: name, value: Number.isFinite(value) ? Math.round(value * 1000) / 1000 : value, unit, display, goal, pass };
}
