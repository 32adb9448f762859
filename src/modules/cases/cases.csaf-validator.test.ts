import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { closeCsafValidator, validateCsaf } from './cases.csaf.js';

const run = promisify(execFile);

// The validation worker's first answer waits for the library to compile its schemas (seconds on a busy machine).
const compiling = 120_000;

describe('the CSAF validator in its worker thread', () => {
  it('a validation the worker has not answered when it is closed fails: it never reads as valid', async () => {
    const validation = validateCsaf({});
    await closeCsafValidator();
    await expect(validation).rejects.toThrow(/exited/);
  });

  it('after that, the next validation starts a new worker and gets its errors', async () => {
    const errors = await validateCsaf({});
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ test: 'csaf_2_0_strict', instancePath: expect.any(String), message: expect.any(String) });
  }, compiling);

  it('when the library throws on a document, the validation fails with its error', async () => {
    await expect(validateCsaf(null)).rejects.toThrow(/product_tree/);
  }, compiling);

  it('a document that cannot be copied to the worker is refused, not validated', async () => {
    await expect(validateCsaf({ document: () => 'not data' })).rejects.toThrow();
  });

  it('a process that validated a document ends on its own: the idle worker does not hold it', async () => {
    const module = fileURLToPath(new URL('./cases.csaf.ts', import.meta.url));
    const script = `import(${JSON.stringify(module)}).then(({ validateCsaf }) => validateCsaf({})).then((errors) => console.log(errors.length > 0));`;
    // execFile kills the child after `timeout`: a process kept alive by the worker fails here instead of hanging.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '-e', script], { timeout: compiling - 10_000 });
    expect(stdout.trim()).toBe('true');
  }, compiling);
});
