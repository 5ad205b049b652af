/**
 * `npm run bench`: each figure beside a floor measured in the same run, and
 * how many times the floor it is, so a reader sees how far each is from the
 * limit. Medians of several runs (BENCH_RUNS, default 7).
 *
 * - In process, every corpus document: extraction against reading the file
 *   and splitting it into words (the least any extraction must do).
 * - From the shell, the compiled CLI (built first from these sources):
 *   `chidao --version` and `chidao extract SEED` against node's own start-up
 *   (`node -e 0`); 400 copies of the text seeds through one
 *   `chidao extract … --out-dir` against one node process reading and
 *   splitting the same 400 files. Wall time and peak resident memory
 *   (/usr/bin/time, when the machine has it).
 * - Then repair speed and model load time (bench/repair.ts).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../src/extract-file.ts';
import { buildCli } from '../scripts/build.ts';
import { benchRepair } from './repair.ts';
import { median } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The clean text seeds: copied 100 times each for the batch row. */
const TEXT_SEEDS = ['04-TB-BCDTW.txt', '17-TB-CQTTBCD-phu-luc.txt', '17-TB-CQTTBCD-phu-luc.draft.txt', '19-BC-CQTTBCD.md'];
const COPIES = 400;
const TIME = '/usr/bin/time';

/** Reading a file and splitting it into words: the floor of an extraction. */
function readAndSplit(path: string): number {
  return readFileSync(path, 'utf8').split(/\s+/u).length;
}

/** The same floor as a script for a child node, over the files named on its command line. */
const READ_AND_SPLIT = "const fs=require('fs');let n=0;for(const f of process.argv.slice(1))n+=fs.readFileSync(f,'utf8').split(/\\s+/u).length;";

const ms = (start: number) => performance.now() - start;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return ms(start);
}

interface Shell {
  wall: number;
  /** Peak resident set, MiB; NaN without /usr/bin/time. */
  rss: number;
}

/** One child process, its wall time and peak memory; a failed run stops the bench. */
function shell(args: string[]): Shell {
  const withTime = existsSync(TIME);
  const report = join(tmpdir(), `chidao-bench-${process.pid}.time`);
  const command = withTime ? [TIME, '-f', '%M', '-o', report, process.execPath, ...args] : [process.execPath, ...args];
  const start = performance.now();
  const child = spawnSync(command[0], command.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const wall = ms(start);
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const rss = withTime ? Number(readFileSync(report, 'utf8').trim().split('\n').at(-1)) / 1024 : NaN;
  return { wall, rss };
}

function medianShell(runs: number, args: string[], before: () => void = () => {}): Shell {
  const results: Shell[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    results.push(shell(args));
  }
  return { wall: median(results.map((r) => r.wall)), rss: Math.max(...results.map((r) => r.rss)) };
}

const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const ratio = (figure: number, floor: number) => `${(figure / floor).toFixed(1)}×`;
const mib = (rss: number) => (Number.isNaN(rss) ? '–' : rss.toFixed(0));

async function inProcess(): Promise<string> {
  const files = readdirSync(`${ROOT}corpus`).filter((f) => f !== 'SOURCES.md').sort();
  const rows: string[][] = [];
  for (const file of files) {
    const path = `${ROOT}corpus/${file}`;
    const times: number[] = [];
    const floors: number[] = [];
    let tasks = 0;
    for (let i = 0; i < RUNS; i++) {
      floors.push(timed(() => readAndSplit(path)));
      const start = performance.now();
      const doc = await extractFile(path);
      times.push(ms(start));
      tasks = doc.tasks?.length ?? 0;
    }
    const [figure, floor] = [median(times), median(floors)];
    rows.push([file, String(tasks), figure.toFixed(1), floor.toFixed(2), ratio(figure, floor), (1000 / figure).toFixed(0)]);
  }
  return `extract in process, every corpus document, median of ${RUNS} runs (the first run of the first document includes loading the data files); floor: reading the file and splitting it into words; bars: a clean text seed ≤ 10 ms, the OCR'd 20-TB ≤ 1 s\n\n${table(['document', 'tasks', 'median ms', 'floor ms', 'ratio', 'docs/s'], rows)}`;
}

function fromShell(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chidao-bench-'));
  try {
    const copies = Array.from({ length: COPIES }, (_, i) => {
      const seed = TEXT_SEEDS[i % TEXT_SEEDS.length];
      return [seed, join(dir, 'in', `${String(i).padStart(3, '0')}-${seed}`)] as const;
    });
    mkdirSync(join(dir, 'in'));
    for (const [seed, copy] of copies) copyFileSync(`${ROOT}corpus/${seed}`, copy);
    const out = join(dir, 'out');
    const batchRuns = Math.max(3, Math.ceil(RUNS / 2));
    const start = medianShell(RUNS, ['-e', '0']);
    const rows: [string, Shell, Shell, string][] = [
      ['chidao --version', medianShell(RUNS, ['bin/chidao.js', '--version']), start, ''],
      [`chidao extract corpus/${TEXT_SEEDS[1]}`, medianShell(RUNS, ['bin/chidao.js', 'extract', `corpus/${TEXT_SEEDS[1]}`]), start, '≤ 0.3 s, ≤ 150 MiB'],
      [
        `chidao extract ${COPIES} copies of the text seeds --out-dir (${batchRuns} runs)`,
        medianShell(batchRuns, ['bin/chidao.js', 'extract', join(dir, 'in'), '--out-dir', out], () => rmSync(out, { recursive: true, force: true })),
        medianShell(batchRuns, ['-e', READ_AND_SPLIT, ...copies.map(([, copy]) => copy)]),
        '≤ 4 s',
      ],
    ];
    const written = readdirSync(out).length;
    if (written !== COPIES) throw new Error(`the batch wrote ${written} files, not ${COPIES}`);
    return `the compiled CLI from the shell, median of ${RUNS} runs; floor: node's own start-up (node -e 0), and for the batch one node process reading and splitting the same files; peak RSS the most of any run\n\n${table(
      ['command', 'median s', 'floor s', 'ratio', 'peak RSS MiB', 'floor RSS MiB', 'bar'],
      rows.map(([name, figure, floor, bar]) => [name, (figure.wall / 1000).toFixed(3), (floor.wall / 1000).toFixed(3), ratio(figure.wall, floor.wall), mib(figure.rss), mib(floor.rss), bar]),
    )}\n\n(${COPIES} copies: ${TEXT_SEEDS.map((s) => basename(s)).join(', ')}, ${COPIES / TEXT_SEEDS.length} of each)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await buildCli();
  console.log(`${fromShell()}\n`);
  console.log(`${await inProcess()}\n`);
  console.log(benchRepair());
}

await main();
