import { describe, expect, it } from 'vitest';
import { AppError } from '../../../app/http/errors.js';
import { editionConfigOf, parseTables } from '../index.compute.js';
import { checkEditionTables, offThreadCheckCells } from './index.check.js';
import { normalTables } from './index.upload-limits.test-support.js';

/** The error a check throws, or undefined when it resolves. */
async function refusal(check: Promise<void>): Promise<AppError | undefined> {
  try {
    await check;
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe("the engine's check of a draft's tables", () => {
  const config = editionConfigOf({});

  it("a real index's tables (checked in the worker) are accepted", async () => {
    const { iData, iMeta } = normalTables();
    expect(iData.rows.length * iData.columns.length).toBeGreaterThan(offThreadCheckCells);
    expect(await refusal(checkEditionTables({ iData, iMeta, source: 'index.xlsx', config }))).toBeUndefined();
  });

  it('when a cell of a real index is not a number, the worker refuses with the issues the engine gives on the main thread', async () => {
    const { iData, iMeta } = normalTables();
    (iData.rows[1234] as Record<string, string>).ind7 = 'abc';
    let inline: AppError | undefined;
    try {
      parseTables(iData, iMeta, 'index.xlsx');
    } catch (error) {
      inline = error as AppError;
    }
    const error = await refusal(checkEditionTables({ iData, iMeta, source: 'index.xlsx', config }));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.status).toBe(422);
    expect(error?.code).toBe(inline?.code);
    expect(error?.issues).toEqual(inline?.issues);
    expect(error?.issues.length).toBeGreaterThan(0);
  });

  it('small tables are refused the same way on the spot', async () => {
    const { iData, iMeta } = normalTables();
    const small = { columns: iData.columns, rows: iData.rows.slice(0, 20) };
    (small.rows[3] as Record<string, string>).ind2 = 'abc';
    const error = await refusal(checkEditionTables({ iData: small, iMeta, source: 'small.csv', config }));
    expect(error?.status).toBe(422);
    expect(error?.issues.some((i) => i.message.includes('abc'))).toBe(true);
  });
});
