/** Builders for the incidents' tests: a full set of facts, and the crosswalk as shipped in the reference bundle. */
import fs from 'node:fs';
import path from 'node:path';
import { parseBundleFile } from '../../app/reference/bundle-file.js';
import { referenceDir } from '../../app/reference/reference.js';
import { crosswalkEntrySchema, crosswalkOf, type Crosswalk } from './incidents.crosswalk.js';
import type { IncidentFacts } from './incidents.models.js';
import { crosswalkFile } from './incidents.reference.js';
import type { TlpLabel } from '../../app/authz/tlp.js';
import type { Executor } from '../../app/database/database.js';
import { loadCrosswalk } from './incidents.crosswalk-usecases.js';
import { classifyIncident } from './incidents.models.js';
import { createIncidentsRepository } from './incidents.repository.js';
import type { IncidentRow } from './incidents.tables.js';
import { currentScoringConfig } from './incidents.usecases.js';

/** A ransomware-like compromise of a medium organisation; override what a test is about. */
export function buildFacts(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    functionalImpact: 'significant-non-critical', observedActivity: 'presence', location: 'l2', actor: 'criminal',
    informationImpact: ['proprietary-information-loss'], recoverability: 'supplemented', crossSectorDependency: ['healthcare'], potentialImpact: 'moderate',
    victim: 'medium', effect: 'serious-impact', rsitType: 'information-content-security:unauthorised-information-modification', rootCause: 'malicious-actions', crossBorder: false,
    ...overrides,
  };
}

/** The shipped crosswalk (reference/incidents/crosswalk.jsonl). */
export function shippedCrosswalk(): Crosswalk {
  const text = fs.readFileSync(path.join(referenceDir, crosswalkFile), 'utf8');
  return crosswalkOf(parseBundleFile(crosswalkFile, text, crosswalkEntrySchema).records);
}

/** An incident inserted as if recorded (classified with the current configuration and crosswalk), for other tests' fixtures. */
export async function seedIncident(db: Executor, options: { supporterId: string; authorUserId: string | null; tlp: TlpLabel; title?: string; awareAt?: Date; facts?: Partial<IncidentFacts> }): Promise<IncidentRow> {
  const config = await currentScoringConfig(db);
  const facts = buildFacts(options.facts);
  const crosswalk = (await createIncidentsRepository(db).crosswalkIsEmpty()) ? shippedCrosswalk() : await loadCrosswalk(db);
  const classification = classifyIncident(facts, config.config, crosswalk);
  const awareAt = options.awareAt ?? new Date('2026-03-28T11:00:00Z');
  return createIncidentsRepository(db).insert({
    supporterId: options.supporterId, authorUserId: options.authorUserId, title: options.title ?? `Incident ${options.tlp}`, description: 'Seeded for a test.', language: 'en', tlp: options.tlp,
    detectedAt: new Date(awareAt.getTime() - 3_600_000), awareAt, timeZone: 'Europe/Paris', sectors: ['health'], countries: ['FRA'], usersAffected: 10, outlook: 'stable',
    facts, configVersion: config.version, classification, score: classification.nciss.score,
  });
}
