import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/helpers/app.js';
import { createTemporaryDatabase, type TemporaryDatabase } from '../../../test/helpers/database.js';
import { needsShared, sharedPaths } from '../../../test/helpers/shared-data.js';
import { defaultReportPath, wg6Files } from './io/toolkit.source.js';

const run = promisify(execFile);
const workbookPath = path.join(sharedPaths.officialSite, wg6Files.workbook);
const workbook = needsShared('the WG6 workbook', workbookPath);

async function pariscall(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(!workbook.available)(workbook.title('pariscall toolkit import'), () => {
  let database: TemporaryDatabase | undefined;
  let env: Record<string, string> = {};
  beforeAll(async () => {
    database = await createTemporaryDatabase('toolkit_cli');
    env = database.env;
  });
  afterAll(async () => database?.remove());

  it('refuses a workbook that is not the published one, naming its sheet and cell, and writes nothing', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbookPath);
    book.getWorksheet('Public policy')!.getCell('F4').value = null;
    const altered = path.join(String(env.DATA_DIR), path.basename(workbookPath));
    fs.mkdirSync(path.dirname(altered), { recursive: true });
    await book.xlsx.writeFile(altered);
    const result = await pariscall(['toolkit', 'import', altered, '--report', defaultReportPath(workbookPath)], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Public policy!F4/);
    expect(result.stderr).toMatch(/Nothing was written/);
  }, 120_000);

  it('imports the workbook and the report, lists counts and anomalies with their cells, then finds nothing to do', async () => {
    const first = await pariscall(['toolkit', 'import', workbookPath], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Toolkit data set wg6-2021: imported/);
    expect(first.stdout).toMatch(/frameworks:\s+35\n/);
    expect(first.stdout).toMatch(/actions:\s+25\n/);
    expect(first.stdout).toMatch(/reviewed pairs:\s+875 \(271 with a quotation, 604 reviewed with nothing found\)/);
    expect(first.stdout).toMatch(/stakeholder matrix:\s+100 cells, 76 marked/);
    // Every anomaly is listed with the cell it concerns.
    expect(first.stdout).toMatch(/\n {4}[A-Za-z &-]+![A-Z]+\d+(:[A-Z]+\d+)? {2}formula-cached-value: /);
    const second = await pariscall(['toolkit', 'import', workbookPath, '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ dataset: 'wg6-2021', written: false, frameworks: 35, cells: 875 });
  }, 120_000);

  it('asks for the report when it is not where the shared folder keeps it', async () => {
    const lone = path.join(String(env.DATA_DIR), 'lone.xlsx');
    fs.copyFileSync(workbookPath, lone);
    const result = await pariscall(['toolkit', 'import', lone], env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/give it with --report/);
  }, 60_000);
});
