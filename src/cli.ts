/**
 * chidao: Vietnamese directive notices in, checked task lists out.
 * Usage errors and bad input print one line `chidao: FILE: reason` and exit 2.
 * Each command imports its modules when it runs (`await import()`), so that
 * `chidao --version` or an extraction of a text never loads pdfjs,
 * tesseract.js, the stores' drivers or the evaluation.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FORMATS, type Format } from './format/index.ts';
import { COMMANDS, USAGE, commandHelp } from './help.ts';
import { LIMIT_OPTIONS, limitsFromFlags } from './ingest/limits.ts';
import { InputError } from './doc/model.ts';
import type { TaskPage } from './store/commands.ts';
import { STORE_FORMATS, type StoreFormat } from './store/render.ts';
import { QUERY_PAGE, ROLE_FILTERS, StoreError } from './store/types.ts';

/** What `extract` takes for several files; the flags as parsed. */
interface BatchFlags {
  out?: string;
  'out-dir'?: string;
  jobs?: string;
  pipeline?: string;
  'no-repair'?: boolean;
  repair?: boolean;
  tessdata?: string;
}

/**
 * Without --jobs, fewer files than this are extracted on the main thread: a
 * worker spends about 0.2 core-seconds loading the pipeline, which two cores
 * win back from a few dozen documents on (4 seeds: 0.6 s of CPU on the main
 * thread, 1.0 s in two workers).
 */
const THREADS_FROM = 20;

/**
 * `chidao extract` of several files and folders: JSON Lines on stdout (or
 * in OUT), or with --out-dir one file per input. A file that fails is
 * reported with its reason and skipped; exit code 1 if any failed.
 */
async function extractBatch(inputs: string[], format: Format, values: BatchFlags & Parameters<typeof limitsFromFlags>[0]): Promise<number> {
  const outDir = values['out-dir'];
  if (outDir !== undefined && values.out !== undefined) throw new UsageError('--out-dir writes a file per input: leave out -o');
  if (outDir === undefined && format !== 'json') throw new UsageError(`several inputs print JSON Lines: --format ${format} needs --out-dir DIR`);
  if (values.jobs !== undefined && !/^[1-9]\d*$/.test(values.jobs)) throw new UsageError('--jobs takes a whole number of worker threads, 1 or more');
  const [{ expandInputs, READABLE_EXTENSIONS }, { runBatch }, { emit, writeAtomic }, { progressBar }, { availableParallelism }] = await Promise.all([
    import('./inputs.ts'),
    import('./extract-batch.ts'),
    import('./output.ts'),
    import('./store/progress.ts'),
    import('node:os'),
  ]);
  const { files, missing } = await expandInputs(inputs, { extensions: READABLE_EXTENSIONS });
  if (!files.length && !missing.length) throw new UsageError(`no readable files in ${inputs.join(', ')}`);
  const targets = outDir === undefined ? null : outputNames(files, outDir, format);
  if (outDir !== undefined) mkdirSync(outDir, { recursive: true });
  const limits = limitsFromFlags(values);
  const jobs = files.map((path) => ({ path, format: outDir === undefined ? ('jsonl' as const) : format, pipeline: values.pipeline, noRepair: values['no-repair'], forceRepair: values.repair, tessdata: values.tessdata, limits }));
  const failures = missing.map((path) => `chidao: ${path}: no such file or folder`);
  const warnings: string[] = [];
  const lines: string[] = [];
  let written = 0;
  const started = performance.now();
  const bar = progressBar(files.length);
  try {
    const workers = values.jobs !== undefined ? Number(values.jobs) : files.length >= THREADS_FROM ? availableParallelism() : 1;
    await runBatch(jobs, workers, (job, outcome) => {
      if (outcome.reason !== undefined) return void failures.push(`chidao: ${job.path}: ${outcome.reason}`);
      warnings.push(...outcome.warnings);
      written++;
      if (targets) writeAtomic(targets.get(job.path)!, outcome.output);
      else if (values.out !== undefined) lines.push(outcome.output);
      else process.stdout.write(outcome.output);
    }, (job) => bar.tick(job.path));
  } finally {
    bar.done();
  }
  if (values.out !== undefined) emit(lines.join(''), values.out);
  for (const line of [...warnings, ...failures]) process.stderr.write(`${line}\n`);
  const total = files.length + missing.length;
  process.stderr.write(`chidao: ${written} of ${total} file${total === 1 ? '' : 's'} extracted${failures.length ? `, ${failures.length} failed` : ''} in ${((performance.now() - started) / 1000).toFixed(2)} s${outDir === undefined ? '' : ` into ${outDir}`}\n`);
  return failures.length ? 1 : 0;
}

/** Each file's output in `dir`: its name with the format's extension. Two inputs to one name, or an output over an input, is a usage error. */
function outputNames(files: string[], dir: string, format: Format): Map<string, string> {
  const targets = new Map<string, string>();
  const byTarget = new Map<string, string>();
  const inputs = new Set(files.map((f) => resolve(f)));
  for (const file of files) {
    const target = join(dir, `${basename(file, extname(file))}.${format}`);
    const other = byTarget.get(resolve(target));
    if (other) throw new UsageError(`--out-dir: ${other} and ${file} would both be written to ${target}`);
    if (inputs.has(resolve(target))) throw new UsageError(`--out-dir: ${target} would overwrite an input`);
    byTarget.set(resolve(target), file);
    targets.set(file, target);
  }
  return targets;
}

/** Formats of `diff`; kept here so that a usage error is found before the diff modules load. */
const DIFF_FORMATS = ['json', 'md', 'html'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command && Object.hasOwn(COMMANDS, command) && wantsHelp(rest)) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return 0;
  }
  switch (command) {
    case 'extract':
      return commandExtract(rest);
    case 'review':
      return commandReview(rest);
    case 'eval':
      return commandEval(rest);
    case 'repair':
      return commandRepair(rest);
    case 'diff':
      return commandDiff(rest);
    case 'ocr':
      return commandOcr(rest);
    case 'corpus':
      return commandCorpus(rest);
    case 'query':
      return commandQuery(rest, 'query');
    case 'stats':
      return commandQuery(rest, 'stats');
    case 'task':
      return (await import('./track/cli.ts')).taskCommand(rest);
    case 'status':
      return (await import('./track/cli.ts')).statusCommand(rest);
    case 'report':
      return (await import('./track/cli.ts')).reportCommand(rest);
    case 'calendar':
      return (await import('./track/cli.ts')).calendarCommand(rest);
    case '-v':
    case '--version':
      process.stdout.write(`${version()}\n`);
      return 0;
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${command === 'help' && rest[0] && Object.hasOwn(COMMANDS, rest[0]) ? commandHelp(rest[0]) : USAGE}\n`);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

/** `--help` or `-h` among a command's arguments, before any `--`. */
function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

async function commandExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, out: { type: 'string', short: 'o' }, 'out-dir': { type: 'string' }, jobs: { type: 'string' }, ...READ_OPTIONS },
  });
  if (!positionals.length) throw new UsageError('extract takes a FILE, or several files and folders');
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  await checkPipeline(values.pipeline);
  if (positionals.length > 1 || values['out-dir'] !== undefined || statSync(positionals[0], { throwIfNoEntry: false })?.isDirectory()) {
    return extractBatch(positionals, format, values);
  }
  const [{ doc, extraction }, { render }, { emit }, { LOW_CONFIDENCE }] = await Promise.all([readNotice(positionals[0], values), import('./format/index.ts'), import('./output.ts'), import('./schema.ts')]);
  emit(render(extraction, format), values.out);
  // What a reviewer should check first: the fields the extractor is least sure of.
  const low = extraction.tasks.reduce((n, t) => n + Object.values(t.fieldConfidence).filter((c) => c < LOW_CONFIDENCE).length, 0);
  if (low) process.stderr.write(`chidao: ${low} low-confidence field${low === 1 ? '' : 's'} (below ${LOW_CONFIDENCE}) in ${doc.path}\n`);
  return 0;
}

/** The review page of a notice: its text with every task and field highlighted, and the task list beside it. */
async function commandReview(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' }, ...READ_OPTIONS } });
  if (positionals.length !== 1) throw new UsageError('review takes one FILE');
  await checkPipeline(values.pipeline);
  // A page is made only for what extract would give: the same reading, the same refusals.
  const [{ doc }, { emit }, { reviewPage }] = await Promise.all([readNotice(positionals[0], values), import('./output.ts'), import('./review/page.ts')]);
  emit(reviewPage(doc), values.out);
  return 0;
}

/** How extract and review read a notice: the same flags. */
const READ_OPTIONS = {
  pipeline: { type: 'string' },
  'no-repair': { type: 'boolean', default: false },
  repair: { type: 'boolean', default: false },
  tessdata: { type: 'string' },
  ...LIMIT_OPTIONS,
} as const;

type ReadValues = { pipeline?: string; 'no-repair'?: boolean; repair?: boolean; tessdata?: string } & Parameters<typeof limitsFromFlags>[0];

/** A --pipeline that pipelines/*.json does not declare is a usage error, found before any file is read. */
async function checkPipeline(name: string | undefined): Promise<void> {
  const { pipelineNames } = await import('./pipeline.ts');
  if (name && !pipelineNames().includes(name)) throw new UsageError(`--pipeline must be one of ${pipelineNames().join(', ')}`);
}

/** One notice through its pipeline, checked against the contract: bad input throws its one line, warnings go to stderr. */
async function readNotice(path: string, values: ReadValues) {
  const [{ extractFile }, { checkedExtraction }] = await Promise.all([import('./extract-file.ts'), import('./extract-batch.ts')]);
  const doc = await extractFile(path, { pipeline: values.pipeline, noRepair: values['no-repair'], forceRepair: values.repair, ingest: { tessdata: values.tessdata, ...limitsFromFlags(values) } });
  const { extraction, warnings } = checkedExtraction(doc);
  for (const warning of warnings) process.stderr.write(`${warning}\n`);
  return { doc, extraction };
}

async function commandEval(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { show: { type: 'string' }, 'skip-repair': { type: 'boolean', default: false }, 'first-look': { type: 'boolean', default: false } } });
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { formatFirstLook, readFirstLook } = await import('./eval/first-look.ts');
  if (values['first-look']) {
    process.stdout.write(`${formatFirstLook(readFirstLook(root))}\n`);
    return 0;
  }
  const [{ FIELDS }, { evaluate, evaluateDiffs, formatDiffEval, formatEval, formatMacro, readBars }, { evaluateRepair, formatRepairEval }] = await Promise.all([import('./eval/score.ts'), import('./eval/run.ts'), import('./eval/repair.ts')]);
  const show = values.show as (typeof FIELDS)[number] | undefined;
  if (show && (!FIELDS.includes(show) || show === 'tasks')) throw new UsageError(`--show takes one of ${FIELDS.filter((f) => f !== 'tasks').join(', ')}`);
  const onTraining = (held: string[]) => process.stderr.write(`chidao eval: building a language model without ${held.join(', ')} (about two minutes)\n`);
  const rows = await evaluate(root, show as Exclude<typeof show, 'tasks'>, { onTraining });
  const diffs = await evaluateDiffs(root);
  process.stdout.write(`${formatEval(rows)}\n\n${formatMacro(rows)}\n\n${formatDiffEval(diffs)}\n`);
  let failed = rows.some((r) => r.failures.length) || diffs.some((r) => r.failures.length);
  if (!values['skip-repair']) {
    const repair = await evaluateRepair(root, readBars(root).repair, { onTraining });
    process.stdout.write(`\n${formatRepairEval(repair)}\n`);
    failed ||= repair.some((r) => r.failure);
  }
  return failed ? 1 : 0;
}

async function commandCorpus(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { db: { type: 'string' }, format: { type: 'string', default: 'table' }, 'no-repair': { type: 'boolean', default: false }, corrections: { type: 'string' }, ...LIMIT_OPTIONS } });
  const format = storeFormat(values.format);
  const { corpusAdd, corpusList, corpusRemove, formatAdd, formatDocuments } = await import('./store/commands.ts');
  switch (action) {
    case 'add': {
      if (!positionals.length) throw new UsageError('corpus add takes one or more files or folders');
      if (values.corrections && positionals.length !== 1) throw new UsageError('corpus add --corrections takes the one document it corrects');
      const corrections = values.corrections ? (await import('./review/corrections.ts')).readCorrection(values.corrections) : undefined;
      const results = await corpusAdd(positionals, { db: values.db, noRepair: values['no-repair'], limits: limitsFromFlags(values), corrections });
      process.stdout.write(formatAdd(results, format));
      for (const r of results.filter((x) => x.status === 'failed')) process.stderr.write(`chidao: ${r.path}: ${r.reason}\n`);
      return results.some((r) => r.status === 'failed') ? 1 : 0;
    }
    case 'list':
      process.stdout.write(formatDocuments(await corpusList({ db: values.db }), format));
      return 0;
    case 'remove': {
      if (positionals.length !== 1) throw new UsageError('corpus remove takes one document NUMBER');
      const { removed } = await corpusRemove(positionals[0], { db: values.db });
      process.stdout.write(`removed ${removed} document(s)\n`);
      return 0;
    }
    default:
      throw new UsageError('corpus takes add, list or remove');
  }
}

async function commandQuery(args: string[], command: 'query' | 'stats'): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      format: { type: 'string', default: 'table' },
      agency: { type: 'string' },
      role: { type: 'string' },
      'due-before': { type: 'string' },
      'due-after': { type: 'string' },
      'deadline-kind': { type: 'string' },
      document: { type: 'string' },
      text: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
    },
  });
  const role = values.role as (typeof ROLE_FILTERS)[number] | undefined;
  if (role && !ROLE_FILTERS.includes(role)) throw new UsageError(`--role takes one of ${ROLE_FILTERS.join(', ')}`);
  for (const flag of ['due-before', 'due-after'] as const) if (values[flag] && !/^\d{4}-\d{2}-\d{2}$/.test(values[flag]!)) throw new UsageError(`--${flag} takes a date as YYYY-MM-DD`);
  for (const flag of ['limit', 'offset'] as const) {
    if (values[flag] === undefined) continue;
    if (command === 'stats') throw new UsageError(`stats counts every task that matches: --${flag} is for query`);
    if (!/^\d+$/.test(values[flag]!)) throw new UsageError(`--${flag} takes a whole number${flag === 'limit' ? ' (0 for all)' : ''}`);
  }
  const format = storeFormat(values.format);
  const given = values.limit === undefined ? undefined : Number(values.limit);
  const limit = given === undefined ? (format === 'table' ? QUERY_PAGE : undefined) : given || undefined;
  const offset = values.offset === undefined ? undefined : Number(values.offset);
  const { formatStats, formatTasks, queryPage, stats } = await import('./store/commands.ts');
  const filter = { db: values.db, agency: values.agency, role, dueBefore: values['due-before'], dueAfter: values['due-after'], deadlineKind: values['deadline-kind'], document: values.document, text: values.text };
  if (command === 'stats') {
    process.stdout.write(formatStats(await stats(filter), format));
    return 0;
  }
  const page = await queryPage({ ...filter, limit, offset });
  process.stdout.write(formatTasks(page.tasks, format));
  const note = pageNote(page, limit);
  if (note) process.stderr.write(`chidao: ${note}\n`);
  return 0;
}

/** What a page leaves out and how to see it; null when it holds every match. */
function pageNote(page: TaskPage, limit: number | undefined): string | null {
  const shown = page.tasks.length;
  if (shown === page.total) return null;
  if (!shown) return `no tasks after the first ${page.offset}: ${page.total} match`;
  const end = page.offset + shown;
  const more = page.total - end;
  const next = more > 0 ? `--offset ${end} for the next ${Math.min(limit ?? more, more)}, ` : '';
  return `tasks ${page.offset + 1}–${end} of ${page.total} shown; ${next}--limit 0${page.offset ? ' without --offset' : ''} for all`;
}

function storeFormat(value: string | undefined): StoreFormat {
  if (!STORE_FORMATS.includes(value as StoreFormat)) throw new UsageError(`--format takes one of ${STORE_FORMATS.join(', ')}`);
  return value as StoreFormat;
}

/** The raw text of a file as read: the OCR of a scan, before any repair. */
async function commandOcr(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { tessdata: { type: 'string' }, out: { type: 'string', short: 'o' }, ...LIMIT_OPTIONS } });
  if (positionals.length !== 1) throw new UsageError('ocr takes one FILE');
  const [{ ingest }, { emit }] = await Promise.all([import('./ingest/index.ts'), import('./output.ts')]);
  const doc = await ingest(positionals[0], { tessdata: values.tessdata, ...limitsFromFlags(values) });
  emit(doc.text, values.out);
  return 0;
}

async function commandDiff(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, out: { type: 'string', short: 'o' }, carry: { type: 'boolean', default: false }, 'no-repair': { type: 'boolean', default: false } },
  });
  if (positionals.length !== 2) throw new UsageError('diff takes OLD and NEW');
  const format = values.format as DiffFormat;
  if (!DIFF_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}`);
  const [{ extractFile }, { carriedOver, diffDocs }, { renderDiff }, { diffPage }, { emit }] = await Promise.all([
    import('./extract-file.ts'), import('./diff/index.ts'), import('./diff/render.ts'), import('./diff/page.ts'), import('./output.ts'),
  ]);
  const side = async (path: string, name: string) => {
    try {
      return await extractFile(path, { noRepair: values['no-repair'] });
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.file, `${error.reason} (${name} side)`);
      throw error;
    }
  };
  const [oldDoc, newDoc] = [await side(positionals[0], 'OLD'), await side(positionals[1], 'NEW')];
  const result = diffDocs(oldDoc, newDoc);
  if (values.carry) {
    const carried = carriedOver(result);
    emit(format === 'json' ? `${JSON.stringify(carried, null, 2)}\n` : carried.map((t) => `${t.clause}\t${t.text}`).join('\n') + '\n', values.out);
  } else {
    emit(format === 'html' ? diffPage(result, oldDoc, newDoc) : renderDiff(result, format), values.out);
  }
  return 0;
}

/**
 * Prints the text with its marks restored, line for line. With `-` it reads
 * standard input as it comes: each chunk's whole lines are repaired together
 * (the model sees a line's neighbours, and pays its set-up once per chunk,
 * not per line) and written at once, so it still answers inside a pipe.
 */
async function commandRepair(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, out: { type: 'string', short: 'o' } } });
  if (positionals.length !== 1) throw new UsageError('repair takes one FILE, or - for standard input');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format must be text or json');
  const [{ loadModel, repairText }, { ingest }, { emit }] = await Promise.all([import('./repair/index.ts'), import('./ingest/index.ts'), import('./output.ts')]);
  const model = loadModel();
  if (positionals[0] === '-') {
    const { StringDecoder } = await import('node:string_decoder');
    const decoder = new StringDecoder('utf8');
    const answer = (lines: string) => {
      const result = repairText(lines, model);
      process.stdout.write(values.format === 'json' ? jsonLines(result) : `${result.text}\n`);
    };
    let pending = '';
    for await (const chunk of process.stdin) {
      pending += decoder.write(chunk as Buffer);
      const end = pending.lastIndexOf('\n');
      if (end < 0) continue;
      answer(pending.slice(0, end).replace(/\r$/gm, ''));
      pending = pending.slice(end + 1);
    }
    pending += decoder.end();
    if (pending) answer(pending.replace(/\r$/, ''));
    return 0;
  }
  const doc = await ingest(positionals[0]);
  const result = repairText(doc.source, model);
  emit(values.format === 'json' ? `${JSON.stringify({ text: result.text, flags: result.flags }, null, 2)}\n` : result.text, values.out);
  return 0;
}

/** One `{text, flags}` object per line of a repaired chunk, each flag's offsets counted from its own line. */
function jsonLines(result: { text: string; flags: { start: number; end: number }[] }): string {
  let out = '';
  let lineStart = 0;
  let next = 0;
  for (const line of result.text.split('\n')) {
    const lineEnd = lineStart + line.length;
    const flags = [];
    for (; next < result.flags.length && result.flags[next].start <= lineEnd; next++) {
      const flag = result.flags[next];
      flags.push({ ...flag, start: flag.start - lineStart, end: flag.end - lineStart });
    }
    out += `${JSON.stringify({ text: line, flags })}\n`;
    lineStart = lineEnd + 1;
  }
  return out;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InputError) process.stderr.write(`chidao: ${error.file}: ${error.reason}\n${process.env.CHIDAO_DEBUG && error.cause instanceof Error ? `${error.cause.stack}\n` : ''}`);
    else if (error instanceof StoreError) process.stderr.write(`chidao: ${error.message}\n`);
    else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(`chidao: ${(error as Error).message}\n${USAGE}\n`);
    else process.stderr.write(`chidao: internal error: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  },
);
