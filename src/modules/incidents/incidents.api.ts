/**
 * The incidents' API: the frames and the crosswalk (public), and the incidents the caller may read under their TLP
 * markings (the cooperation space; one incident: 404 to whoever its marking excludes), with the same use cases as the
 * pages.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { formatZoned, nis2Clocks } from './incidents.clocks.js';
import { loadCrosswalk } from './incidents.crosswalk-usecases.js';
import { ncissCategories } from './incidents.nciss.js';
import { ncscCategories } from './incidents.ncsc.js';
import { nis2SectorKeys, nisImpactKeys, nisOutlooks, nisRootCauses, nisThreatSeverities } from './incidents.nis.js';
import { createIncidentsRepository } from './incidents.repository.js';
import { rsitClasses, rsitMachineTag } from './incidents.rsit.js';
import { framesSchema, incidentListSchema, incidentParamsSchema, incidentSchema, incidentsListQuerySchema } from './incidents.schemas.js';
import type { IncidentRow } from './incidents.tables.js';
import { currentScoringConfig, findReadableIncident, listReadableIncidents } from './incidents.usecases.js';

const tags = ['incidents'];

export function presentIncident(incident: IncidentRow, organisation: string, now: Date): z.infer<typeof incidentSchema> {
  return {
    id: incident.id, tlp: incident.tlp, organisation: { id: incident.supporterId, name: organisation }, title: incident.title, description: incident.description, language: incident.language,
    detectedAt: incident.detectedAt.toISOString(), awareAt: incident.awareAt.toISOString(), timeZone: incident.timeZone, sectors: incident.sectors, countries: incident.countries,
    usersAffected: incident.usersAffected, outlook: incident.outlook, facts: { ...incident.facts }, configVersion: incident.configVersion, classification: incident.classification,
    clocks: nis2Clocks(incident, now).map((c) => {
      const z = formatZoned(c.dueAt, incident.timeZone);
      return { kind: c.kind, dueAt: c.dueAt.toISOString(), dueLocal: z.local, offset: z.offset, sentAt: c.sentAt?.toISOString() ?? null, provisional: c.provisional, state: c.state };
    }),
  };
}

export async function registerIncidentsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;

  app.get('/api/v1/incident-frames', {
    schema: { tags, summary: 'The incident classification frames and the crosswalk', description: 'NCISS categories, weights and bands (current version), NCSC categories, RSIT classes and machine tags, the EU Blueprint axes, and the crosswalk between them.', response: { 200: framesSchema } },
  }, async () => {
    const config = await currentScoringConfig(db);
    const crosswalk = await loadCrosswalk(db);
    return {
      nciss: {
        version: config.version, weights: config.config.weights, bands: config.config.bands,
        categories: ncissCategories.map((c) => ({ key: c.key, multiple: c.multiple, options: c.options.map((o) => ({ key: o.key, value: o.value, label: o.label })) })),
        source: 'CISA NCISS public demonstration configuration (notional); bands: CMU SEI CITE',
      },
      ncsc: ncscCategories.map((c) => ({ category: c.category, label: c.label })),
      rsit: rsitClasses.map((c) => ({ key: c.key, types: c.types.map((t) => ({ key: t.key, machineTag: rsitMachineTag(`${c.key}:${t.key}`) })) })),
      nis: { rootCauses: [...nisRootCauses], impactSeverities: [...nisImpactKeys], threatSeverities: nisThreatSeverities.map((s) => s.key), outlooks: [...nisOutlooks], sectors: nis2SectorKeys },
      crosswalk: { levels: crosswalk.levels.map((l) => ({ ...l })), rootCauses: crosswalk.rootCauses.map((r) => ({ ...r })) },
    } satisfies z.infer<typeof framesSchema>;
  });

  app.get('/api/v1/incidents', {
    schema: { tags, summary: 'The incidents the caller may read', description: 'For designated contacts and the secretariat; each incident as its TLP marking allows (RED: its author; AMBER, AMBER+STRICT: its organisation\'s contacts; GREEN: the cooperation space; CLEAR: anyone).', querystring: incidentsListQuerySchema, response: { 200: incidentListSchema, 401: problemSchema, 403: problemSchema } },
  }, async (request) => {
    const { page, pageSize } = request.query;
    const { rows, total } = await listReadableIncidents(db, await getActor(request), { limit: pageSize, offset: (page - 1) * pageSize });
    const names = await createIncidentsRepository(db).supporterNames([...new Set(rows.map((r) => r.supporterId))]);
    const now = new Date();
    return { total, page, pageSize, items: rows.map((r) => presentIncident(r, names.get(r.supporterId) ?? '', now)) };
  });

  app.get('/api/v1/incidents/:incident', {
    schema: { tags, summary: 'One incident', description: 'Not found (404) for whoever its TLP marking excludes, as for one that does not exist.', params: incidentParamsSchema, response: { 200: incidentSchema, 401: problemSchema, 404: problemSchema } },
  }, async (request) => {
    const incident = await findReadableIncident(db, await getActor(request), request.params.incident);
    const names = await createIncidentsRepository(db).supporterNames([incident.supporterId]);
    return presentIncident(incident, names.get(incident.supporterId) ?? '', new Date());
  });
}
