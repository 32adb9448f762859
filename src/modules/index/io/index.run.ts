/**
 * `pariscall index run`: read iData/iMeta (CSV or XLSX), validate pipeline.json, run the pipeline, write the
 * scores and ranks. Every way it can fail on the analyst's input comes back as a report (never a stack trace),
 * and nothing is written then.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { EngineError } from '../engine/data-table.js';
import { DEFAULT_PIPELINE, runPipeline, type PipelineConfig } from '../engine/pipeline.js';
import { formatIssues, readCoinrFiles } from './index.files.js';
import { parsePipelineConfig } from './index.pipeline-config.schemas.js';
import { RESULT_FORMATS, writeResults } from './index.results.js';

export interface RunIndexInput {
  data: string;
  meta?: string;
  /** pipeline.json; COINr's defaults (denominate, treat, normalise min-max, arithmetic mean) when absent. */
  config?: string;
  out: string;
}

export type RunIndexOutcome =
  | { ok: true; units: number; aggregates: number; out: string }
  | { ok: false; report: string };

async function readConfig(file: string | undefined): Promise<{ ok: true; config: PipelineConfig } | { ok: false; report: string }> {
  if (file === undefined) return { ok: true, config: DEFAULT_PIPELINE };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { ok: false, report: `${file}: ${e.code === 'ENOENT' ? 'not found' : `not valid JSON (${e.message})`}` };
  }
  const parsed = parsePipelineConfig(json);
  return parsed.ok ? parsed : { ok: false, report: `${file} is not a valid pipeline configuration:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}` };
}

/** Runs the whole command; the caller prints the report and sets the exit code. */
export async function runIndexFiles(input: RunIndexInput): Promise<RunIndexOutcome> {
  if (!(RESULT_FORMATS as readonly string[]).includes(extname(input.out).toLowerCase())) {
    return { ok: false, report: `--out ${input.out}: results are written as ${RESULT_FORMATS.join(', ')}` };
  }
  const config = await readConfig(input.config);
  if (!config.ok) return config;
  const parsed = await readCoinrFiles({ data: input.data, meta: input.meta });
  if (!parsed.ok) {
    return { ok: false, report: `Nothing imported: ${parsed.issues.length} problem(s) in the input.\n${formatIssues(parsed.issues)}` };
  }
  let result;
  try {
    result = runPipeline(parsed.dataset, config.config);
  } catch (error) {
    if (error instanceof EngineError) return { ok: false, report: `The pipeline stopped: ${error.message} [${error.code}]` };
    throw error;
  }
  await writeResults(input.out, result, parsed.dataset.framework);
  return { ok: true, units: result.units.length, aggregates: Object.keys(result.scores).length, out: input.out };
}
