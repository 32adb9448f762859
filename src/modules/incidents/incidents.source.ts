/**
 * Reads the crosswalk proposal out of the research brief (`research/cooperation-anchors.md` §4.5, a Markdown table:
 * our level, NCISS level, NCSC category, EU impact colours, default notification urgency), so the shipped crosswalk
 * is the brief's table and not a copy typed by hand. The French names and urgencies, and the RSIT class → NIS root
 * cause rows (the brief names the mapping, not its values), are the Paris Call Platform's.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CrosswalkEntry, CrosswalkLevel, CrosswalkRootCause } from './incidents.crosswalk.js';
import type { NisImpactSeverity } from './incidents.nis.js';

export const briefFile = 'research/cooperation-anchors.md';

const frenchNames: Record<number, string> = { 5: 'N5 Urgence', 4: 'N4 Grave', 3: 'N3 Élevé', 2: 'N2 Moyen', 1: 'N1 Faible', 0: 'N0 Référence' };
const frenchUrgencies: Record<number, string> = {
  5: 'appel immédiat au point de contact 24/7 + modèle de demande d’assistance (norme 13h)',
  4: 'accusé de réception visé en ≤ 1 h',
  3: '≤ 4 h',
  2: '≤ 24 h (délai d’alerte précoce de NIS2)',
  1: '≤ 72 h',
  0: 'consigner seulement',
};

/** Our reading: the classes of attacks are malicious actions; a vulnerability is a system failure; other and test say nothing. */
export const defaultRootCauses: CrosswalkRootCause[] = [
  ['abusive-content', 'malicious-actions'], ['malicious-code', 'malicious-actions'], ['information-gathering', 'malicious-actions'],
  ['intrusion-attempts', 'malicious-actions'], ['intrusions', 'malicious-actions'], ['availability', 'malicious-actions'],
  ['information-content-security', 'malicious-actions'], ['fraud', 'malicious-actions'], ['vulnerable', 'system-failures'],
  ['other', null], ['test', null],
].map(([rsitClass, rootCause]) => ({ kind: 'root-cause', rsitClass, rootCause }) as CrosswalkRootCause);

/** Parses the §4.5 table; throws naming the line when a row does not read. */
export function parseCrosswalkTable(markdown: string): CrosswalkLevel[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^###\s+4\.5\b/.test(l));
  if (start < 0) throw new Error(`${briefFile}: no section 4.5`);
  const levels: CrosswalkLevel[] = [];
  for (let i = start + 1; i < lines.length && !/^#/.test(lines[i]!); i++) {
    const line = lines[i]!;
    if (!/^\|\s*L\d/.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const level = Number(/^L(\d)/.exec(cells[0] ?? '')?.[1]);
    const ncissLevel = Number(/^(\d)/.exec(cells[1] ?? '')?.[1]);
    const ncscCategory = Number(/^C(\d)/.exec(cells[2] ?? '')?.[1]);
    const euImpact = (['red', 'yellow', 'green', 'white'] as NisImpactSeverity[]).filter((c) => new RegExp(`\\b${c}\\b`).test(cells[3] ?? ''));
    if (cells.length !== 5 || [level, ncissLevel, ncscCategory].some(Number.isNaN) || euImpact.length === 0) throw new Error(`${briefFile}:${i + 1}: a crosswalk row does not read: ${line}`);
    levels.push({
      kind: 'level', level, ncissLevel, ncscCategory, euImpact,
      name: { en: cells[0]!, fr: frenchNames[level]! },
      urgency: { en: cells[4]!, fr: frenchUrgencies[level]! },
    });
  }
  if (levels.length !== 6) throw new Error(`${briefFile}: section 4.5 has ${levels.length} crosswalk rows, 6 expected`);
  return levels;
}

export async function readCrosswalkSource(sharedDir: string): Promise<CrosswalkEntry[]> {
  const markdown = await fs.readFile(path.join(sharedDir, briefFile), 'utf8');
  return [...parseCrosswalkTable(markdown), ...defaultRootCauses];
}
