/**
 * Repair speed on one thread, in syllables per second (median of RUNS), and
 * the time to load the committed language model, as a fresh process would.
 * Stripped benchmark text is the condition the peer restorer was timed in
 * (bench/diacritics/SOURCE.md: about 24,000 syllables/s); the 20-TB OCR text
 * adds the OCR channel and its adaptation to the document.
 */
import { readFileSync } from 'node:fs';
import { readModel } from '../src/repair/lm.ts';
import { loadModel, repairText, stripMarks, syllables } from '../src/repair/index.ts';
import { median } from './stats.ts';

const ROOT = new URL('..', import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8').normalize('NFC');

export function benchRepair(): string {
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    readModel();
    loads.push(performance.now() - started);
  }
  const model = loadModel();
  const inputs: [string, string][] = [
    ['viwiki_2000, marks stripped', stripMarks(read('bench/diacritics/viwiki_2000.gold.txt'))],
    ['vtb_test, marks stripped', stripMarks(read('bench/diacritics/vtb_test.gold.txt'))],
    ['20-TB OCR text', read('corpus/20-TB-CQTTBCD.ocr.txt')],
  ];
  const rows = inputs.map(([name, text]) => {
    const count = text.split('\n').reduce((n, line) => n + syllables(line).length, 0);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      repairText(text, model);
      times.push(performance.now() - started);
    }
    const ms = median(times);
    return `| ${name} | ${count} | ${ms.toFixed(0)} | ${Math.round(count / (ms / 1000))} |`;
  });
  return [
    `repair, one thread, median of ${RUNS} runs; model load (gunzip and parse of data/lm/model.bin.gz) median ${median(loads).toFixed(0)} ms`,
    '',
    '| text | syllables | median ms | syllables/s |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
