/**
 * Records the first look: how an extractor that was never tuned to a newly
 * labelled document scores on it. Each golden file is scored against what the
 * CLI of commit REF extracts from its source (run in a temporary worktree of
 * that commit), with today's scorer, and the figures go into
 * golden/first-look.json. An entry once written is never replaced: the first
 * look happens once.
 *
 * With --stripped, each golden's stripped copy (its `stripped` field) is
 * scored instead, under the copy's file name.
 *
 *   npx tsx scripts/first-look.ts --commit REF --batch NAME [--stripped] GOLDEN.tasks.json…
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Extraction } from '../src/schema.ts';
import { readGolden, scoreAgainstGolden } from '../src/eval/run.ts';
import { FIELDS } from '../src/eval/score.ts';
import { FirstLook } from '../src/eval/first-look.ts';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { commit: { type: 'string' }, batch: { type: 'string' }, stripped: { type: 'boolean', default: false } } });
if (!values.commit || !values.batch || !positionals.length) {
  console.error('usage: first-look.ts --commit REF --batch NAME [--stripped] GOLDEN.tasks.json…');
  process.exit(2);
}
const commit = execFileSync('git', ['rev-parse', '--short', values.commit], { cwd: root, encoding: 'utf8' }).trim();
const recordPath = join(root, 'golden', 'first-look.json');
const record = FirstLook.parse(existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : {});

const tree = mkdtempSync(join(tmpdir(), 'chidao-first-look-'));
execFileSync('git', ['worktree', 'add', '--detach', tree, commit], { cwd: root, stdio: 'ignore' });
symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
try {
  for (const path of positionals) {
    const golden = readGolden(path);
    const source = values.stripped ? golden.stripped : golden.source;
    if (!source) throw new Error(`${path} names no stripped copy`);
    const key = values.stripped ? basename(source) : basename(path);
    if (record[key]) {
      console.log(`${key}: first look already recorded (${record[key].commit}), left as it is`);
      continue;
    }
    const run = spawnSync('npx', ['tsx', 'src/cli.ts', 'extract', join(root, source), '--format', 'json'], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 28 });
    // A document the extractor refused (exit 2) scores as no tasks and no header.
    const extraction = run.status === 0 ? Extraction.parse(JSON.parse(run.stdout)) : { document: { number: null, kind: null, issuer: null, issuedAt: null, place: null, title: null, signer: null, addressees: [] }, tasks: [] };
    const { scores, header } = scoreAgainstGolden(golden, extraction);
    record[key] = {
      commit,
      batch: values.batch,
      kind: golden.document.kind ?? '(none)',
      predicted: scores.predicted,
      golden: scores.golden,
      f1: Object.fromEntries(FIELDS.map((f) => [f, Number(scores[f].f.toFixed(3))])) as Record<(typeof FIELDS)[number], number>,
      header,
      ...(run.status === 0 ? {} : { refused: run.stderr.trim().split('\n').at(-1) ?? `exit ${run.status}` }),
      ...(values.stripped ? { derived: true } : {}),
    };
    console.log(`${key}: ${FIELDS.map((f) => `${f} ${record[key].f1[f].toFixed(2)}`).join(', ')}`);
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: root, stdio: 'ignore' });
  rmSync(tree, { recursive: true, force: true });
}
const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(recordPath, `${JSON.stringify(sorted, null, 2)}\n`);
