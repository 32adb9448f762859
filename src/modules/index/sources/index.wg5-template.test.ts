import { describe, expect, it } from 'vitest';
import { WG5_FRAMEWORK } from './index.wg5-framework.js';
import { wg5TemplateTables, wg5WithoutData } from './index.wg5-template.js';

const allIndicators = WG5_FRAMEWORK.flatMap((c) => c.subDimensions.flatMap((s) => s.indicators));

describe('the WG5 template', () => {
  it('holds every category, sub-dimension and candidate indicator once, each indicator under its sub-dimension', () => {
    const { iMeta, iData } = wg5TemplateTables();
    const codes = iMeta.rows.map((r) => r.iCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(iMeta.rows.filter((r) => r.Type === 'Indicator')).toHaveLength(allIndicators.length);
    const gci = iMeta.rows.find((r) => r.iCode === 'GCI');
    expect(gci).toMatchObject({ Level: '1', Parent: 'ConfEnv', Direction: '1' });
    expect(iData.columns).toEqual(['uCode', 'uName', 'Time', ...allIndicators.map((i) => i.code)]);
  });
});

describe('wg5WithoutData', () => {
  it('lists nothing when the whole framework is there', () => {
    expect(wg5WithoutData(wg5TemplateTables().iMeta.rows.map((r) => r.iCode ?? ''))).toEqual({ categories: [], indicators: [] });
  });

  it('lists the categories with nothing in the iMeta and every candidate indicator left out, with its place in the tree', () => {
    const gaps = wg5WithoutData(['Index', 'Confidence', 'ConfEnv', 'GCI', 'Information', 'InfoAvail', 'Shutdowns']);
    expect(gaps?.categories.map((c) => c.code)).toEqual(['Services', 'Change', 'Tension']);
    expect(gaps?.indicators.map((i) => i.code)).not.toContain('GCI');
    expect(gaps?.indicators).toHaveLength(allIndicators.length - 2);
    expect(gaps?.indicators.find((i) => i.code === 'RiskAssess')).toMatchObject({ category: WG5_FRAMEWORK[0]?.name, subDimension: 'Secure and reliable technological environment' });
  });

  it('says nothing of an index that does not follow the WG5 framework', () => {
    expect(wg5WithoutData(['Index', 'Info', 'Serv', 'shut', 'press', 'inc', 'gci'])).toBeNull();
  });
});
