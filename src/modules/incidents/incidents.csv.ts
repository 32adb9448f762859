/** The incidents a reader may read, as CSV in the page's language: one row each, every frame's result and the clocks in UTC. */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { nis2Clocks } from './incidents.clocks.js';
import { incidentsMessages } from './incidents.messages.js';
import type { IncidentRow } from './incidents.tables.js';

export function incidentsCsv(locale: Locale, rows: readonly IncidentRow[], names: Map<string, string>, now: Date): string {
  const t = incidentsMessages(locale);
  const headers = ['id', 'tlp', t('col.title'), t('col.organisation'), 'detected_at_utc', 'aware_at_utc', 'time_zone', 'nciss_score', 'nciss_level', 'ncsc_category', 'rsit', 'nis_root_cause', 'nis_impact', 'nis_threat', 'common_level', 'crosswalk_agrees', 'config_version', 'early_warning_due_utc', 'early_warning_sent_utc', 'notification_due_utc', 'notification_sent_utc', 'final_report_due_utc', 'final_report_sent_utc'];
  const cell = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : typeof v === 'string' ? neutraliseCell(v) : String(v));
  return stringify([
    headers,
    ...rows.map((r) => {
      const c = r.classification;
      const clocks = nis2Clocks(r, now);
      return [
        r.id, `TLP:${r.tlp}`, r.title, names.get(r.supporterId) ?? '', r.detectedAt.toISOString(), r.awareAt.toISOString(), r.timeZone, c.nciss.score, c.nciss.level, `C${c.ncsc.category}`, c.rsit.machineTag,
        c.nis.rootCause, c.nis.impactSeverity, c.nis.threatSeverity, c.crosswalk.commonLevel, c.crosswalk.ncscAgrees && c.crosswalk.euImpactAgrees && c.crosswalk.rootCauseAgrees, r.configVersion,
        ...clocks.flatMap((k) => [k.dueAt.toISOString(), k.sentAt?.toISOString() ?? null]),
      ].map(cell);
    }),
  ]);
}
