/**
 * `npm run bench`: extraction speed and memory on every corpus document, then
 * repair speed and model load time (bench/repair.ts). Each document is
 * extracted several times in this process; the table gives the median time,
 * documents per second and the peak resident memory.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../src/extract-file.ts';
import { benchRepair } from './repair.ts';
import { median } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);


async function main(): Promise<void> {
  const files = readdirSync(`${ROOT}corpus`).sort();
  const rows: string[][] = [];
  let peak = process.memoryUsage().rss;
  for (const file of files) {
    const times: number[] = [];
    let tasks = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const doc = await extractFile(`${ROOT}corpus/${file}`);
      times.push(performance.now() - start);
      tasks = doc.tasks?.length ?? 0;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const ms = median(times);
    rows.push([file, String(tasks), ms.toFixed(1), (1000 / ms).toFixed(1), (Math.min(...times)).toFixed(1), (peak / 2 ** 20).toFixed(0)]);
  }
  const head = ['document', 'tasks', 'median ms', 'docs/s', 'min ms', 'peak RSS MiB'];
  console.log(`extract, ${RUNS} runs per document (the first includes loading data files)\n`);
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\n${benchRepair()}`);
}

await main();
