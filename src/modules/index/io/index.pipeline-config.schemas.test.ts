import { describe, expect, it } from 'vitest';
import { COINR_ASEM_EXAMPLE, DEFAULT_PIPELINE } from '../engine/pipeline.js';
import { parsePipelineConfig } from './index.pipeline-config.schemas.js';

describe('pipeline.json validation', () => {
  it.each([['COINr defaults', DEFAULT_PIPELINE], ['the ASEM example', COINR_ASEM_EXAMPLE]])('accepts %s unchanged', (_n, config) => {
    expect(parsePipelineConfig(JSON.parse(JSON.stringify(config)))).toEqual({ ok: true, config });
  });

  it('turns per-level JSON keys into levels', () => {
    const parsed = parsePipelineConfig({ steps: [], aggregate: { method: { 2: 'geometric', 3: 'arithmetic' }, datThresh: { 2: 0.5 } } });
    expect(parsed).toEqual({ ok: true, config: { steps: [], aggregate: { method: { 2: 'geometric', 3: 'arithmetic' }, datThresh: { 2: 0.5 } } } });
  });

  it.each([
    { method: 'pca' },
    { method: 'equal', levels: [3] },
    { method: 'manual' },
    { method: 'optimised', levels: [2, 3], optype: 'infomax', toler: 1e-6, maxiter: 2000 },
  ])('accepts the weighting %j', (weighting) => {
    expect(parsePipelineConfig({ steps: [], aggregate: { weighting } })).toEqual({ ok: true, config: { steps: [], aggregate: { weighting } } });
  });

  it.each([
    [{ steps: [{ step: 'normalize' }] }, "steps.0.step: Invalid discriminator value. Expected 'denominate' | 'screen' | 'impute' | 'treat' | 'normalise'"],
    [{ steps: [{ step: 'screen', datThresh: 1.5 }] }, 'steps.0.datThresh: Too big: expected number to be <=1'],
    [{ steps: [{ step: 'treat', winmx: 5 }] }, 'steps.0: Unrecognized key: "winmx"'],
    [{ steps: [{ step: 'impute', method: 'knn' }] }, 'steps.0.method'],
    [{ steps: [{ step: 'normalise', method: 'zscore', sd: 0 }] }, 'steps.0.sd: Too small: expected number to be >0'],
    [{ steps: [{ step: 'normalise', method: 'goalposts', goalposts: { a: { lower: 5, upper: 1 } } }] }, 'upper must exceed lower'],
    [{ steps: [], aggregate: { method: 'median' } }, 'aggregate.method: give arithmetic, geometric or harmonic'],
    [{ steps: [], aggregate: { datThresh: { 1: 0.5 } } }, 'aggregate.datThresh: give a share in [0, 1]'],
    [{ steps: [], aggregate: { weighting: { method: 'entropy' } } }, 'aggregate.weighting.method: give method equal, manual, pca or optimised'],
    [{ steps: [], aggregate: { weighting: { method: 'pca', optype: 'balance' } } }, 'aggregate.weighting: Unrecognized key: "optype"'],
    [{ steps: [], aggregate: { weighting: { method: 'optimised', optype: 'maximal' } } }, 'aggregate.weighting.optype'],
    [{ steps: [], aggregate: { weighting: { method: 'optimised', toler: 0 } } }, 'aggregate.weighting.toler: Too small'],
    [{ steps: [], aggregate: { weighting: { method: 'pca', levels: [1] } } }, 'aggregate.weighting.levels.0: levels are whole numbers ≥ 2'],
    [{ steps: [], aggregate: { weighting: { method: 'pca', levels: [] } } }, 'aggregate.weighting.levels: Too small'],
    [{ steps: [], aggregate: { weightings: { method: 'pca' } } }, 'aggregate: Unrecognized key: "weightings"'],
    [{}, 'steps: Invalid input: expected array'],
  ])('rejects %j with a message naming the field', (input, message) => {
    const parsed = parsePipelineConfig(input);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problems.join('\n')).toContain(message);
  });
});
