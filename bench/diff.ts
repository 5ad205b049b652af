/**
 * `npx tsx bench/diff.ts`: how long `chidao diff` takes on pairs of seeds.
 * Both documents are extracted once (extraction has its own bench); the
 * table gives the median and fastest time of aligning and classifying them,
 * over several runs in this process.
 */
import { fileURLToPath } from 'node:url';
import { diffDocs } from '../src/diff/index.ts';
import { extractFile } from '../src/extract-file.ts';
import { median } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const PAIRS: [string, string][] = [
  ['17-TB-CQTTBCD-phu-luc.draft.txt', '17-TB-CQTTBCD-phu-luc.txt'],
  ['17-TB-CQTTBCD-phu-luc.txt', '17-TB-CQTTBCD-phu-luc.txt'],
  ['04-TB-BCDTW.txt', '17-TB-CQTTBCD-phu-luc.txt'],
  ['19-BC-CQTTBCD.md', '17-TB-CQTTBCD-phu-luc.draft.txt'],
];


async function main(): Promise<void> {
  const rows: string[][] = [];
  for (const [oldFile, newFile] of PAIRS) {
    const oldDoc = await extractFile(`${ROOT}corpus/${oldFile}`);
    const newDoc = await extractFile(`${ROOT}corpus/${newFile}`);
    const times: number[] = [];
    let changes = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      changes = diffDocs(oldDoc, newDoc).changes.length;
      times.push(performance.now() - start);
    }
    rows.push([oldFile, newFile, `${oldDoc.tasks?.length ?? 0} × ${newDoc.tasks?.length ?? 0}`, String(changes), median(times).toFixed(1), Math.min(...times).toFixed(1)]);
  }
  const head = ['old', 'new', 'tasks', 'changes', 'median ms', 'min ms'];
  console.log(`diff (align and classify, extraction excluded), ${RUNS} runs per pair\n`);
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

await main();
