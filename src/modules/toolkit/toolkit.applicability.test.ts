import { beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../app/reference/reference.js';
import { applicableActions, groupsOf, recipientOf, requirementOf, type OrganisationProfile, type StakeholderCell } from './toolkit.applicability.js';
import { toolkitReference } from './toolkit.reference.js';

// The bundle the repository ships: the report's matrix as the importer read it.
let cells: StakeholderCell[];
let actions: string[];
beforeAll(async () => {
  const dataset = await toolkitReference.read(referenceDir);
  actions = dataset.actions.map((a) => a.code);
  cells = dataset.stakeholderRoles.map(({ action, ...role }) => ({ ...role, actionCode: action }));
});

const applying = (profile: OrganisationProfile) =>
  applicableActions(profile, actions, cells)
    .filter((a) => a.applies)
    .map((a) => a.action);

describe('which actions concern an organisation', () => {
  it('reads the public sector\'s conditions: a buyer gets A2, a developer A3 and A11, both A4–A6', () => {
    const buyer = applying({ kind: 'public-sector', buysIct: true, developsIct: false });
    expect(buyer).toContain('A2');
    expect(buyer).not.toContain('A3');
    expect(buyer).not.toContain('A4');
    expect(buyer).not.toContain('A1');
    const developer = applying({ kind: 'public-sector', buysIct: false, developsIct: true });
    expect(developer).toEqual(expect.arrayContaining(['A3', 'A11']));
    expect(developer).not.toContain('A2');
    expect(applying({ kind: 'public-sector', buysIct: true, developsIct: true })).toHaveLength(24);
  });

  it('explains a refusal with the condition as printed and its page', () => {
    const a4 = applicableActions({ kind: 'public-sector', buysIct: true, developsIct: false }, actions, cells).find((a) => a.action === 'A4');
    expect(a4).toEqual({
      action: 'A4',
      applies: false,
      reasons: [{ stakeholder: 'public-sector', condition: 'if it is both a customer and developer/product of ICT products and services', requirement: 'customer-and-developer', met: false, source: 'report p. 26' }],
    });
  });

  it('gives an international organisation its 16 actions and a supplier its 23', () => {
    expect(applying({ kind: 'international-organization', buysIct: true, developsIct: false })).toHaveLength(16);
    const supplier = applying({ kind: 'private-organization', buysIct: false, developsIct: true });
    expect(supplier).toHaveLength(23);
    expect(supplier).not.toContain('A13');
  });

  it('leaves mainstream users out where the report says "except for mainstream users"', () => {
    expect(applying({ kind: 'individual', buysIct: true, developsIct: false })).toEqual(['A14', 'A15', 'A22', 'A23']);
    // An SME buying ICT is on the demand side without the exception.
    expect(applying({ kind: 'private-organization', buysIct: true, developsIct: false })).toHaveLength(13);
  });

  it('places each kind in its groups and recipient column', () => {
    expect(groupsOf({ kind: 'private-organization', buysIct: true, developsIct: true })).toEqual(['supply-side', 'demand-side']);
    expect(groupsOf({ kind: 'private-organization', buysIct: false, developsIct: false })).toEqual(['demand-side']);
    expect(recipientOf({ kind: 'public-sector', buysIct: false, developsIct: false })).toBe('states');
    expect(recipientOf({ kind: 'individual', buysIct: true, developsIct: false })).toBe('individuals');
    expect(requirementOf('public sector could both develop such policies for the market')).toBeNull();
  });
});
