/**
 * `chidao eval`: every golden file in golden/ scored against what the
 * pipeline extracts from its corpus document, compared with the bars in
 * golden/bars.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { Golden } from '../schema.ts';
import { extractFile } from '../extract-file.ts';
import { disagreements, FIELDS, scoreTasks, type Field, type Scores } from './score.ts';
import { diffDocs } from '../diff/index.ts';
import { GoldenDiff } from '../diff/schema.ts';
import { scoreDiff, type DiffScores } from '../diff/score.ts';
import { RepairBars } from './repair.ts';

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

export interface EvalRow {
  golden: string;
  /** The key of this row's floors in golden/bars.json. */
  barKey: string;
  /** The text scored, relative to the project root. */
  text: string;
  /** Scored on a hand-corrected text with repair off. */
  corrected: boolean;
  scores: Scores;
  header: { number: boolean; issuedAt: boolean; issuer: boolean; signer: boolean };
  failures: string[];
  detail: ReturnType<typeof disagreements>;
}

/** Header fields compared per row; `number` and `issuedAt` make the `header` bar, the others have bars of their own. */
const HEADER_FIELDS = ['number', 'issuedAt', 'issuer', 'signer'] as const;
const foldHeader = (value: string | null | undefined) => value?.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() ?? null;
const sameHeaderValue = (predicted: string | null | undefined, golden: string | null) => foldHeader(predicted) === foldHeader(golden);

/**
 * Every golden task file scored against the pipeline's extraction of its
 * source. A golden that names a hand-corrected text of its document
 * (`corrected`) gets a second row: that text extracted with repair off, so
 * extraction quality is reported apart from repair quality. Its floors sit in
 * bars.json under the corrected file's name.
 */
export async function evaluate(root: string, show?: Exclude<Field, 'tasks'>): Promise<EvalRow[]> {
  const goldenDir = join(root, 'golden');
  const bars = readBars(root).files;
  const rows: EvalRow[] = [];
  for (const file of readdirSync(goldenDir).filter((f) => f.endsWith('.tasks.json')).sort()) {
    const parsed = Golden.safeParse(JSON.parse(readFileSync(join(goldenDir, file), 'utf8')));
    if (!parsed.success) throw new Error(`golden/${file} does not follow the golden schema: ${z.prettifyError(parsed.error)}`);
    const golden = parsed.data;
    const runs = [{ text: golden.source, barKey: file, label: file.replace('.tasks.json', ''), corrected: false }];
    if (golden.corrected) runs.push({ text: golden.corrected, barKey: basename(golden.corrected), label: `${file.replace('.tasks.json', '')} (corrected text)`, corrected: true });
    for (const run of runs) {
      const doc = await extractFile(join(root, run.text), run.corrected ? { noRepair: true } : {});
      const scope = golden.scope;
      const predicted = (doc.tasks ?? []).filter((t) => !scope || t.clause === scope || t.clause.startsWith(`${scope}.`));
      const scores = scoreTasks(predicted, golden.tasks);
      const header = Object.fromEntries(HEADER_FIELDS.map((f) => [f, sameHeaderValue(doc.header?.[f], golden.document[f])])) as EvalRow['header'];
      const bar = bars[run.barKey] ?? {};
      const failures = FIELDS.filter((f) => bar[f] !== undefined && scores[f].f + 1e-9 < bar[f]).map((f) => `${f} F1 ${scores[f].f.toFixed(3)} < ${bar[f]}`);
      if (bar.header && !(header.number && header.issuedAt)) failures.push('document number or date wrong');
      for (const f of ['issuer', 'signer'] as const) if (bar[f] && !header[f]) failures.push(`document ${f} wrong`);
      rows.push({ golden: run.label, barKey: run.barKey, text: run.text, corrected: run.corrected, scores, header, failures, detail: show ? disagreements(predicted, golden.tasks, show) : [] });
    }
  }
  return rows;
}

export function formatEval(rows: EvalRow[]): string {
  const out: string[] = [];
  const head = ['golden', 'pred', 'gold', ...FIELDS.map((f) => `${f} P/R/F1`), 'no.', 'date', 'issuer', 'signer'];
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  const ok = (b: boolean) => (b ? 'ok' : 'WRONG');
  for (const row of rows) {
    const s = row.scores;
    const cells = FIELDS.map((f) => `${s[f].p.toFixed(2)}/${s[f].r.toFixed(2)}/${s[f].f.toFixed(2)}`);
    out.push(`| ${[row.golden, s.predicted, s.golden, ...cells, ok(row.header.number), ok(row.header.issuedAt), ok(row.header.issuer), ok(row.header.signer)].join(' | ')} |`);
  }
  for (const row of rows) {
    for (const f of row.failures) out.push(`below bar: ${row.barKey}: ${f}`);
    for (const d of row.detail) out.push(`${row.golden} ${d.clause}: predicted ${JSON.stringify(d.predicted)} golden ${JSON.stringify(d.golden)}`);
  }
  return out.join('\n');
}
