/**
 * `tsx bench/store.ts [--large]`: the corpus store at 100 and 1,000
 * synthetic notices (10,000 too with --large), on SQLite and, when
 * CHIDAO_TEST_PG holds a server URL, on PostgreSQL. For each: documents per
 * second for `corpus add` (extraction included, as users meet it), the cores
 * it kept busy, and the median and p95 latency of a few queries on the
 * filled store: the default page `chidao query` prints and the whole result.
 *
 *   --sizes 1000    other sizes than 100 and 1,000
 *   --main-thread   extract on the main thread only (by default, as corpus
 *                   add does: in worker threads from 200 documents on)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { synthNotices } from '../scripts/synth-notices.ts';
import { corpusAdd, pageOf, THREADS_FROM } from '../src/store/commands.ts';
import { openStore, type TaskFilter } from '../src/store/index.ts';
import { QUERY_PAGE } from '../src/store/types.ts';
import { percentile } from './stats.ts';

const { values } = parseArgs({
  options: {
    large: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string', default: '50' },
    // Extraction on the main thread, as before worker threads: for comparing docs/s.
    'main-thread': { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes ? values.sizes.split(',').map(Number) : values.large ? [100, 1_000, 10_000] : [100, 1_000];
/** As `corpus add` does by default (worker threads from THREADS_FROM files on), or on the main thread only. */
const THREADS = values['main-thread'] ? false : undefined;
const RUNS = Number(values.runs);

/**
 * Each query twice where it matters: as `chidao query` prints a table by
 * default (the first 100, and a count of all when there are more) and whole
 * (`--limit 0`, as json and csv give it).
 */
const QUERIES: [string, TaskFilter, 'page' | 'all'][] = [
  ['agency Bộ KHCN, responsible', { agency: 'Bộ KHCN', role: 'responsible' }, 'page'],
  ['the same, all (--limit 0)', { agency: 'Bộ KHCN', role: 'responsible' }, 'all'],
  ['text "san giao dich"', { text: 'san giao dich' }, 'page'],
  ['the same, all (--limit 0)', { text: 'san giao dich' }, 'all'],
  ['agency + due in 2026', { agency: 'Bộ Tài chính', dueAfter: '2025-12-31', dueBefore: '2027-01-01' }, 'page'],
  ['the same, all (--limit 0)', { agency: 'Bộ Tài chính', dueAfter: '2025-12-31', dueBefore: '2027-01-01' }, 'all'],
  ['document number', { document: '42-TB/BCĐTH' }, 'page'],
];


/** A fresh database per run: a file for SQLite, a new database on the PostgreSQL server. */
async function freshDb(backend: string, dir: string, size: number): Promise<{ db: string; drop: () => Promise<void> }> {
  if (backend === 'sqlite') return { db: join(dir, `bench-${size}.db`), drop: async () => {} };
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: process.env.CHIDAO_TEST_PG });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  const name = `chidao_bench_${process.pid}_${size}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.CHIDAO_TEST_PG!);
  url.pathname = `/${name}`;
  return { db: url.toString(), drop: () => admin(`DROP DATABASE ${name} WITH (FORCE)`) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chidao-bench-'));
  const notices = await synthNotices({ seed: 1, count: Math.max(...SIZES) });
  const files = notices.map((n) => {
    writeFileSync(join(dir, n.name), n.text);
    return join(dir, n.name);
  });
  const backends = ['sqlite', ...(process.env.CHIDAO_TEST_PG ? ['postgres'] : [])];
  const rows: string[][] = [];
  const load = loadavg()[0];
  try {
    for (const backend of backends) {
      for (const size of SIZES) {
        const { db, drop } = await freshDb(backend, dir, size);
        try {
          const start = performance.now();
          const cpu = process.cpuUsage();
          const added = await corpusAdd(files.slice(0, size), { db, progress: false, threads: THREADS });
          const seconds = (performance.now() - start) / 1000;
          const used = process.cpuUsage(cpu);
          // This process only (extraction and the SQLite writes); PostgreSQL's own work is in its server.
          const cores = ((used.user + used.system) / 1e6 / seconds).toFixed(2);
          const failed = added.filter((r) => r.status === 'failed').length;
          const tasks = added.reduce((n, r) => n + r.tasks, 0);
          const store = await openStore(db);
          try {
            for (const [name, filter, how] of QUERIES) {
              // The page as the CLI asks for it: 100 tasks, then a count when they may not be all.
              const run = async () => {
                if (how === 'all') return String((await store.query(filter)).length);
                const page = await pageOf(store, { ...filter, limit: QUERY_PAGE });
                return page.total > page.tasks.length ? `${page.tasks.length} of ${page.total}` : String(page.total);
              };
              let found = await run();
              const times: number[] = [];
              for (let i = 0; i < RUNS; i++) {
                const t = performance.now();
                found = await run();
                times.push(performance.now() - t);
              }
              rows.push([backend, String(size), String(tasks), (size / seconds).toFixed(1), cores, String(failed), name, found, percentile(times, 0.5).toFixed(2), percentile(times, 0.95).toFixed(2)]);
              process.stderr.write(`${rows.at(-1)!.join(' | ')}\n`);
            }
          } finally {
            await store.close();
          }
        } finally {
          await drop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const head = ['back end', 'documents', 'tasks', 'add docs/s', 'add cores busy', 'failed', 'query', 'rows', 'median ms', 'p95 ms'];
  console.log(`corpus store, synthetic notices (seed 1), extraction ${THREADS === false ? 'on the main thread' : `in worker threads from ${THREADS_FROM} documents on`}, ${RUNS} runs per query; ${availableParallelism()} cores, load average ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end\n`);
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

await main();
