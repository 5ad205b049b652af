/**
 * The repair benchmark table: strip the marks from gold text, repair, and
 * count syllables that come back exactly (bench/diacritics/SOURCE.md).
 *
 *   tsx scripts/eval-repair.ts [--retrain]
 *
 * Leave-one-out needs a model trained without each clean seed; those are
 * built once (two at a time) into the system's temp folder and reused.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModel, repairText, stripMarks, syllableAccuracy } from '../src/repair/index.ts';
import { readModel } from '../src/repair/lm.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = ['corpus/19-BC-CQTTBCD.md', 'corpus/17-TB-CQTTBCD-phu-luc.txt', 'corpus/17-TB-CQTTBCD-phu-luc.draft.txt', 'corpus/04-TB-BCDTW.txt'];
const BENCHMARKS = ['viwiki_2000', 'vtb_test'];

const { values } = parseArgs({ options: { retrain: { type: 'boolean', default: false } } });
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8').normalize('NFC').replace(/\r\n/g, '\n');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const rows: string[][] = [];

// Load time: a fresh read of the committed model, as a process would do it.
let started = performance.now();
const model = readModel();
const loadMs = performance.now() - started;

let speedSyllables = 0;
let speedMs = 0;
for (const name of BENCHMARKS) {
  const gold = read(`bench/diacritics/${name}.gold.txt`).replace(/\n$/, '');
  started = performance.now();
  const out = repairText(stripMarks(gold), model);
  const ms = performance.now() - started;
  const score = syllableAccuracy(gold, out.text);
  speedSyllables += score.total;
  speedMs += ms;
  rows.push([`${name} (strip, repair)`, pct(score.accuracy), `${score.correct}/${score.total}`]);
}

// Leave-one-out: each seed scored by a model that never saw it.
const looDir = (seed: string) => join(tmpdir(), 'chidao-lm-loo', basename(seed));
const train = (seed: string) =>
  new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/train-lm.ts'), '--exclude', seed, '--out', looDir(seed)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`training without ${seed} failed (${code})`))));
  });
const missing = SEEDS.filter((s) => values.retrain || !existsSync(join(looDir(s), 'model.bin.gz')));
for (let i = 0; i < missing.length; i += 2) await Promise.all(missing.slice(i, i + 2).map(train));

let changed = 0;
let words = 0;
for (const seed of SEEDS) {
  const loo = loadModel(join(looDir(seed), 'model.bin.gz'));
  const gold = read(seed);
  const score = syllableAccuracy(gold, repairText(stripMarks(gold), loo).text);
  rows.push([`${basename(seed)} (leave-one-out, strip, repair)`, pct(score.accuracy), `${score.correct}/${score.total}`]);
  // Pass-through: the seed as typed must come back as it is.
  const before = gold.split(/\s+/).filter(Boolean);
  const after = repairText(gold, loo).text.split(/\s+/).filter(Boolean);
  words += before.length;
  before.forEach((w, k) => (changed += w === after[k] ? 0 : 1));
}
rows.push(['pass-through, 4 seeds as typed (words changed, leave-one-out models)', pct(changed / words), `${changed}/${words}`]);
rows.push(['speed, both benchmarks, one thread', `${Math.round(speedSyllables / (speedMs / 1000))} syllables/s`, `${speedSyllables} in ${(speedMs / 1000).toFixed(2)} s`]);
rows.push(['model load (data/lm/model.bin.gz)', `${loadMs.toFixed(0)} ms`, '']);

console.log('| measure | result | count |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
