/** Builders for the incidents' tests: a full set of facts, and the crosswalk as shipped in the reference bundle. */
import fs from 'node:fs';
import path from 'node:path';
import { parseBundleFile } from '../../app/reference/bundle-file.js';
import { referenceDir } from '../../app/reference/reference.js';
import { crosswalkEntrySchema, crosswalkOf, type Crosswalk } from './incidents.crosswalk.js';
import type { IncidentFacts } from './incidents.models.js';
import { crosswalkFile } from './incidents.reference.js';

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
