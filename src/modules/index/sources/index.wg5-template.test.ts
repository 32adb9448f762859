import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../../test/helpers/shared-data.js';
import { WG5_FRAMEWORK } from './index.wg5-framework.js';
import { isWg5Framework, wg5TemplateTables, wg5WithoutData } from './index.wg5-template.js';

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
    expect(wg5WithoutData(wg5TemplateTables().iMeta.rows)).toEqual({ categories: [], indicators: [] });
  });

  it('lists the categories with nothing in the iMeta and every candidate indicator left out, with its place in the tree', () => {
    const gaps = wg5WithoutData([
      ...['GCI', 'Shutdowns'].map((iCode) => ({ iCode, Type: 'Indicator' })),
      ...['Index', 'Confidence', 'ConfEnv', 'Information', 'InfoAvail'].map((iCode) => ({ iCode, Type: 'Aggregate' })),
    ]);
    expect(gaps?.categories.map((c) => c.code)).toEqual(['Services', 'Change', 'Tension']);
    expect(gaps?.indicators.map((i) => i.code)).not.toContain('GCI');
    expect(gaps?.indicators).toHaveLength(allIndicators.length - 2);
    expect(gaps?.indicators.find((i) => i.code === 'RiskAssess')).toMatchObject({ category: WG5_FRAMEWORK[0]?.name, subDimension: 'Secure and reliable technological environment' });
  });

  it('says nothing of an index that does not follow the WG5 framework', () => {
    const rows = [...['shut', 'press', 'inc', 'gci'].map((iCode) => ({ iCode, Type: 'Indicator' })), ...['Index', 'Info', 'Serv'].map((iCode) => ({ iCode, Type: 'Aggregate' }))];
    expect(wg5WithoutData(rows)).toBeNull();
  });

  it('decides on the indicators: most of them must carry WG5 codes, whatever the aggregates are called', () => {
    const indicators = (codes: string[]) => codes.map((iCode) => ({ iCode, Type: 'Indicator' }));
    const wg5Aggregates = ['Index', 'Services', 'Confidence'].map((iCode) => ({ iCode, Type: 'Aggregate' }));
    expect(isWg5Framework([...indicators(['GCI', 'Shutdowns', 'mine']), ...wg5Aggregates])).toBe(true);
    expect(isWg5Framework([...indicators(['GCI', 'a', 'b']), ...wg5Aggregates])).toBe(false);
    expect(isWg5Framework(wg5Aggregates)).toBe(false);
  });
});

const asem = needsShared('the COINr ASEM example', sharedPaths.coinrAsem);

describe.skipIf(!asem.available)(asem.title('the COINr ASEM example'), () => {
  // Its indicator "Services" (trade in services) and its top "Index" share codes with WG5's tree: still not WG5's.
  const iMeta = parse(readFileSync(join(asem.path, 'ASEM_iMeta.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

  it('is not a WG5 edition: no WG5 category nor indicator is listed as not measured', () => {
    expect(iMeta.some((r) => r.iCode === 'Services' && r.Type === 'Indicator')).toBe(true);
    expect(isWg5Framework(iMeta)).toBe(false);
    expect(wg5WithoutData(iMeta)).toBeNull();
  });
});
