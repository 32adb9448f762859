/**
 * `pariscall index pilot`: writes the pilot edition's iData.csv, iMeta.csv, pipeline.json and coverage.json, and returns a plain
 * summary of its coverage (units, years, indicators per WG5 category, names that did not map).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCsvTable } from '../io/index.csv.js';
import { buildPilotEdition, PILOT_PIPELINE, type PilotEdition } from './index.pilot.js';

/** The coverage summary printed by the command. */
function coverageSummary(edition: PilotEdition): string {
  const lines = [`Pilot edition: ${edition.units.length} units × ${edition.years.length} years (${edition.years.join(', ')}).`];
  for (const c of edition.categories) {
    const units = Object.entries(c.unitsWithData).map(([y, n]) => `${y}: ${n}`).join(', ');
    lines.push(`- ${c.name}: ${c.indicatorsWithData.length} indicator(s) with data${c.indicatorsWithData.length ? ` (${c.indicatorsWithData.join(', ')}; units ${units})` : ''}; ${c.indicatorsWithoutData.length} listed without data`);
  }
  for (const s of edition.sources) {
    const unmapped = s.names.unmapped.map((n) => `"${n.name}" ×${n.count}`).join(', ') || 'none';
    lines.push(`${s.source}: ${s.recordsUsed}/${s.recordsRead} records used; unmapped names: ${unmapped}; excluded non-countries: ${s.names.notCountries.length}`);
  }
  return lines.join('\n');
}

export async function writePilotEdition(input: { sourcesDir: string; outDir: string }): Promise<string> {
  const edition = await buildPilotEdition({ sourcesDir: input.sourcesDir });
  await mkdir(input.outDir, { recursive: true });
  await writeFile(join(input.outDir, 'iData.csv'), writeCsvTable(edition.iData));
  await writeFile(join(input.outDir, 'iMeta.csv'), writeCsvTable(edition.iMeta));
  const { iData: _d, iMeta: _m, ...coverage } = edition;
  await writeFile(join(input.outDir, 'pipeline.json'), `${JSON.stringify(PILOT_PIPELINE, null, 2)}\n`);
  await writeFile(join(input.outDir, 'coverage.json'), `${JSON.stringify(coverage, null, 2)}\n`);
  return coverageSummary(edition);
}
