/**
 * The BSI basic validation of a CSAF document, run in a worker thread (cases.csaf-worker.ts) so that neither a start
 * nor a request pays the 5–13 s the library takes to compile its schemas on the main thread. The worker starts on the
 * first validation and is then kept, schemas compiled, for the next ones. It is unref'd while it has nothing to answer,
 * so a server, command or test process still ends on its own; `closeCsafValidator` ends it sooner.
 *
 * A worker that fails, crashes or is closed before replying rejects every validation it was running: the caller sees an
 * error (a publication is refused, its transaction rolled back), never an empty list of errors, which would mean valid.
 * The next validation starts a new worker.
 *
 * From TypeScript sources (tsx, Vitest), the worker starts from cases.csaf-worker-bootstrap.mjs, which registers tsx's
 * loader first; from dist/ it is cases.csaf-worker.js (the build emits one JavaScript file per source file).
 */
import { Worker } from 'node:worker_threads';
import type { CsafError, ValidationReply, ValidationRequest } from './cases.csaf-worker.js';
import { workerEntry } from '../../app/workers/worker-entry.js';

export type { CsafError };

interface Pending {
  resolve: (errors: CsafError[]) => void;
  reject: (error: Error) => void;
}

/** The running worker and the validations it has yet to answer (its own: a crashed worker's failures reach only its callers). */
interface Validator {
  worker: Worker;
  pending: Map<number, Pending>;
}

let current: Validator | null = null;
let nextId = 0;

function startValidator(): Validator {
  const validator: Validator = { worker: new Worker(workerEntry(import.meta.url, 'cases.csaf-worker')), pending: new Map() };
  const { worker, pending } = validator;
  worker.unref();
  const fail = (error: Error) => {
    if (current === validator) current = null;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: ValidationReply) => {
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) request.resolve(reply.errors);
    else request.reject(new Error(`the CSAF validator failed: ${reply.error}`));
  });
  worker.on('messageerror', (error) => fail(error));
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`the CSAF validation worker exited with code ${code} before replying`)));
  return validator;
}

/** The BSI basic validation (strict schema + mandatory tests): the errors, each with its test and place (empty: valid). */
export async function validateCsaf(document: unknown): Promise<CsafError[]> {
  const validator = (current ??= startValidator());
  const id = nextId++;
  return new Promise<CsafError[]>((resolve, reject) => {
    try {
      validator.worker.postMessage({ id, document } satisfies ValidationRequest);
    } catch (error) {
      // A document that cannot be copied to the worker (it holds a function, say) is not validated.
      reject(error as Error);
      return;
    }
    validator.pending.set(id, { resolve, reject });
    // Held while a validation is pending: a command awaiting only this must not end before its answer.
    validator.worker.ref();
  });
}

/** Ends the validation worker, if one runs; validations it has not answered fail. The next validation starts a new one. */
export async function closeCsafValidator(): Promise<void> {
  const validator = current;
  current = null;
  if (validator) await validator.worker.terminate();
}
