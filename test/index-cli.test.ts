import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/app.js';
import { needsShared, sharedPaths } from './helpers/shared-data.js';

const run = promisify(execFile);
const asem = needsShared('pariscall index run on COINr’s ASEM example', sharedPaths.coinrAsem);
const ASEM = asem.path;
const FIX = path.join(repoRoot, 'src/modules/index/io/fixtures');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-index-'));

/** Runs the real `pariscall index …` command (it needs no database). */
async function pariscall(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('pariscall index run', () => {
  it.skipIf(!asem.available)(asem.title('on COINr’s ASEM example with its configuration, writes COINr’s published scores and ranks'), async () => {
    const dir = tmp();
    const config = path.join(dir, 'pipeline.json');
    fs.writeFileSync(config, JSON.stringify({
      steps: [
        { step: 'denominate' }, { step: 'impute', method: 'groupMean', group: 'EurAsia_group' }, { step: 'screen', unitScreen: 'byNA', datThresh: 0.9 },
        { step: 'treat', winmax: 5 }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 },
      ],
      aggregate: { method: 'arithmetic' },
    }));
    const out = path.join(dir, 'results.csv');
    const result = await pariscall(['index', 'run', '--data', path.join(ASEM, 'ASEM_iData.csv'), '--meta', path.join(ASEM, 'ASEM_iMeta.csv'), '--config', config, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/11 aggregate\(s\) for 51 unit row\(s\)/);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]?.startsWith('uCode,uName,Time,Index,Index_rank,Conn,Conn_rank,Sust,Sust_rank')).toBe(true);
    const che = lines.find((l) => l.startsWith('CHE,'))?.split(',') ?? [];
    expect([Number(che[3]).toFixed(2), che[4]]).toEqual(['68.38', '1']);

    const json = path.join(dir, 'results.json');
    expect((await pariscall(['index', 'run', '--data', path.join(ASEM, 'ASEM_iData_p.csv'), '--meta', path.join(ASEM, 'ASEM_iMeta.csv'), '--out', json])).code).toBe(0);
    const parsed = JSON.parse(fs.readFileSync(json, 'utf8')) as { config: { steps: { step: string }[] }; results: unknown[] };
    expect(parsed.config.steps.map((s) => s.step)).toEqual(['denominate', 'treat', 'normalise']);
    expect(parsed.results).toHaveLength(255);
  }, 60_000);

  it('reads a workbook holding both sheets and writes XLSX', async () => {
    const out = path.join(tmp(), 'results.xlsx');
    const result = await pariscall(['index', 'run', '--data', path.join(FIX, 'small.xlsx'), '--out', out]);
    expect(result.code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
  }, 60_000);

  it('on bad input, prints every problem with row and column, exits non-zero and writes nothing', async () => {
    const out = path.join(tmp(), 'results.csv');
    const result = await pariscall(['index', 'run', '--data', path.join(FIX, 'bad-iData.csv'), '--meta', path.join(FIX, 'bad-iMeta.csv'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Nothing imported: 8 problem\(s\) in the input\./);
    expect(result.stderr).toContain('iData, data row 2, column press: "n/a" is not a number [idata.cell.non_numeric]');
    expect(result.stderr).toContain('iMeta, data row 8, column Parent: cycle in the tree: LoopA → LoopB → LoopA [imeta.parent.cycle]');
    expect(result.stderr).toContain('[imeta.weight.zero_sum]');
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);

  it('on a bad pipeline.json, names the field and exits non-zero', async () => {
    const dir = tmp();
    const config = path.join(dir, 'pipeline.json');
    fs.writeFileSync(config, JSON.stringify({ steps: [{ step: 'screen', datThresh: 2 }] }));
    const result = await pariscall(['index', 'run', '--data', path.join(FIX, 'small-iData.csv'), '--meta', path.join(FIX, 'small-iMeta.csv'), '--config', config, '--out', path.join(dir, 'r.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('steps.0.datThresh: Too big: expected number to be <=1');
  }, 60_000);
});
