/**
 * Everything the bench starts or creates registers how to undo it here; `runCleanups` undoes it in reverse order,
 * on success, on failure and on Ctrl-C, so no child process, nginx, bench database or temp dir outlives a run.
 */
type Cleanup = { name: string; run: () => Promise<void> | void };

const cleanups: Cleanup[] = [];
/** Synchronous last resorts (killing process groups) for when the process exits without running the async ones. */
const onExit = new Map<number, () => void>();
let nextExitId = 0;

/** Registers an undo step; returns a function that runs it now (once) and removes it from the list. */
export function registerCleanup(name: string, run: () => Promise<void> | void): () => Promise<void> {
  const entry: Cleanup = { name, run };
  cleanups.push(entry);
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
    await entry.run();
  };
}

/** Registers a synchronous step for `process.on('exit')`; returns its remover. */
export function registerExitHook(run: () => void): () => void {
  const id = nextExitId++;
  onExit.set(id, run);
  return () => onExit.delete(id);
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop()!;
    try {
      await entry.run();
    } catch (error) {
      console.error(`cleanup "${entry.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

process.on('exit', () => {
  for (const run of onExit.values()) {
    try {
      run();
    } catch {
      // Best effort: the process is going away.
    }
  }
});
