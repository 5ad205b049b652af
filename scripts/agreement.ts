/**
 * Agreement between two readers of the same documents: each second reader's
 * golden file (golden/second-reader/) is scored against the first reader's
 * (golden/) with the scorer `chidao eval` uses, the first reader standing as
 * the reference. Prints one row per document and the macro mean per field,
 * the figures golden/README.md reports.
 *
 *   npx tsx scripts/agreement.ts
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readGolden, scoreAgainstGolden } from '../src/eval/run.ts';
import { FIELDS } from '../src/eval/score.ts';

const root = join(import.meta.dirname, '..');
const second = join(root, 'golden', 'second-reader');
const rows = readdirSync(second)
  .filter((f) => f.endsWith('.tasks.json'))
  .sort()
  .map((file) => {
    const first = readGolden(join(root, 'golden', file));
    const other = readGolden(join(second, file));
    // The second reader's labels stand where an extraction would: the scorer reads only the fields they have.
    const { scores, header } = scoreAgainstGolden(first, { document: other.document, tasks: other.tasks });
    return { file, f1: FIELDS.map((f) => scores[f].f), header: Object.values(header).filter(Boolean).length / Object.values(header).length };
  });
const cell = (x: number) => x.toFixed(2);
console.log(`| document | ${FIELDS.join(' | ')} | header |`);
console.log(`|---|${FIELDS.map(() => '---|').join('')}---|`);
for (const r of rows) console.log(`| ${r.file.replace('.tasks.json', '')} | ${r.f1.map(cell).join(' | ')} | ${cell(r.header)} |`);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`| macro (${rows.length}) | ${FIELDS.map((_, i) => cell(mean(rows.map((r) => r.f1[i])))).join(' | ')} | ${cell(mean(rows.map((r) => r.header)))} |`);
