/**
 * `npm run learn:channel`: learns the OCR channel (data/repair/channel.tsv)
 * from the page pairs of scripts/make-ocr-pairs.ts. Deterministic.
 *
 *   tsx scripts/learn-channel.ts [--pairs data/repair/ocr-pairs.jsonl.gz] [--out data/repair/channel.tsv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { formatEdits } from '../src/repair/channel.ts';
import { alignWords, learnChannel } from '../src/repair/learn-channel.ts';
import type { OcrPair } from './make-ocr-pairs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: join(ROOT, 'data/repair/ocr-pairs.jsonl.gz') },
    out: { type: 'string', default: join(ROOT, 'data/repair/channel.tsv') },
  },
});

const pages = gunzipSync(readFileSync(values.pairs!))
  .toString('utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as OcrPair);
const words = pages.flatMap((page) => alignWords(page.text, page.ocr));
const edits = learnChannel(words);
const comment = [
  'The OCR channel: log10 P(written | printed letter), case-folded, learnt by `npm run learn:channel`',
  `from ${pages.length} pages of ${relative(ROOT, values.pairs!)} (${words.length} aligned word pairs). Do not edit by hand:`,
  'misreadings that the synthetic pages do not show belong in confusions.tsv. ε is nothing',
  '(a dropped letter, or a character written where no letter was printed).',
].join('\n');
writeFileSync(values.out!, formatEdits(edits, comment));
console.log(`${relative(process.cwd(), values.out!)}: ${edits.length} edits from ${words.length} word pairs on ${pages.length} pages`);
