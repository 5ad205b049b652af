/**
 * The corpus commands: each opens the store, does one job, closes it and
 * returns plain data; the `format*` functions print that data as a table,
 * JSON or CSV. Problems with the database itself throw a StoreError (one
 * line); a document that cannot be read or extracted is reported and skipped.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { expandInputs } from '../inputs.ts';
import PQueue from 'p-queue';
import { ExtractPool } from './extract-pool.ts';
import { relateFor } from './link.ts';
import { openStore, type OpenOptions } from './index.ts';
import { pipelineVersion } from './pipeline-version.ts';
import type { Limits } from '../ingest/limits.ts';
import { prepareRecord, type ExtractJob, type ExtractOutcome } from './prepare.ts';
import { progressBar } from './progress.ts';
import { taskRows } from './record.ts';
import type { Correction } from '../review/corrections.ts';
import { render, type Column, type StoreFormat } from './render.ts';
import { StoreError, type DocumentSummary, type Stats, type Store, type TaskFilter, type TaskHit } from './types.ts';

export interface DbOptions extends OpenOptions {
  /** SQLite file or `postgres://…` URL. @default './chidao.db' */
  readonly db?: string;
}

export interface AddOptions extends DbOptions {
  /** Worker threads extracting documents at once. @default the core count */
  readonly concurrency?: number;
  /**
   * Extract in worker threads (`false`: on the main thread, one core).
   * @default from THREADS_FROM files on
   */
  readonly threads?: boolean;
  /** Draw a progress bar. @default whether stderr is a terminal */
  readonly progress?: boolean;
  /** Never run the repair stage; documents stored so are told apart by their pipeline version. */
  readonly noRepair?: boolean;
  /** Limits on what is read from each file (ingest/limits.ts). */
  readonly limits?: Partial<Limits>;
  /**
   * A person's corrected task list (the review page's export) to store in place of the extracted one,
   * with who reviewed it and when; for one document only.
   */
  readonly corrections?: Correction;
}

export interface AddResult {
  /** The file as stored (absolute). */
  path: string;
  status: 'added' | 'replaced' | 'unchanged' | 'failed';
  number: string | null;
  tasks: number;
  /** Why a failed document was skipped. */
  reason?: string;
}

async function withStore<T>(options: DbOptions, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options.db, options);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/**
 * Fewer files than this are extracted on the main thread unless `threads`
 * says otherwise: a worker spends a core-second loading the pipeline, which
 * two cores win back from about 200 documents on (bench/store.ts, 1,000
 * documents: about 38 docs/s on the main thread, 50 in two workers).
 */
export const THREADS_FROM = 200;

/**
 * Store every file under `paths`; results in the order the files were found.
 * Extraction runs in a pool of worker threads (one per core at most); the
 * queue keeps the workers' hands full while the main thread stores what
 * they return.
 */
export async function corpusAdd(paths: readonly string[], options: AddOptions = {}): Promise<AddResult[]> {
  const { files, missing: absent } = await expandInputs(paths.map((p) => resolve(p)));
  const missing = absent.map((path): AddResult => ({ path, status: 'failed', number: null, tasks: 0, reason: 'no such file or folder' }));
  if (options.corrections && files.length + missing.length !== 1) throw new StoreError('--corrections goes with one document: the one it corrects');
  return withStore(options, async (store) => {
    const workers = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), files.length));
    const pool = (options.threads ?? files.length >= THREADS_FROM) ? new ExtractPool(workers) : null;
    const extract = pool ? (job: ExtractJob) => pool.run('record', job) : prepareRecord;
    // With workers, documents in flight also cover those the main thread is storing.
    const queue = new PQueue({ concurrency: pool ? pool.capacity + workers : workers });
    const bar = progressBar(files.length, options.progress);
    try {
      const results = await Promise.all(files.map((file) => queue.add(async () => {
        const result = await addOne(store, file, extract, options.noRepair, options.limits, options.corrections);
        bar.tick(file);
        return result;
      })));
      return [...missing, ...results];
    } catch (error) {
      // A database problem stops the run: let the jobs in flight settle before the store closes.
      queue.clear();
      await queue.onIdle();
      throw error;
    } finally {
      bar.done();
      await pool?.close();
    }
  });
}

async function addOne(store: Store, path: string, extract: (job: ExtractJob) => Promise<ExtractOutcome>, noRepair = false, limits?: Partial<Limits>, corrections?: Correction): Promise<AddResult> {
  const failed = (reason: string): AddResult => ({ path, status: 'failed', number: null, tasks: 0, reason });
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return failed(`cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  const version = pipelineVersion() + (noRepair ? '+no-repair' : '');
  const stored = await store.findByHash(hash);
  // A reviewed list stays until another correction replaces it: a new pipeline does not overwrite a person's work.
  if (stored && !corrections && (stored.reviewedAt || stored.pipelineVersion === version)) return { path, status: 'unchanged', number: stored.number, tasks: stored.tasks };
  const { record, reason } = await extract({ path, hash, pipelineVersion: version, noRepair, limits });
  if (!record) return failed(reason);
  if (!corrections) return { path, status: await store.put(record, relateFor(record)), number: record.header.number, tasks: record.tasks.length };
  if (corrections.document.number !== record.header.number) return failed(`the corrections are for ${corrections.document.number ?? 'a document without a number'}, not ${record.header.number ?? 'this document (no number)'}`);
  const reviewed = { ...record, tasks: taskRows(corrections.tasks), review: { by: corrections.review.by, at: corrections.review.at } };
  return { path, status: await store.put(reviewed, relateFor(reviewed)), number: record.header.number, tasks: reviewed.tasks.length };
}

export function corpusList(options: DbOptions = {}): Promise<DocumentSummary[]> {
  return withStore({ mustExist: true, ...options }, (store) => store.list());
}

/** Removes the documents with this number (or stored path); throws when there is none. */
export function corpusRemove(document: string, options: DbOptions = {}): Promise<{ removed: number }> {
  return withStore({ mustExist: true, ...options }, async (store) => {
    const removed = await store.remove(document);
    if (!removed) throw new StoreError(`no stored document is numbered ${document}`);
    return { removed };
  });
}

export function query(filter: TaskFilter & DbOptions = {}): Promise<TaskHit[]> {
  return withStore({ mustExist: true, ...filter }, (store) => store.query(filter));
}

/** One page of a query: its tasks, where it starts, and how many tasks match in all. */
export interface TaskPage {
  tasks: TaskHit[];
  offset: number;
  total: number;
}

/**
 * The tasks `limit` and `offset` select and the number that match in all.
 * The count (a second query, on the indexes) runs only when the page may
 * not hold them all.
 */
export async function pageOf(store: Store, filter: TaskFilter): Promise<TaskPage> {
  const tasks = await store.query(filter);
  const offset = filter.offset ?? 0;
  const whole = !offset && (filter.limit === undefined || tasks.length < filter.limit);
  return { tasks, offset, total: whole ? tasks.length : await store.count(filter) };
}

export function queryPage(filter: TaskFilter & DbOptions = {}): Promise<TaskPage> {
  return withStore({ mustExist: true, ...filter }, (store) => pageOf(store, filter));
}

export function stats(filter: TaskFilter & DbOptions = {}): Promise<Stats> {
  return withStore({ mustExist: true, ...filter }, (store) => store.stats(filter));
}

const ADD_COLUMNS: Column<AddResult>[] = [
  ['status', (r) => r.status],
  ['number', (r) => r.number],
  ['tasks', (r) => r.tasks],
  ['path', (r) => r.path],
  ['reason', (r) => r.reason ?? ''],
];

const DOCUMENT_COLUMNS: Column<DocumentSummary>[] = [
  ['number', (d) => d.number],
  ['kind', (d) => d.kind],
  ['issued', (d) => d.issuedAt],
  ['tasks', (d) => d.tasks],
  ['pipeline', (d) => d.pipeline],
  ['title', (d) => d.title],
  ['reviewed', (d) => (d.reviewedAt ? `${d.reviewedAt.slice(0, 10)}${d.reviewedBy ? ` ${d.reviewedBy}` : ''}` : null)],
  ['path', (d) => d.path],
];

const TASK_COLUMNS: Column<TaskHit>[] = [
  ['document', (t) => t.document],
  ['clause', (t) => t.clause],
  ['responsible', (t) => t.responsible.join('; ')],
  ['coordinating', (t) => t.coordinating.join('; ')],
  ['deadline_kind', (t) => t.deadline.kind],
  ['deadline_date', (t) => t.deadline.date],
  ['deliverable', (t) => t.deliverable],
  ['text', (t) => t.text],
];

export const formatAdd = (results: readonly AddResult[], format: StoreFormat) => render(results, ADD_COLUMNS, format);
export const formatDocuments = (documents: readonly DocumentSummary[], format: StoreFormat) => render(documents, DOCUMENT_COLUMNS, format);
export const formatTasks = (tasks: readonly TaskHit[], format: StoreFormat) => render(tasks, TASK_COLUMNS, format);

/** Two tables (agencies, months); JSON keeps the two lists in one object for plotting. */
export function formatStats(s: Stats, format: StoreFormat): string {
  if (format === 'json') return `${JSON.stringify(s, null, 2)}\n`;
  const agencies = render(s.agencies, [['agency', (a) => a.agency], ['responsible', (a) => a.responsible], ['coordinating', (a) => a.coordinating], ['directing', (a) => a.directing], ['tasks', (a) => a.tasks]], format);
  const months = render(s.months, [['month', (m) => m.month], ['tasks', (m) => m.tasks]], format);
  return format === 'csv' ? `${agencies}\r\n${months.replace(/^\uFEFF/, '')}` : `${agencies}\n${months}`;
}
