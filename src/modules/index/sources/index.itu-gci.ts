/**
 * ITU Global Cybersecurity Index (third-party transcription, gci-local-indicator-summary.csv) → score and rank per
 * country × edition. The header pairs each edition's score column (`2014`, `2017`, …) with the rank column after
 * it, spelt "Global Rank" or "Globa Rank"; columns are therefore read by position. Editions before 2020 are on a
 * 0–1 scale and later ones on 0–100: an edition whose scores are all ≤ 1 is multiplied by 100 (and says so).
 * Scores are comparable within an edition only (ITU changed the questionnaire between editions).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { createCountryMapper } from './country-names.js';
import { countExcluded, measureCoverage, type SourceImport, type SourceValue } from './index.sources.types.js';

const provenance = (edition: number) => ({
  source: 'ITU Global Cybersecurity Index (transcribed by tjmisko/sspi-data-webapp, gci-local-indicator-summary.csv)',
  date: `GCI edition ${edition}`,
  licence: 'Copyright ITU: cite the ITU Global Cybersecurity Index',
});

/** Editions found in the header: column index of the score and of the rank. */
function gciEditions(header: string[]): { edition: number; score: number; rank: number | null }[] {
  const out: { edition: number; score: number; rank: number | null }[] = [];
  header.forEach((h, i) => {
    if (!/^\d{4}$/.test(h.trim())) return;
    const next = header[i + 1] ?? '';
    out.push({ edition: Number(h.trim()), score: i, rank: /^glob\w*\s+rank$/i.test(next.trim()) ? i + 1 : null });
  });
  return out;
}

/** Imports the CSV: `gci_score` (0–100) and `gci_rank` per ISO3 × edition; empty cells are missing, not zero. */
export async function importItuGci(file: string): Promise<SourceImport> {
  const [header = [], ...lines] = parse(await readFile(file, 'utf8'), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const editions = gciEditions(header);
  const names = createCountryMapper();
  const excluded: Record<string, number> = {};
  const values: SourceValue[] = [];
  const seen = new Set<string>();
  for (const { edition, score, rank } of editions) {
    const scores = lines.map((l) => Number.parseFloat(l[score] ?? '')).filter(Number.isFinite);
    const factor = scores.length > 0 && Math.max(...scores) <= 1 ? 100 : 1;
    for (const line of lines) {
      const s = Number.parseFloat(line[score] ?? '');
      if (!Number.isFinite(s)) continue;
      const iso3 = names.toIso3(line[0] ?? '', `edition ${edition}`);
      if (iso3 === null) {
        countExcluded(excluded, 'score: country not mapped');
        continue;
      }
      // Renamed countries (Swaziland/Eswatini, Cape Verde/Cabo Verde) have one row per name with disjoint editions.
      if (seen.has(`${iso3}|${edition}`)) {
        countExcluded(excluded, 'score: second row for the same country and edition (first kept)');
        continue;
      }
      seen.add(`${iso3}|${edition}`);
      const note = factor === 100 ? 'published on a 0–1 scale; multiplied by 100' : 'published on a 0–100 scale';
      values.push({ iso3, year: edition, measure: 'gci_score', value: Math.round(s * factor * 1e6) / 1e6, note, ...provenance(edition) });
      const r = rank === null ? Number.NaN : Number.parseFloat(line[rank] ?? '');
      if (Number.isFinite(r)) {
        const rankNote = edition === 2024 ? 'rank computed by the transcriber (ITU published tiers for 2024)' : 'rank as published';
        values.push({ iso3, year: edition, measure: 'gci_rank', value: r, note: rankNote, ...provenance(edition) });
      }
    }
  }
  // Rows (countries) that gave at least one score.
  const used = new Set(values.map((v) => v.iso3)).size;
  return {
    values,
    coverage: { source: 'ITU GCI', recordsRead: lines.length, recordsUsed: used, excluded, measures: measureCoverage(values), names: names.report() },
  };
}
