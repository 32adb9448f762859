// Entry of the CSAF validation worker when the platform runs from TypeScript sources (tsx, Vitest): Node 20 does not
// apply `--import` loaders given in a Worker's execArgv to its entry module, so the worker registers tsx's loader
// itself (public API `tsx/esm/api`), then loads the TypeScript worker. From dist/, cases.csaf-worker.js starts directly.
import { register } from 'tsx/esm/api';

register();
await import('./cases.csaf-worker.ts');
