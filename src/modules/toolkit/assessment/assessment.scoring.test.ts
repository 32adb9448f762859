import { beforeAll, describe, expect, it } from 'vitest';
import { applicabilityOf } from './assessment.profile.js';
import type { StakeholderCell } from './assessment.profile.js';
import { buildGapReport } from './assessment.report.js';
import { recommendFrameworks, scoreAction, type ReferenceData } from './assessment.scoring.js';
import { lookupOf, newAssessmentToken, sealAssessment, unsealAssessment } from './assessment.sealing.js';
import { bundleReference, buildAssessment, buildContext } from './assessment.test-support.js';

let data: ReferenceData;
let fixtureMarks: StakeholderCell[];
beforeAll(async () => {
  ({ data, marks: fixtureMarks } = await bundleReference());
});
const codes = () => data.actions.map((a) => a.code);
const action = (code: string) => data.actions.find((a) => a.code === code)!;

describe('which actions apply (the report’s matrix, through toolkit.applicability)', () => {
  it('a public body that only buys ICT gets A2 (customers) but not A3 (developers) nor A4–A6 (both)', () => {
    const applies = applicabilityOf(buildContext({ organisationKind: 'public-sector', customer: true, developer: false }), codes(), fixtureMarks);
    expect(applies.get('A2')).toMatchObject({ applies: true, reasons: [{ stakeholder: 'public-sector', met: true }] });
    expect(applies.get('A3')?.applies).toBe(false);
    expect(applies.get('A4')?.applies).toBe(false);
    expect(applies.get('A1')?.applies).toBe(false); // the public-sector column is blank for A1
    expect(applies.get('A19')?.applies).toBe(true);
    expect([...applies.values()].filter((a) => a.applies)).toHaveLength(19);
  });

  it('a company on the demand side only is not asked about its product’s code (A3) but is about vulnerability management (A14)', () => {
    const applies = applicabilityOf(buildContext({ customer: true, developer: false }), codes(), fixtureMarks);
    expect(applies.get('A3')?.applies).toBe(false);
    expect(applies.get('A14')).toMatchObject({ applies: true, reasons: [{ stakeholder: 'demand-side' }] });
    expect(applies.get('A13')?.applies).toBe(false);
  });
});

describe('scoring', () => {
  it('a gap is the distance to level 3; its priority grows with the frameworks already applied that address it', () => {
    const context = buildContext({ frameworksApplied: ['pp-5', 'cn-5'] });
    const score = scoreAction(action('A14'), 1, context, data);
    expect(score.distance).toBe(2);
    expect(score.appliedAddressing).toEqual(['pp-5', 'cn-5'].filter((k) => data.quoted.get(k)?.has('A14')));
    expect(score.priority).toBe(2 * (1 + score.appliedAddressing.length));
    expect(scoreAction(action('A14'), 4, context, data)).toMatchObject({ distance: 0, priority: 0 });
    expect(scoreAction(action('A14'), 'n/a', context, data)).toMatchObject({ distance: 0, priority: 0 });
  });

  it('recommends frameworks quoting the action, scored recipient 3 + applied 2 + 1 per other gap + 1 for a locator', () => {
    const context = buildContext({ customer: false, frameworksApplied: ['pp-5'] });
    const recommendations = recommendFrameworks('A14', ['A14', 'A15'], context, data);
    expect(recommendations).toHaveLength([...data.quoted.values()].filter((m) => m.has('A14')).length);
    for (const r of recommendations) {
      expect(r.score).toBe((r.recipient ? 3 : 0) + (r.applied ? 2 : 0) + r.otherGaps.length + (r.locator ? 1 : 0));
    }
    expect(recommendations.map((r) => r.score)).toEqual([...recommendations.map((r) => r.score)].sort((a, b) => b - a));
    expect(recommendations.find((r) => r.framework === 'pp-5')?.applied).toBe(true);
  });
});

describe('the gap report', () => {
  it('everything at 0 for a developer and buyer: 25 gaps, per-principle counts, and a minimum cover with its reasons', () => {
    const report = buildGapReport(buildAssessment({ level: 0 }), data, fixtureMarks);
    const applicable = report.scores.map((s) => s.code);
    expect(applicable).not.toContain('A13');
    expect(applicable).not.toContain('A19');
    expect(report.gaps).toHaveLength(applicable.length);
    expect(report.principles.reduce((n, p) => n + p.gaps, 0)).toBe(applicable.length);
    const covered = new Set(report.cover.chosen.flatMap((key) => [...data.quoted.get(key)!.keys()]));
    for (const gap of report.gaps) expect(covered.has(gap.code) || report.cover.uncovered.includes(gap.code)).toBe(true);
    // Every chosen framework is needed: it alone covers at least one gap of the cover.
    for (const reason of report.cover.reasons) expect(reason.only.length).toBeGreaterThan(0);
    expect(report.cover.witness.length).toBeLessThanOrEqual(report.cover.chosen.length);
  });

  it('computes under 20 ms for 25 actions × 35 frameworks, set cover included', () => {
    const assessment = buildAssessment({ level: 0 });
    buildGapReport(assessment, data, fixtureMarks);
    const started = performance.now();
    for (let i = 0; i < 20; i++) buildGapReport(assessment, data, fixtureMarks);
    expect((performance.now() - started) / 20).toBeLessThan(20);
  });

  it('n/a and levels at target leave no gap; the change since the previous version lists closed and opened gaps', () => {
    const before = buildAssessment({ level: 3, answers: { A14: { level: 1 }, A15: { level: 4 } }, assessedAt: '2025-06-01T00:00:00.000Z' });
    const after = buildAssessment({ level: 3, answers: { A14: { level: 4 }, A15: { level: 2 }, A1: { level: 'n/a', justification: 'We sell no product' } } });
    const report = buildGapReport({ ...after, previous: [before.current] }, data, fixtureMarks);
    expect(report.gaps.map((g) => g.code)).toEqual(['A15']);
    expect(report.difference).toMatchObject({
      previousAt: '2025-06-01T00:00:00.000Z',
      closed: ['A14'],
      opened: ['A15'],
      changes: [
        { code: 'A1', before: 3, after: 'n/a' },
        { code: 'A14', before: 1, after: 4 },
        { code: 'A15', before: 4, after: 2 },
      ],
    });
  });
});

describe('the private link’s sealing', () => {
  it('opens only with the token it was sealed under, and the lookup is not the token', () => {
    const token = newAssessmentToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lookupOf(token)).not.toContain(token);
    const sealed = sealAssessment(token, '{"secret":"answers"}');
    expect(sealed).not.toContain('answers');
    expect(unsealAssessment(token, sealed)).toBe('{"secret":"answers"}');
    expect(() => unsealAssessment(newAssessmentToken(), sealed)).toThrow();
    const [v, iv, tag, body] = sealed.split('.');
    // The first character always carries six bits of ciphertext: changing it always changes a byte.
    const flipped = `${body!.startsWith('A') ? 'B' : 'A'}${body!.slice(1)}`;
    expect(() => unsealAssessment(token, [v, iv, tag, flipped].join('.'))).toThrow();
  });
});
