/**
 * Extraction in worker threads. Extraction is CPU-bound JavaScript, so
 * running documents concurrently on the main thread keeps one core busy; a
 * pool of workers (at most one per core) extracts them in parallel and
 * hands back the rows to store, which the main thread writes, one
 * transaction per document. Workers start when the first job needs one and
 * end with `close()`. A worker that dies fails its own document only, and a
 * fresh one takes its place.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractJob, ExtractOutcome } from './prepare.ts';

const ENTRY = new URL('./extract-worker.mjs', import.meta.url);

export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly live = new Set<Worker>();
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private nextId = 0;

  constructor(readonly size: number) {
    if (!(size >= 1)) throw new RangeError(`a pool needs at least one worker, not ${size}`);
  }

  async extract(job: ExtractJob): Promise<ExtractOutcome> {
    const worker = await this.acquire();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const settle = (outcome: ExtractOutcome, healthy: boolean) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (healthy) this.release(worker);
        else this.discard(worker);
        resolve(outcome);
      };
      const onMessage = (message: { id: number; outcome: ExtractOutcome }) => {
        if (message.id === id) settle(message.outcome, true);
      };
      const onError = (error: Error) => settle({ reason: `extraction failed: ${error.message}` }, false);
      const onExit = (code: number) => settle({ reason: `extraction failed: its worker thread stopped (exit code ${code})` }, false);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, job });
    });
  }

  /** Ends every worker; jobs in flight must have settled. */
  async close(): Promise<void> {
    const workers = [...this.live];
    this.live.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private acquire(): Promise<Worker> {
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.live.size < this.size) return Promise.resolve(this.spawn());
    return new Promise((take) => this.waiting.push(take));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private discard(worker: Worker): void {
    this.live.delete(worker);
    void worker.terminate();
    // Someone waiting for a worker gets a fresh one.
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }

  private spawn(): Worker {
    const worker = new Worker(ENTRY);
    this.live.add(worker);
    // Between jobs nobody else listens: a worker that fails there is dropped, not thrown.
    worker.on('error', () => {});
    worker.on('exit', () => {
      this.live.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return worker;
  }
}
