/**
 * Extraction in worker threads. Extraction is CPU-bound JavaScript, so
 * running documents concurrently on the main thread keeps one core busy; a
 * pool of workers (at most one per core) extracts them in parallel and
 * hands back what the main thread writes: the rows to store (`corpus add`,
 * one transaction per document) or a document's printed form (`extract`
 * of several files). Each worker holds a second job in hand, so it
 * does not wait for the main thread (busy writing) to send the next.
 * Workers start when the first job needs one (loading the pipeline takes a
 * core-second or so) and end with `close()`. A worker that dies fails its
 * own documents only, and a fresh one takes its place.
 */
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderOutcome } from '../extract-batch.ts';
import type { ExtractJob, ExtractOutcome } from './prepare.ts';

/** What a worker does (extract-worker.ts), by kind: the job sent and the outcome answered. */
export interface WorkerJobs {
  record: { job: ExtractJob; outcome: ExtractOutcome };
  render: { job: RenderJob; outcome: RenderOutcome };
}
export type JobKind = keyof WorkerJobs;
/** Every outcome can be a failure with its reason, which is what a dead worker answers. */
type Failure = { reason: string };

/** Defined by scripts/build.ts in the compiled CLI; absent when the sources run through tsx. */
declare const CHIDAO_COMPILED: boolean | undefined;
/** The compiled worker beside the compiled CLI; otherwise the sources, through tsx. */
const ENTRY = typeof CHIDAO_COMPILED === 'boolean' ? new URL('../../dist/extract-worker.js', import.meta.url) : new URL('./extract-worker.mjs', import.meta.url);
/** Jobs a worker holds at once: the one it extracts and the next. */
const DEPTH = 2;

interface Slot {
  worker: Worker;
  /** Jobs sent and not answered, by id. */
  pending: Map<number, (outcome: Failure) => void>;
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { kind: JobKind; job: WorkerJobs[JobKind]['job']; done: (outcome: Failure) => void }[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    if (!(size >= 1)) throw new RangeError(`a pool needs at least one worker, not ${size}`);
  }

  /** Jobs the workers hold at once when all are busy. */
  get capacity(): number {
    return this.size * DEPTH;
  }

  run<K extends JobKind>(kind: K, job: WorkerJobs[K]['job']): Promise<WorkerJobs[K]['outcome']> {
    if (this.closed) return Promise.resolve({ reason: 'extraction failed: the worker pool is closed' });
    return new Promise((done) => {
      this.waiting.push({ kind, job, done: done as (outcome: Failure) => void });
      this.dispatch();
    });
  }

  /** Ends every worker; jobs still out are failed. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    const closed: Failure = { reason: 'extraction failed: the worker pool is closed' };
    for (const { done } of this.waiting.splice(0)) done(closed);
    for (const slot of slots) for (const done of slot.pending.values()) done(closed);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Sends waiting jobs to the least busy worker with room, starting workers up to `size`. */
  private dispatch(): void {
    while (this.waiting.length && !this.closed) {
      let slot = this.slots.reduce<Slot | undefined>((best, s) => (s.pending.size < DEPTH && (!best || s.pending.size < best.pending.size) ? s : best), undefined);
      if ((!slot || slot.pending.size > 0) && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const { kind, job, done } = this.waiting.shift()!;
      const id = this.nextId++;
      slot.pending.set(id, done);
      slot.worker.postMessage({ id, kind, job });
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(ENTRY), pending: new Map() };
    this.slots.push(slot);
    slot.worker.on('message', ({ id, outcome }: { id: number; outcome: Failure }) => {
      const done = slot.pending.get(id);
      slot.pending.delete(id);
      done?.(outcome);
      this.dispatch();
    });
    const fail = (reason: string) => {
      const at = this.slots.indexOf(slot);
      if (at < 0) return;
      this.slots.splice(at, 1);
      for (const done of slot.pending.values()) done({ reason });
      slot.pending.clear();
      void slot.worker.terminate();
      this.dispatch();
    };
    slot.worker.on('error', (error: Error) => fail(`extraction failed: ${error.message}`));
    slot.worker.on('exit', (code: number) => fail(`extraction failed: its worker thread stopped (exit code ${code})`));
    return slot;
  }
}
