/**
 * `chidao eval`: every golden file in golden/ scored against what the
 * pipeline extracts from its corpus document, compared with the bars in
 * golden/bars.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { Golden, type Extraction } from '../schema.ts';
import { extractFile } from '../extract-file.ts';
import type { Doc } from '../doc/model.ts';
import { disagreements, FIELDS, scoreTasks, type Field, type Scorable, type Scores } from './score.ts';
import { diffDocs } from '../diff/index.ts';
import { GoldenDiff } from '../diff/schema.ts';
import { scoreDiff, type DiffScores } from '../diff/score.ts';
import { RepairBars } from './repair.ts';
import { heldOutModels, type HeldOutOptions } from './held-out.ts';
import { loadModel, type LanguageModel } from '../repair/index.ts';
import { TRAINING_SOURCES } from '../repair/build-lm.ts';

export interface DiffEvalRow {
  golden: string;
  scores: DiffScores;
  failures: string[];
}

/** Every golden diff (`golden/diff-*.json`): the pipeline's diff of its two documents, pair and change-type F1. */
export async function evaluateDiffs(root: string): Promise<DiffEvalRow[]> {
  const goldenDir = join(root, 'golden');
  const bars = readBars(root).files;
  const rows: DiffEvalRow[] = [];
  for (const file of readdirSync(goldenDir).filter((f) => /^diff-.*\.json$/.test(f)).sort()) {
    const golden = GoldenDiff.parse(JSON.parse(readFileSync(join(goldenDir, file), 'utf8')));
    const result = diffDocs(await extractFile(join(root, golden.old)), await extractFile(join(root, golden.new)));
    const scores = scoreDiff(result, golden);
    const bar = bars[file] ?? {};
    const failures = (['pairs', 'types'] as const).filter((k) => bar[k] !== undefined && scores[k].f + 1e-9 < bar[k]).map((k) => `${k} F1 ${scores[k].f.toFixed(3)} < ${bar[k]}`);
    rows.push({ golden: file, scores, failures });
  }
  return rows;
}

export function formatDiffEval(rows: DiffEvalRow[]): string {
  const out = ['| golden diff | pairs P/R/F1 | change types P/R/F1 |', '|---|---|---|'];
  const cell = (x: { p: number; r: number; f: number }) => `${x.p.toFixed(2)}/${x.r.toFixed(2)}/${x.f.toFixed(2)}`;
  for (const row of rows) out.push(`| ${row.golden} | ${cell(row.scores.pairs)} | ${cell(row.scores.types)} |`);
  for (const row of rows) for (const f of row.failures) out.push(`below bar: ${row.golden}: ${f}`);
  return out.join('\n');
}

const FileBars = z.record(z.string(), z.record(z.string(), z.number()));

/** golden/bars.json: floors per golden file and field, and under `repair` the repair measures' floors and ceilings. */
export function readBars(root: string): { files: z.infer<typeof FileBars>; repair: z.infer<typeof RepairBars> } {
  const { repair, ...files } = JSON.parse(readFileSync(join(root, 'golden', 'bars.json'), 'utf8')) as Record<string, unknown>;
  return { files: FileBars.parse(files), repair: RepairBars.parse(repair ?? {}) };
}

export type TextVariant = 'source' | 'corrected' | 'stripped';

export interface EvalRow {
  /** The row's label: the golden file's name, and which text of it when not its source. */
  golden: string;
  /** The golden file scored (`B-42-….tasks.json`): the rows of one document share it. */
  file: string;
  /** The key of this row's floors in golden/bars.json. */
  barKey: string;
  /** The text scored, relative to the project root. */
  text: string;
  /** The document kind the golden file gives (`CHỈ THỊ`, `CÔNG VĂN`, …), for the per-kind table. */
  kind: string;
  /**
   * Which text of the golden's document was scored: its source, the
   * hand-corrected text (repair off) or the stripped copy (repaired).
   */
  variant: TextVariant;
  scores: Scores;
  header: Record<HeaderField, boolean>;
  failures: string[];
  detail: ReturnType<typeof disagreements>;
}

/** Header fields compared per row; `number` and `issuedAt` make the `header` bar, the others have bars of their own. */
export const HEADER_FIELDS = ['number', 'issuedAt', 'kind', 'issuer', 'signer', 'addressees'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];
const foldHeader = (value: string | null | undefined) => value?.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() ?? null;
const sameHeaderValue = (predicted: string | string[] | null | undefined, golden: string | string[] | null) => {
  if (Array.isArray(golden) || Array.isArray(predicted)) {
    const a = new Set((Array.isArray(predicted) ? predicted : []).map(foldHeader));
    const b = new Set((Array.isArray(golden) ? golden : []).map(foldHeader));
    return a.size === b.size && [...a].every((x) => b.has(x));
  }
  return foldHeader(predicted) === foldHeader(golden);
};

/** Reads and parses one golden task file. */
export function readGolden(path: string): Golden {
  const parsed = Golden.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} does not follow the golden schema: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A golden file scored against one extraction of its document: a pure function of the two. */
export function scoreAgainstGolden(golden: Golden, extraction: { document: Extraction['document']; tasks: Scorable[] }, show?: Exclude<Field, 'tasks'>) {
  const scope = golden.scope;
  const predicted = extraction.tasks.filter((t) => !scope || t.clause === scope || t.clause.startsWith(`${scope}.`));
  const scores = scoreTasks(predicted, golden.tasks);
  const header = Object.fromEntries(HEADER_FIELDS.map((f) => [f, sameHeaderValue(extraction.document[f], golden.document[f])])) as Record<HeaderField, boolean>;
  return { scores, header, detail: show ? disagreements(predicted, golden.tasks, show) : [] };
}

/** The golden task files of golden/, sorted. */
export function goldenFiles(root: string): string[] {
  return readdirSync(join(root, 'golden')).filter((f) => f.endsWith('.tasks.json')).sort();
}

/**
 * Every golden task file scored against the pipeline's extraction of its
 * source. A golden that names a hand-corrected text of its document
 * (`corrected`) gets a second row: that text extracted with repair off, so
 * extraction quality is reported apart from repair quality. Its floors sit in
 * bars.json under the corrected file's name. A golden that names a stripped
 * copy (`stripped`) gets a row for it, read with repair as a user's copy would
 * be, its floors under the copy's name.
 */
export async function evaluate(root: string, show?: Exclude<Field, 'tasks'>, options: HeldOutOptions = {}): Promise<EvalRow[]> {
  const bars = readBars(root).files;
  const rows: EvalRow[] = [];
  for await (const { file, golden, run, doc } of scoredExtractions(root, options)) {
    const { scores, header, detail } = scoreAgainstGolden(golden, { document: doc.header!, tasks: doc.tasks ?? [] }, show);
    const bar = bars[run.barKey] ?? {};
    const failures = FIELDS.filter((f) => bar[f] !== undefined && scores[f].f + 1e-9 < bar[f]).map((f) => `${f} F1 ${scores[f].f.toFixed(3)} < ${bar[f]}`);
    if (bar.header && !(header.number && header.issuedAt)) failures.push('document number or date wrong');
    for (const f of ['kind', 'issuer', 'signer', 'addressees'] as const) if (bar[f] && !header[f]) failures.push(`document ${f} wrong`);
    rows.push({ golden: run.label, file, barKey: run.barKey, text: run.text, kind: golden.document.kind ?? '(none)', variant: run.variant, scores, header, failures, detail });
  }
  return rows;
}

/** One text `chidao eval` scores: the golden's source, its hand-corrected text or its stripped copy. */
export interface ScoredRun {
  text: string;
  barKey: string;
  label: string;
  variant: TextVariant;
}

/** Every text `chidao eval` scores, extracted as eval reads it (see `evaluate`), one at a time. */
export async function* scoredExtractions(root: string, options: HeldOutOptions = {}): AsyncGenerator<{ file: string; golden: Golden; run: ScoredRun; doc: Doc }> {
  const goldens = goldenFiles(root).map((file) => [file, readGolden(join(root, 'golden', file))] as const);
  const strippedModel = await modelWithout(root, goldens.filter(([, golden]) => golden.stripped).map(([, golden]) => golden.source), options);
  for (const [file, golden] of goldens) {
    const label = file.replace('.tasks.json', '');
    const runs: ScoredRun[] = [{ text: golden.source, barKey: file, label, variant: 'source' }];
    if (golden.corrected) runs.push({ text: golden.corrected, barKey: basename(golden.corrected), label: `${label} (corrected text)`, variant: 'corrected' });
    if (golden.stripped) runs.push({ text: golden.stripped, barKey: basename(golden.stripped), label: `${label} (stripped copy)`, variant: 'stripped' });
    for (const run of runs) {
      const doc = await extractFile(join(root, run.text), run.variant === 'corrected' ? { noRepair: true } : run.variant === 'stripped' ? { repairModel: strippedModel } : {});
      yield { file, golden, run, doc };
    }
  }
}

/**
 * The model the stripped copies are repaired with: trained without their
 * sources, which the committed model read (it would restore their marks
 * from memory).
 */
async function modelWithout(root: string, sources: string[], options: HeldOutOptions): Promise<LanguageModel | undefined> {
  const held = sources.filter((path) => TRAINING_SOURCES.includes(path));
  if (!held.length) return undefined;
  const [path] = await heldOutModels(root, [held], options);
  return loadModel(path);
}

/** Macro F1 per field over rows (each document counts once), and header fields as the share right. */
export function macro(rows: Pick<EvalRow, 'scores' | 'header'>[]): Record<Field, number> & Record<HeaderField, number> {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    ...(Object.fromEntries(FIELDS.map((f) => [f, mean(rows.map((r) => r.scores[f].f))])) as Record<Field, number>),
    ...(Object.fromEntries(HEADER_FIELDS.map((f) => [f, mean(rows.map((r) => Number(r.header[f])))])) as Record<HeaderField, number>),
  };
}

/**
 * Macro figures per document kind and over all documents (each read from its
 * source, the seeds included), then the stripped copies beside their own
 * documents' source rows, so the cost of losing the marks reads off one pair
 * of lines.
 */
export function formatMacro(rows: EvalRow[]): string {
  const head = ['kind', 'docs', ...FIELDS, ...HEADER_FIELDS];
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const line = (label: string, group: EvalRow[]) => {
    const m = macro(group);
    out.push(`| ${[label, group.length, ...FIELDS.map((f) => m[f].toFixed(2)), ...HEADER_FIELDS.map((f) => m[f].toFixed(2))].join(' | ')} |`);
  };
  const scored = rows.filter((r) => r.variant === 'source');
  for (const kind of [...new Set(scored.map((r) => r.kind))].sort()) line(kind, scored.filter((r) => r.kind === kind));
  line('all', scored);
  const stripped = rows.filter((r) => r.variant === 'stripped');
  if (stripped.length) {
    const originals = new Set(stripped.map((r) => r.file));
    line('their sources', scored.filter((r) => originals.has(r.file)));
    line('stripped copies', stripped);
  }
  return out.join('\n');
}

export function formatEval(rows: EvalRow[]): string {
  const out: string[] = [];
  const head = ['golden', 'pred', 'gold', ...FIELDS.map((f) => `${f} P/R/F1`), 'no.', 'date', 'kind', 'issuer', 'signer', 'to'];
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  const ok = (b: boolean) => (b ? 'ok' : 'WRONG');
  for (const row of rows) {
    const s = row.scores;
    const cells = FIELDS.map((f) => `${s[f].p.toFixed(2)}/${s[f].r.toFixed(2)}/${s[f].f.toFixed(2)}`);
    out.push(`| ${[row.golden, s.predicted, s.golden, ...cells, ...HEADER_FIELDS.map((f) => ok(row.header[f]))].join(' | ')} |`);
  }
  for (const row of rows) {
    for (const f of row.failures) out.push(`below bar: ${row.barKey}: ${f}`);
    for (const d of row.detail) out.push(`${row.golden} ${d.clause}: predicted ${JSON.stringify(d.predicted)} golden ${JSON.stringify(d.golden)}`);
  }
  return out.join('\n');
}
