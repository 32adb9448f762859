import { describe, expect, it } from 'vitest';
import { crosswalkOf, type Crosswalk } from './incidents.crosswalk.js';
import { classifyIncident, levelOf } from './incidents.models.js';
import { defaultNcissConfig, ncissCategoryByKey, type NcissCategoryKey } from './incidents.nciss.js';
import { ncscCategoryOf } from './incidents.ncsc.js';
import { rsitClasses, rsitMachineTag, rsitTypeKeys } from './incidents.rsit.js';
import { buildFacts, shippedCrosswalk } from './incidents.test-support.js';

const crosswalk = shippedCrosswalk();
const classify = (overrides: Parameters<typeof buildFacts>[0] = {}, config = defaultNcissConfig, x: Crosswalk = crosswalk) => classifyIncident(buildFacts(overrides), config, x);

describe('NCISS, with the public demonstration configuration (brief §4.1)', () => {
  it.each([
    ['functionalImpact', 'denial-critical', 100], ['functionalImpact', 'minimal-non-critical', 35], ['observedActivity', 'presence', 80],
    ['location', 'unknown', 50], ['location', 'l7', 100], ['actor', 'witting-insider', 65], ['actor', 'apt-targeted', 100],
    ['informationImpact', 'core-credential-compromise', 80], ['recoverability', 'extended', 60], ['crossSectorDependency', 'energy', 100],
    ['crossSectorDependency', 'nuclear', 15], ['potentialImpact', 'high', 75],
  ] as const)('%s %s is worth %i', (category, option, value) => {
    expect(ncissCategoryByKey[category as NcissCategoryKey].options.find((o) => o.key === option)?.value).toBe(value);
  });

  it('the demonstration weights sum to 34', () => {
    expect(Object.values(defaultNcissConfig.weights).reduce((a, b) => a + b, 0)).toBe(34);
  });

  it('every category at its highest option scores 100, Emergency', () => {
    const top = classify({ functionalImpact: 'denial-critical', observedActivity: 'effect', location: 'l7', actor: 'apt-targeted', informationImpact: ['destruction-critical'], recoverability: 'not-recoverable', crossSectorDependency: ['energy'], potentialImpact: 'severe' });
    expect(top.nciss).toEqual({ score: 100, level: 5 });
  });

  it('a denial of critical services by an APT in an energy operator’s critical systems: 3120 / 34 = 91.76, Emergency', () => {
    const r = classify({ functionalImpact: 'denial-critical', observedActivity: 'effect', location: 'l6', actor: 'apt', informationImpact: ['destruction-critical'], recoverability: 'extended', crossSectorDependency: ['energy'], potentialImpact: 'severe' });
    expect(r.nciss).toEqual({ score: 91.76, level: 5 });
  });

  it('a multi-choice category takes its highest option; an unselected one counts 0 (CISA’s demo)', () => {
    const both = classify({ informationImpact: ['privacy-data-loss', 'core-credential-compromise'], crossSectorDependency: ['nuclear', 'communications'] });
    const highest = classify({ informationImpact: ['core-credential-compromise'], crossSectorDependency: ['communications'] });
    expect(both.nciss.score).toBe(highest.nciss.score);
    // The default facts: (6·50 + 5·80 + 4·40 + 4·40 + 2·50 + 4·40 + 3·30 + 6·50) / 34 = 1670 / 34
    expect(classify().nciss).toEqual({ score: 49.12, level: 1 });
    expect(classify({ crossSectorDependency: [] }).nciss.score).toBe(Math.round((1580 / 34) * 100) / 100);
  });

  it.each([[100, 5], [90, 5], [89.99, 4], [75, 4], [74.99, 3], [65, 3], [64.99, 2], [50, 2], [49.99, 1], [35, 1], [34.99, 0], [0, 0]])('with the 90/75/65/50/35 bands, %d is level %i', (score, level) => {
    expect(levelOf(defaultNcissConfig.bands, score)).toBe(level);
  });

  it('weights and bands are configuration: doubling potential impact and lowering the bands moves the score and the level', () => {
    const config = { weights: { ...defaultNcissConfig.weights, potentialImpact: 12 }, bands: [80, 60, 45, 30, 15] as [number, number, number, number, number] };
    expect(classify({}, config).nciss).toEqual({ score: 49.25, level: 3 }); // (1670 + 6·50) / 40
  });
});

describe('NCSC categories, from the definitions (brief §4.2)', () => {
  it.each([
    ['essential-service', 'sustained-disruption', 1, 'sustained disruption of UK essential services'],
    ['national-security', 'serious-impact', 1, 'affects UK national security'],
    ['central-government', 'serious-impact', 2, 'a serious impact on central government'],
    ['population', 'serious-impact', 2, 'a large proportion of the UK population'],
    ['large', 'serious-impact', 3, 'a serious impact on a large organisation'],
    ['essential-service', 'considerable-risk', 3, 'a considerable risk to … UK essential services'],
    ['medium', 'serious-impact', 4, 'a serious impact on a medium-sized organisation'],
    ['local-government', 'considerable-risk', 4, 'a considerable risk to … wider / local government'],
    ['small', 'serious-impact', 5, 'a cyber attack on a small organisation'],
    ['medium', 'considerable-risk', 5, 'a considerable risk to a medium-sized organisation'],
    ['large', 'preliminary', 5, 'preliminary indications of cyber activity against a large organisation'],
    ['individual', 'serious-impact', 6, 'a cyber attack on an individual'],
    ['small', 'preliminary', 6, 'preliminary indications … against a small … organisation'],
  ] as const)('%s × %s is C%i ("%s")', (victim, effect, category, _words) => {
    expect(ncscCategoryOf(victim, effect)).toBe(category);
    expect(classify({ victim, effect }).ncsc.category).toBe(category);
  });
});

describe('RSIT (MISP rsit v1003)', () => {
  it('has 11 classes and 39 types, each with a machine tag', () => {
    expect(rsitClasses).toHaveLength(11);
    expect(rsitTypeKeys).toHaveLength(39);
    expect(rsitMachineTag('intrusions:system-compromise')).toBe('rsit:intrusions="system-compromise"');
  });

  it('the type gives the class and the tag', () => {
    expect(classify({ rsitType: 'availability:ddos' }).rsit).toEqual({ class: 'availability', type: 'ddos', machineTag: 'rsit:availability="ddos"' });
    expect(classify({ rsitType: 'fraud:phishing' }).rsit.class).toBe('fraud');
  });
});

describe('EU Blueprint / NIS axes (brief §4.4)', () => {
  it.each([
    [{ functionalImpact: 'no-impact', informationImpact: ['suspected'] }, 'white'],
    [{ victim: 'essential-service', effect: 'sustained-disruption' }, 'red'],
    [{ victim: 'medium', effect: 'serious-impact', crossBorder: true }, 'red'],
    [{ victim: 'medium', effect: 'serious-impact' }, 'yellow'],
    [{ victim: 'central-government', effect: 'considerable-risk' }, 'yellow'],
    [{ victim: 'small', effect: 'considerable-risk' }, 'green'],
  ] as const)('%o has impact severity %s', (facts, colour) => {
    expect(classify(facts as never).nis.impactSeverity).toBe(colour);
  });

  it.each([['severe', 'high'], ['high', 'high'], ['moderate', 'medium'], ['low', 'low'], ['minimal', 'low']])('potential impact %s is a %s threat', (potentialImpact, severity) => {
    expect(classify({ potentialImpact }).nis.threatSeverity).toBe(severity);
  });
});

describe('the crosswalk (brief §4.5)', () => {
  it('ships the brief’s six levels: NCISS 5 ↔ C1 ↔ red … NCISS 0 ↔ C6 ↔ white', () => {
    expect(crosswalk.levels.map((l) => [l.level, l.ncissLevel, l.ncscCategory, l.euImpact.join('/')])).toEqual([
      [5, 5, 1, 'red'], [4, 4, 2, 'red'], [3, 3, 3, 'yellow'], [2, 2, 4, 'yellow/green'], [1, 1, 5, 'green'], [0, 0, 6, 'white'],
    ]);
  });

  it('says where the frames agree and where they do not', () => {
    const r = classify(); // NCISS 49.12 (L1), medium × serious = C4 (L2), yellow (L2 or L3)
    expect(r.crosswalk).toMatchObject({ commonLevel: 1, levelFromNcsc: 2, levelsFromEuImpact: [2, 3], ncscAgrees: false, euImpactAgrees: false, rootCauseAgrees: true });
    const severe = classify({ functionalImpact: 'denial-critical', observedActivity: 'effect', location: 'l6', actor: 'apt', informationImpact: ['destruction-critical'], recoverability: 'extended', crossSectorDependency: ['energy'], potentialImpact: 'severe', victim: 'essential-service', effect: 'sustained-disruption' });
    expect(severe.crosswalk).toMatchObject({ commonLevel: 5, ncscAgrees: true, euImpactAgrees: true });
  });

  it('an edited mapping changes the verdict (L1 ↔ C4 makes the example agree)', () => {
    const edited = crosswalkOf([...crosswalk.levels.map((l) => (l.level === 1 ? { ...l, ncscCategory: 4, euImpact: ['yellow' as const] } : l.level === 2 ? { ...l, ncscCategory: 5 } : l)), ...crosswalk.rootCauses]);
    expect(classify({}, defaultNcissConfig, edited).crosswalk).toMatchObject({ ncscAgrees: true, euImpactAgrees: true });
  });

  it('a root cause the RSIT class does not suggest is flagged', () => {
    expect(classify({ rsitType: 'availability:outage', rootCause: 'system-failures' }).crosswalk.rootCauseAgrees).toBe(false);
    expect(classify({ rsitType: 'other:undetermined', rootCause: 'natural-phenomena' }).crosswalk.rootCauseAgrees).toBe(true);
  });
});
