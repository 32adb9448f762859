/** Uncertainty and sensitivity analysis of a composite index: see monte-carlo.ts (pure) and parallel.ts (threads). */
export { leaveOneOut, type LeaveOneOutOptions, type LeaveOneOutResult, type LeftOut } from './leave-one-out.js';
export { type Factor, type UncertaintySpec, type WeightFactor } from './plan.js';
export { buildModel, runUncertainty, type TargetUncertainty, type UncertaintyAnalysis, type UncertaintyResult } from './monte-carlo.js';
export { closeUncertaintyWorkers, runUncertaintyParallel, type ParallelOptions } from './parallel.js';
export { Xoshiro128 } from './prng.js';
export { percentiles } from './quantile.js';
export { saltelliDesign, sobolBootstrap, sobolIndices, type SaltelliDesign, type SobolIndices, type SobolInterval, type SobolIntervals } from './sobol.js';
