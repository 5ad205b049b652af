/**
 * `npm run train`: builds data/lm/model.bin.gz from the text the project ships
 * (data/lm/sources/ and the clean seeds in corpus/). Deterministic: the same
 * sources give the same bytes.
 *
 *   tsx scripts/train-lm.ts [--exclude corpus/19-BC-CQTTBCD.md]... [--out DIR] [--fast]
 *
 * --fast compresses lightly: for the held-out models `chidao eval`
 * caches, where the build's time matters more than the file's size.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildModel, TRAINING_SOURCES } from '../src/repair/build-lm.ts';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    exclude: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: join(ROOT, 'data/lm') },
    fast: { type: 'boolean', default: false },
  },
});
const excluded = new Set(values.exclude!.map((p) => relative(ROOT, resolve(p))));
const unknown = [...excluded].filter((p) => !TRAINING_SOURCES.includes(p));
if (unknown.length) {
  console.error(`not a training source: ${unknown.join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const used = TRAINING_SOURCES.filter((p) => !excluded.has(p));
const lines: string[] = [];
for (const path of used) {
  const bytes = readFileSync(join(ROOT, path));
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').normalize('NFC');
  for (const line of text.split(/\r?\n/)) lines.push(line);
}
const model = buildModel(lines, { sources: used });
mkdirSync(values.out!, { recursive: true });
const out = join(values.out!, 'model.bin.gz');
// Written aside and renamed, so an interrupted build never leaves a model that looks whole.
writeFileSync(`${out}.partial`, gzipSync(model, { level: values.fast ? 1 : 9 }));
renameSync(`${out}.partial`, out);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${relative(process.cwd(), out)}: ${(model.length / 1e6).toFixed(1)} MB raw, built from ${used.length} sources in ${seconds} s`);
