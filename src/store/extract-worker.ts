/**
 * A worker thread of extract-pool.ts: takes jobs `{ id, kind, job }` and
 * answers `{ id, outcome }`. Loaded through extract-worker.mjs, which
 * registers tsx first, or compiled as dist/extract-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { renderJob } from '../extract-batch.ts';
import type { JobKind, WorkerJobs } from './extract-pool.ts';
import { prepareRecord } from './prepare.ts';

const HANDLERS: { [K in JobKind]: (job: WorkerJobs[K]['job']) => Promise<WorkerJobs[K]['outcome']> } = {
  record: prepareRecord,
  render: (job) => renderJob(job),
};

parentPort!.on('message', async ({ id, kind, job }: { id: number; kind: JobKind; job: never }) => {
  let outcome: { reason?: string };
  try {
    outcome = await HANDLERS[kind](job);
  } catch (error) {
    outcome = { reason: `extraction failed: ${(error as Error).message}` };
  }
  parentPort!.postMessage({ id, outcome });
});
