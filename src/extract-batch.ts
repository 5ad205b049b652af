/**
 * `chidao extract` of one document to its printed form, as the CLI and the
 * worker threads (store/extract-pool.ts) run it: the checks that decide
 * whether a document is usable, and the rendering. A batch job returns a
 * reason instead of throwing, so a failure stays with its file.
 */
import { extractFile, type ExtractFileOptions } from './extract-file.ts';
import { render, type Format } from './format/index.ts';
import type { Limits } from './ingest/limits.ts';
import { InputError, notADirective, type Doc } from './doc/model.ts';
import { Extraction } from './schema.ts';

/**
 * The contract's object for a document, and the warnings to print with its
 * place. A fatal message, or nothing that reads as a directive, is an InputError.
 */
export function checkedExtraction(doc: Doc): { extraction: Extraction; warnings: string[] } {
  const warnings: string[] = [];
  for (const m of doc.messages) {
    if (m.severity === 'fatal') throw new InputError(doc.path, m.reason);
    // What the input itself lacked (bytes that were not text) is always said; the stages' own doubts only when asked.
    if (m.severity === 'warning' && (process.env.CHIDAO_VERBOSE || m.ruleId === 'ingest:invalid-utf8' || m.ruleId === 'ingest:pdf-page')) warnings.push(`${doc.path}:${m.start}-${m.end}: ${m.severity}: ${m.reason} [${m.ruleId}]`);
  }
  const refused = notADirective(doc);
  if (refused) throw new InputError(doc.path, refused);
  return { extraction: Extraction.parse({ document: doc.header, tasks: doc.tasks ?? [] }), warnings };
}

/** One file of a batch; plain data, so that it crosses to a worker thread. */
export interface RenderJob {
  path: string;
  /** `jsonl`: one line, the contract's object with the file's name first. */
  format: Format | 'jsonl';
  pipeline?: string;
  noRepair?: boolean;
  forceRepair?: boolean;
  tessdata?: string;
  limits?: Partial<Limits>;
}

export type RenderOutcome = { output: string; warnings: string[]; reason?: undefined } | { output?: undefined; reason: string };

export async function renderJob(job: RenderJob, read: ExtractFileOptions['ingest'] = {}): Promise<RenderOutcome> {
  try {
    const doc = await extractFile(job.path, { pipeline: job.pipeline, noRepair: job.noRepair, forceRepair: job.forceRepair, ingest: { ...read, tessdata: job.tessdata, ...job.limits } });
    const { extraction, warnings } = checkedExtraction(doc);
    const output = job.format === 'jsonl' ? `${JSON.stringify({ file: job.path, ...extraction })}\n` : render(extraction, job.format);
    return { output, warnings };
  } catch (error) {
    if (error instanceof InputError) return { reason: error.reason };
    return { reason: `extraction failed: ${(error as Error).message}` };
  }
}

/**
 * Runs every job, in a pool of `workers` threads when more than one, and
 * hands each outcome to `each` in the jobs' order as soon as it and those
 * before it are done; `settled` hears of each job as it finishes (progress).
 */
export async function runBatch(jobs: readonly RenderJob[], workers: number, each: (job: RenderJob, outcome: RenderOutcome) => void, settled: (job: RenderJob) => void = () => {}): Promise<void> {
  if (workers <= 1 || jobs.length <= 1) {
    // One at a time on this thread: OCR progress would draw over the batch's own.
    for (const job of jobs) {
      const outcome = await renderJob(job, { onProgress: () => {} });
      settled(job);
      each(job, outcome);
    }
    return;
  }
  const { ExtractPool } = await import('./store/extract-pool.ts');
  const pool = new ExtractPool(Math.min(workers, jobs.length));
  try {
    const outcomes = jobs.map((job) => pool.run('render', job).then((outcome) => (settled(job), outcome)));
    for (const [i, outcome] of outcomes.entries()) each(jobs[i], await outcome);
  } finally {
    await pool.close();
  }
}
