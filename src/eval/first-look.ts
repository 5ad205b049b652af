/**
 * golden/first-look.json: per golden file, the F1 per field the extractor had
 * before it was ever tuned to that document (scripts/first-look.ts writes it;
 * nothing rewrites an entry). `chidao eval --first-look` prints it, macro per
 * batch and kind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FIELDS } from './score.ts';
import { HEADER_FIELDS } from './run.ts';

const Entry = z.object({
  /** The commit whose extractor was measured. */
  commit: z.string(),
  /** The round the document came in with; the last round is the figure that counts. */
  batch: z.string(),
  kind: z.string(),
  predicted: z.number().int(),
  golden: z.number().int(),
  f1: z.record(z.enum(FIELDS), z.number()),
  header: z.record(z.enum(HEADER_FIELDS), z.boolean()),
  /** Why the extractor of that commit refused the document, when it did. */
  refused: z.string().optional(),
  /**
   * A copy derived from a document already tuned to (its marks stripped): a
   * first look at the text state, not at a document, so it counts under its
   * batch only, never in the kind and overall rows.
   */
  derived: z.boolean().optional(),
});
export const FirstLook = z.record(z.string(), Entry);
export type FirstLook = z.infer<typeof FirstLook>;

export function readFirstLook(root: string): FirstLook {
  const path = join(root, 'golden', 'first-look.json');
  return FirstLook.parse(existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {});
}

export function formatFirstLook(record: FirstLook): string {
  const head = ['golden', 'batch', 'commit', 'pred', 'gold', ...FIELDS, 'no.', 'date'];
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const entries = Object.entries(record);
  for (const [file, e] of entries) {
    out.push(`| ${[file.replace('.tasks.json', ''), e.batch, e.commit, e.predicted, e.golden, ...FIELDS.map((f) => e.f1[f].toFixed(2)), e.header.number ? 'ok' : 'WRONG', e.header.issuedAt ? 'ok' : 'WRONG'].join(' | ')} |`);
  }
  out.push('', '| macro | docs | ' + FIELDS.join(' | ') + ' | no. | date |', `|---|---|${FIELDS.map(() => '---').join('|')}|---|---|`);
  const groups = new Map<string, [string, FirstLook[string]][]>();
  for (const entry of entries) {
    for (const key of entry[1].derived ? [`batch ${entry[1].batch}`] : [`batch ${entry[1].batch}`, `kind ${entry[1].kind}`, 'all']) groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const [label, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = FIELDS.map((f) => mean(group.map(([, e]) => e.f1[f])).toFixed(2));
    const share = (f: 'number' | 'issuedAt') => mean(group.map(([, e]) => Number(e.header[f]))).toFixed(2);
    out.push(`| ${label} | ${group.length} | ${cells.join(' | ')} | ${share('number')} | ${share('issuedAt')} |`);
  }
  return out.join('\n');
}
