import { describe, expect, it } from 'vitest';
import { parseTlpLabel, tlpLabels, tlpMayForward, tlpMayOutput, tlpMayRead, tlpRelations, tlpText, type TlpLabel, type TlpRelation } from './tlp.js';

/**
 * Every marking × relation × action, written out as a table (not computed from the rule it checks): a change to the
 * rules must change this table on purpose.
 */
const read: Record<TlpLabel, Record<TlpRelation, boolean>> = {
  RED: { individual: true, organisation: false, community: false, world: false },
  'AMBER+STRICT': { individual: true, organisation: true, community: false, world: false },
  AMBER: { individual: true, organisation: true, community: false, world: false },
  GREEN: { individual: true, organisation: true, community: true, world: false },
  CLEAR: { individual: true, organisation: true, community: true, world: true },
};
const forward: Record<TlpLabel, Record<TlpRelation, boolean>> = {
  RED: { individual: false, organisation: false, community: false, world: false },
  'AMBER+STRICT': { individual: true, organisation: true, community: false, world: false },
  AMBER: { individual: true, organisation: true, community: false, world: false },
  GREEN: { individual: true, organisation: true, community: true, world: false },
  CLEAR: { individual: true, organisation: true, community: true, world: true },
};
const output: Record<TlpLabel, Record<'public' | 'reader-export' | 'email-body', boolean>> = {
  RED: { public: false, 'reader-export': true, 'email-body': false },
  'AMBER+STRICT': { public: false, 'reader-export': true, 'email-body': false },
  AMBER: { public: false, 'reader-export': true, 'email-body': false },
  GREEN: { public: false, 'reader-export': true, 'email-body': true },
  CLEAR: { public: true, 'reader-export': true, 'email-body': true },
};

describe('TLP 2.0 as access control', () => {
  const cells = tlpLabels.flatMap((label) => tlpRelations.map((relation) => [label, relation] as const));
  it.each(cells)('%s read by a reader in relation %s', (label, relation) => {
    expect(tlpMayRead(label, relation)).toBe(read[label][relation]);
  });
  it.each(cells)('%s forwarded to a person in relation %s', (label, relation) => {
    expect(tlpMayForward(label, relation)).toBe(forward[label][relation]);
  });
  it.each(tlpLabels.flatMap((label) => (['public', 'reader-export', 'email-body'] as const).map((out) => [label, out] as const)))('%s written to %s', (label, out) => {
    expect(tlpMayOutput(label, out)).toBe(output[label][out]);
  });
  it('never lets anyone pass TLP:RED on, not even to another individual recipient (the source adds people)', () => {
    expect(tlpRelations.some((r) => tlpMayForward('RED', r))).toBe(false);
  });
  it('keeps AMBER+STRICT no wider than AMBER, and only CLEAR reaches the world', () => {
    for (const relation of tlpRelations) if (tlpMayRead('AMBER+STRICT', relation)) expect(tlpMayRead('AMBER', relation)).toBe(true);
    expect(tlpLabels.filter((l) => tlpMayRead(l, 'world'))).toEqual(['CLEAR']);
  });
  it('parses labels as TLP 2.0 writes them, maps TLP 1.0 WHITE to CLEAR, and refuses anything else', () => {
    expect(parseTlpLabel('TLP:AMBER+STRICT')).toBe('AMBER+STRICT');
    expect(parseTlpLabel(' tlp:red ')).toBe('RED');
    expect(parseTlpLabel('WHITE')).toBe('CLEAR');
    expect(parseTlpLabel('TLP:EX:CHR')).toBeNull();
    expect(parseTlpLabel('AMBER STRICT')).toBeNull();
    expect(parseTlpLabel('')).toBeNull();
    expect(tlpText('AMBER+STRICT')).toBe('TLP:AMBER+STRICT');
  });
});
