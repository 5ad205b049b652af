/**
 * A worker thread of extract-pool.ts: takes jobs `{ id, job }` and answers
 * `{ id, outcome }`. Loaded through extract-worker.mjs, which registers tsx
 * first.
 */
import { parentPort } from 'node:worker_threads';
import { prepareRecord, type ExtractJob, type ExtractOutcome } from './prepare.ts';

parentPort!.on('message', async ({ id, job }: { id: number; job: ExtractJob }) => {
  let outcome: ExtractOutcome;
  try {
    outcome = await prepareRecord(job);
  } catch (error) {
    outcome = { reason: `extraction failed: ${(error as Error).message}` };
  }
  parentPort!.postMessage({ id, outcome });
});
