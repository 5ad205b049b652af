/**
 * The repair stage measured as issue 3 asks, every figure from a model that
 * never saw the text it scores:
 * - the 20-TB OCR text against its hand-corrected version (word accuracy,
 *   character error rate), with 19-BC left out of training (it is
 *   near-parallel to the notice's appendix) and with every seed in;
 * - each clean seed with its marks stripped, repaired by a model trained
 *   without its fold (FOLDS: a draft and its adoption are near-parallel, so
 *   they leave together), and the same seeds as typed, which must come back
 *   unchanged;
 * - the public diacritics sets in bench/diacritics (never trained on).
 * Held-out models come from ./held-out.ts.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { loadModel, repairText, stripMarks, syllableAccuracy } from '../repair/index.ts';
import { SEED_SOURCES } from '../repair/build-lm.ts';
import { textAccuracy } from '../repair/score.ts';
import { heldOutModels, type HeldOutOptions } from './held-out.ts';
const NEAR_PARALLEL = 'corpus/19-BC-CQTTBCD.md';
/**
 * The seeds in groups that leave training together: one model per group, two
 * builds in all, and no seed repaired by a model that saw a near-copy of it.
 */
const FOLDS = [
  ['corpus/17-TB-CQTTBCD-phu-luc.txt', 'corpus/17-TB-CQTTBCD-phu-luc.draft.txt'],
  [NEAR_PARALLEL, 'corpus/04-TB-BCDTW.txt'],
];
const OCR = { source: 'corpus/20-TB-CQTTBCD.ocr.txt', corrected: 'golden/20-TB-CQTTBCD.corrected.txt' };
const BENCHMARKS = ['viwiki_2000', 'vtb_test'];

/** A floor (`min`) or a ceiling (`max`) for one measure, in golden/bars.json under `repair`. */
export const RepairBars = z.record(z.string(), z.object({ min: z.number().optional(), max: z.number().optional() }));

export interface RepairRow {
  measure: string;
  value: number;
  count: string;
  failure?: string;
}

export type RepairEvalOptions = HeldOutOptions;

export async function evaluateRepair(root: string, bars: z.infer<typeof RepairBars>, options: RepairEvalOptions = {}): Promise<RepairRow[]> {
  const read = (path: string) => readFileSync(join(root, path), 'utf8').normalize('NFC').replace(/\r\n/g, '\n');
  const unfolded = SEED_SOURCES.filter((seed) => !FOLDS.some((fold) => fold.includes(seed)));
  if (unfolded.length) throw new Error(`training seeds in no fold: ${unfolded.join(', ')}`);
  const foldModels = await heldOutModels(root, FOLDS, options);
  const models = new Map(FOLDS.flatMap((fold, k) => fold.map((seed) => [seed, foldModels[k]] as const)));
  const rows: RepairRow[] = [];
  const add = (measure: string, value: number, count: string) => {
    const bar = bars[measure];
    const failure =
      bar?.min !== undefined && value + 1e-9 < bar.min ? `${pct(value)} < ${pct(bar.min)}` : bar?.max !== undefined && value - 1e-9 > bar.max ? `${pct(value)} > ${pct(bar.max)}` : undefined;
    rows.push({ measure, value, count, failure });
  };

  const ocr = read(OCR.source);
  const corrected = read(OCR.corrected);
  for (const [label, model] of [[`without ${FOLDS.find((fold) => fold.includes(NEAR_PARALLEL))!.map((seed) => basename(seed)).join(' and ')}`, loadModel(models.get(NEAR_PARALLEL))], ['the committed model', loadModel()]] as const) {
    const a = textAccuracy(corrected, repairText(ocr, model).text);
    add(`20-TB OCR, ${label}: word accuracy`, a.wordAccuracy, `${a.words - a.wordErrors}/${a.words}`);
    add(`20-TB OCR, ${label}: character error rate`, a.characterErrorRate, '');
  }

  let changed = 0;
  let words = 0;
  for (const seed of SEED_SOURCES) {
    const model = loadModel(models.get(seed));
    const gold = read(seed);
    const s = syllableAccuracy(gold, repairText(stripMarks(gold), model).text);
    add(`${basename(seed)} stripped, its fold left out: syllable accuracy`, s.accuracy, `${s.correct}/${s.total}`);
    const before = gold.split(/\s+/).filter(Boolean);
    const after = repairText(gold, model).text.split(/\s+/).filter(Boolean);
    words += before.length;
    before.forEach((w, k) => (changed += w === after[k] ? 0 : 1));
  }
  add('seeds as typed, their folds left out: words changed', changed / words, `${changed}/${words}`);

  for (const name of BENCHMARKS) {
    const gold = read(`bench/diacritics/${name}.gold.txt`).replace(/\n$/, '');
    const s = syllableAccuracy(gold, repairText(stripMarks(gold), loadModel()).text);
    add(`${name} stripped: syllable accuracy`, s.accuracy, `${s.correct}/${s.total}`);
  }
  return rows;
}

export function formatRepairEval(rows: RepairRow[]): string {
  const out = ['| repair | result | count |', '|---|---|---|'];
  for (const r of rows) out.push(`| ${r.measure} | ${pct(r.value)} | ${r.count} |`);
  for (const r of rows) if (r.failure) out.push(`below bar: repair: ${r.measure}: ${r.failure}`);
  return out.join('\n');
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
