/**
 * Worker-thread entry that runs the BSI basic validation (strict schema + every mandatory test) for cases.csaf.ts.
 * Loading csaf-validator-lib compiles its AJV schemas: 5–13 s of CPU that, on the main thread, every start, command
 * and test file paid at import, and that froze requests when it ran. Here it is paid once, in this thread, on the
 * first validation; the thread then stays (see cases.csaf-validator.ts) with the compiled schemas.
 */
import { parentPort } from 'node:worker_threads';
import validateStrict, { type CsafMessage } from '@secvisogram/csaf-validator-lib/validateStrict.js';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';

/** One failed check: the library's message and place, with the test that failed (`csaf_2_0_strict`, `mandatoryTest_6_1_27_6`). */
export interface CsafError extends CsafMessage {
  test: string;
}

export interface ValidationRequest {
  id: number;
  document: unknown;
}

/** The errors (empty: valid), or why the validation itself failed: never taken as valid by the caller. */
export type ValidationReply = { id: number; ok: true; errors: CsafError[] } | { id: number; ok: false; error: string };

const tests = [csaf_2_0_strict, ...Object.values(mandatory)];

async function validate(document: unknown): Promise<CsafError[]> {
  const result = await validateStrict(tests, document);
  return result.tests.flatMap((test) => test.errors.map((error) => ({ ...error, test: test.name })));
}

const port = parentPort;
if (!port) throw new Error('cases.csaf-worker.ts runs in a worker thread');

// Requests are answered by id: the caller may send the next before this one is done.
port.on('message', async ({ id, document }: ValidationRequest) => {
  let reply: ValidationReply;
  try {
    reply = { id, ok: true, errors: await validate(document) };
  } catch (error) {
    reply = { id, ok: false, error: (error as Error).stack ?? String(error) };
  }
  port.postMessage(reply);
});
