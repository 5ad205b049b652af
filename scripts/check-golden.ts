/**
 * Checks hand-written golden files before they are used: each parses with the
 * Golden schema, and every task's `text` and `deadline.text` stand in its
 * source document (after Markdown marks are dropped and whitespace joined), so
 * a label cannot drift from the words it labels. It never runs the extractor.
 *
 *   npx tsx scripts/check-golden.ts golden/B-05-….tasks.json [more…]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Golden } from '../src/schema.ts';

const root = join(import.meta.dirname, '..');
/** Markdown emphasis, table pipes, HTML tags and escapes are not words; every run of whitespace is one space. */
const flatten = (s: string) =>
  s
    .normalize('NFC')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|\|/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

let failures = 0;
for (const file of process.argv.slice(2)) {
  const parsed = Golden.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    console.log(`${file}: not a golden file: ${z.prettifyError(parsed.error)}`);
    failures++;
    continue;
  }
  const golden = parsed.data;
  const source = flatten(readFileSync(join(root, golden.source), 'utf8'));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const task of golden.tasks) {
    if (seen.has(task.clause)) problems.push(`${task.clause}: clause path used twice`);
    seen.add(task.clause);
    if (!source.includes(flatten(task.text))) problems.push(`${task.clause}: text not found in the source: ${task.text.slice(0, 80)}…`);
    const deadline = task.deadline.text;
    if (deadline && !source.includes(flatten(deadline))) problems.push(`${task.clause}: deadline text not found: ${deadline}`);
    if (task.deadline.kind === 'none' && (task.deadline.date || deadline)) problems.push(`${task.clause}: kind none with a date or text`);
    if (task.deadline.kind === 'recurring' && !task.deadline.recurrence) problems.push(`${task.clause}: recurring without recurrence`);
    if (['by', 'from'].includes(task.deadline.kind) && !task.deadline.date) problems.push(`${task.clause}: ${task.deadline.kind} without a date`);
  }
  console.log(problems.length ? `${file}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}` : `${file}: ok, ${golden.tasks.length} tasks`);
  if (problems.length) failures++;
}
process.exitCode = failures ? 1 : 0;
