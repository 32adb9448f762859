/**
 * The secretariat's settings: the NCISS weights and bands (a new version per save; incidents keep the version they were
 * scored with) and the crosswalk's rows (incidents.crosswalk-usecases.ts). Checks are pure and return catalog keys.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Database } from '../../app/database/database.js';
import { incidentInvalid } from './incidents.errors.js';
import type { Issues } from './incidents.input.js';
import { ncissCategoryKeys, type NcissConfig } from './incidents.nciss.js';
import { incidentsPolicies } from './incidents.policies.js';
import { createIncidentsRepository } from './incidents.repository.js';
import type { ScoringConfigRow } from './incidents.tables.js';

export function checkNcissConfig(config: NcissConfig): Issues {
  const issues: Issues = {};
  const weights = ncissCategoryKeys.map((k) => config.weights[k]);
  if (weights.some((w) => !Number.isFinite(w) || w < 0 || w > 100) || !weights.some((w) => w > 0)) issues.weights = 'error.weights';
  const b = config.bands;
  if (b.length !== 5 || b.some((x) => !Number.isFinite(x) || x < 0 || x > 100) || b.some((x, i) => i > 0 && x >= b[i - 1]!)) issues.bands = 'error.bands';
  return issues;
}

/** The configuration from the form's fields (`weight.<category>`, `band.5` … `band.1`); NaN where a field is not a number. */
export function configFromForm(body: Record<string, unknown>): NcissConfig {
  const num = (name: string) => (typeof body[name] === 'string' && (body[name] as string).trim() !== '' ? Number(body[name]) : Number.NaN);
  return {
    weights: Object.fromEntries(ncissCategoryKeys.map((k) => [k, num(`weight.${k}`)])) as NcissConfig['weights'],
    bands: [num('band.5'), num('band.4'), num('band.3'), num('band.2'), num('band.1')],
  };
}

export async function saveScoringConfig(input: { db: Database; actor: Actor; config: NcissConfig }): Promise<ScoringConfigRow> {
  const user = authorize(input.actor, incidentsPolicies.administer, undefined);
  const issues = checkNcissConfig(input.config);
  if (Object.keys(issues).length) throw incidentInvalid(Object.entries(issues).map(([field, message]) => ({ field, message, code: message })));
  return input.db.transaction(async (tx) => {
    const row = await createIncidentsRepository(tx).insertConfig(input.config, actorRef(user));
    await recordAudit(tx, { actor: actorRef(user), action: 'incidents.scoring.save', subject: `v${row.version}`, details: { config: input.config } });
    return row;
  });
}
