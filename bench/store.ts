/**
 * `tsx bench/store.ts [--large]`: the corpus store at 100 and 1,000
 * synthetic notices (10,000 too with --large), on SQLite and, when
 * CHIDAO_TEST_PG holds a server URL, on PostgreSQL. For each: documents per
 * second for `corpus add` (extraction included, as users meet it) and the
 * median and p95 latency of a few queries on the filled store.
 *
 *   --sizes 1000    other sizes than 100 and 1,000
 *   --main-thread   extract on the main thread (the default is worker threads)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { synthNotices } from '../scripts/synth-notices.ts';
import { corpusAdd } from '../src/store/commands.ts';
import { openStore, type TaskFilter } from '../src/store/index.ts';

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
const THREADS = !values['main-thread'];
const RUNS = Number(values.runs);

const QUERIES: [string, TaskFilter][] = [
  ['agency Bộ KHCN, responsible', { agency: 'Bộ KHCN', role: 'responsible' }],
  ['the same, first 100', { agency: 'Bộ KHCN', role: 'responsible', limit: 100 }],
  ['text "san giao dich"', { text: 'san giao dich' }],
  ['the same, first 100', { text: 'san giao dich', limit: 100 }],
  ['agency + due in 2026', { agency: 'Bộ Tài chính', dueAfter: '2025-12-31', dueBefore: '2027-01-01' }],
  ['document number', { document: '42-TB/BCĐTH' }],
];

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

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
            for (const [name, filter] of QUERIES) {
              let found = 0;
              await store.query(filter);
              const times: number[] = [];
              for (let i = 0; i < RUNS; i++) {
                const t = performance.now();
                found = (await store.query(filter)).length;
                times.push(performance.now() - t);
              }
              rows.push([backend, String(size), String(tasks), (size / seconds).toFixed(1), cores, String(failed), name, String(found), percentile(times, 0.5).toFixed(2), percentile(times, 0.95).toFixed(2)]);
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
  console.log(`corpus store, synthetic notices (seed 1), extraction ${THREADS ? 'in worker threads' : 'on the main thread'}, ${RUNS} runs per query; ${availableParallelism()} cores, load average ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end\n`);
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

await main();
