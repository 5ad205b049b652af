/**
 * chidao: Vietnamese directive notices in, checked task lists out.
 * Usage errors and bad input print one line `chidao: FILE: reason` and exit 2.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { InputError, notADirective, type Doc } from './model.ts';
import { extractFile } from './extract-file.ts';
import { pipelineNames } from './pipeline.ts';
import { FORMATS, render, type Format } from './format/index.ts';
import { emit } from './output.ts';
import { readCorrection } from './review/corrections.ts';
import { reviewPage } from './review/page.ts';
import { Extraction } from './schema.ts';
import { evaluate, evaluateDiffs, formatDiffEval, formatEval, formatMacro, readBars } from './eval/run.ts';
import { formatFirstLook, readFirstLook } from './eval/first-look.ts';
import { evaluateRepair, formatRepairEval } from './eval/repair.ts';
import { FIELDS } from './eval/score.ts';
import { ingest } from './ingest/index.ts';
import { LIMIT_OPTIONS, limitsFromFlags } from './ingest/limits.ts';
import { loadModel, repairText } from './repair/index.ts';
import { createInterface } from 'node:readline';
import { carriedOver, diffDocs } from './diff/index.ts';
import { renderDiff, type DiffFormat } from './diff/render.ts';
import { corpusAdd, corpusList, corpusRemove, formatAdd, formatDocuments, formatStats, formatTasks, queryPage, stats, type TaskPage } from './store/commands.ts';
import { STORE_FORMATS, type StoreFormat } from './store/render.ts';
import { QUERY_PAGE, ROLE_FILTERS, StoreError } from './store/types.ts';
import { calendarCommand, reportCommand, statusCommand, taskCommand } from './track/cli.ts';

const DIFF_FORMATS: DiffFormat[] = ['json', 'md', 'html'];

const USAGE = `Usage:
  chidao extract FILE [--format json|csv|md] [-o OUT] [--pipeline NAME] [--no-repair] [--repair] [--tessdata DIR] [--max-… N]
  chidao review FILE [-o page.html] [--pipeline NAME] [--no-repair] [--repair] [--tessdata DIR] [--max-… N]
  chidao ocr FILE [--tessdata DIR] [-o OUT]
  chidao diff OLD NEW [--format json|md|html] [-o OUT] [--carry]
  chidao repair FILE|- [--format text|json]
  chidao corpus add PATH… [--no-repair] [--corrections FILE.json] | corpus list | corpus remove NUMBER   [--db FILE|postgres://…]
  chidao query [--agency NAME] [--role responsible|coordinating|directing|any] [--due-before DATE]
               [--due-after DATE] [--deadline-kind KIND] [--document NUMBER] [--text WORDS]
               [--limit N] [--offset N] [--format table|json|csv] [--db …]
  chidao stats [--format table|json|csv] [--db …]
  chidao task done|progress|reopen|extend|withdraw|reassign ID [--on DATE] [--note TEXT] [--user NAME]
              [--to DATE|AGENCY] [--by NUMBER] [--db …]   (see README "Tracking")
  chidao status [--as-of DATE] [--agency NAME] [--role …] [--document NUMBER] [--due-within DAYS]
                [--format table|json|csv|md] [-o OUT] [--db …]
  chidao report --period 2026-03|2026-Q1|2026-H1|2026 [--agency NAME] [--format md|csv|html] [-o OUT] [--db …]
  chidao calendar [--agency NAME] [-o tasks.ics] [--db …]
  chidao eval [--show FIELD] [--skip-repair] [--first-look]
Options:
  --format     output format (default json; table for corpus, query and stats)
  -o, --out    write to OUT instead of stdout (written whole or not at all)
  repair       restore lost diacritics and OCR damage; json adds the unsure tokens
  --pipeline   force a pipeline (pipelines/*.json: notice, report, web-draft, legal-site); default: chosen from the text
  --no-repair  never run the diacritics/OCR repair stage
  --tessdata   folder holding vie.traineddata for scans (default: the system's tesseract folders)
  --max-bytes, --max-chars, --max-pages, --max-pixels, --max-inflated-bytes, --max-zip-entries, --max-depth
               with extract, ocr and corpus add: raise a limit on what is read (see README; K, M, G suffixes)
  --repair     always run it
  --show       with eval: list the pairs where FIELD disagrees
  --skip-repair  with eval: leave out the repair measures (they build held-out models)
  --first-look with eval: print the recorded first look (golden/first-look.json): each document's
               F1 before the extractor was ever tuned to it
  review       a self-contained HTML page to check a notice's tasks against its text (opens from disk)
  --corrections  with corpus add: store the review page's corrected task list (FILE.json) for the one
               document it corrects, with who reviewed it and when; a later plain add keeps it
  --carry      with diff: only the tasks of OLD that NEW does not mention again
  --db         the corpus database: a SQLite file (default ./chidao.db) or a postgres:// URL
  --limit      with query: at most N tasks, 0 for all. Default: a table shows the first ${QUERY_PAGE} and
               stderr says how many match in all and how to see more; json and csv give every task
               (with --limit they page too, and stderr says so)
  --offset     with query: skip the first N tasks (--offset ${QUERY_PAGE} is the second page)`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
      return taskCommand(rest);
    case 'status':
      return statusCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'calendar':
      return calendarCommand(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

/** How extract and review read a notice: the same flags, the same refusals. */
const READ_OPTIONS = {
  pipeline: { type: 'string' },
  'no-repair': { type: 'boolean', default: false },
  repair: { type: 'boolean', default: false },
  tessdata: { type: 'string' },
  ...LIMIT_OPTIONS,
} as const;

type ReadValues = { pipeline?: string; 'no-repair'?: boolean; repair?: boolean; tessdata?: string } & Parameters<typeof limitsFromFlags>[0];

/** A notice read, run through its pipeline and checked against the contract; bad input throws its one line. */
async function readNotice(path: string, values: ReadValues): Promise<{ doc: Doc; extraction: Extraction }> {
  if (values.pipeline && !pipelineNames().includes(values.pipeline)) throw new UsageError(`--pipeline must be one of ${pipelineNames().join(', ')}`);
  const doc = await extractFile(path, { pipeline: values.pipeline, noRepair: values['no-repair'], forceRepair: values.repair, ingest: { tessdata: values.tessdata, ...limitsFromFlags(values) } });
  reportMessages(doc);
  const refused = notADirective(doc);
  if (refused) throw new InputError(doc.path, refused);
  return { doc, extraction: Extraction.parse({ document: doc.header, tasks: doc.tasks ?? [] }) };
}

async function commandExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, out: { type: 'string', short: 'o' }, ...READ_OPTIONS },
  });
  if (positionals.length !== 1) throw new UsageError('extract takes one FILE');
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const { extraction } = await readNotice(positionals[0], values);
  emit(render(extraction, format), values.out);
  return 0;
}

/** The review page of a notice: its text with every task and field highlighted, and the task list beside it. */
async function commandReview(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' }, ...READ_OPTIONS } });
  if (positionals.length !== 1) throw new UsageError('review takes one FILE');
  const { doc } = await readNotice(positionals[0], values);
  emit(reviewPage(doc), values.out);
  return 0;
}

async function commandEval(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { show: { type: 'string' }, 'skip-repair': { type: 'boolean', default: false }, 'first-look': { type: 'boolean', default: false } } });
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (values['first-look']) {
    process.stdout.write(`${formatFirstLook(readFirstLook(root))}\n`);
    return 0;
  }
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
  switch (action) {
    case 'add': {
      if (!positionals.length) throw new UsageError('corpus add takes one or more files or folders');
      if (values.corrections && positionals.length !== 1) throw new UsageError('corpus add --corrections takes the one document it corrects');
      const corrections = values.corrections ? readCorrection(values.corrections) : undefined;
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
    emit(renderDiff(result, format), values.out);
  }
  return 0;
}

/**
 * Prints the text with its marks restored, line for line. With `-` it reads
 * standard input and answers each line as it comes, so it can sit in a pipe.
 */
async function commandRepair(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, out: { type: 'string', short: 'o' } } });
  if (positionals.length !== 1) throw new UsageError('repair takes one FILE, or - for standard input');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format must be text or json');
  const model = loadModel();
  if (positionals[0] === '-') {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      const result = repairText(line, model);
      process.stdout.write(values.format === 'json' ? `${JSON.stringify({ text: result.text, flags: result.flags })}\n` : `${result.text}\n`);
    }
    return 0;
  }
  const doc = await ingest(positionals[0]);
  const result = repairText(doc.source, model);
  emit(values.format === 'json' ? `${JSON.stringify({ text: result.text, flags: result.flags }, null, 2)}\n` : result.text, values.out);
  return 0;
}

/** Fatal messages stop the run; warnings go to stderr with their place. */
function reportMessages(doc: Doc): void {
  for (const m of doc.messages) {
    if (m.severity === 'fatal') throw new InputError(doc.path, m.reason);
    // What the input itself lacked (bytes that were not text) is always said; the stages' own doubts only when asked.
    if (m.severity === 'warning' && (process.env.CHIDAO_VERBOSE || m.ruleId === 'ingest:invalid-utf8' || m.ruleId === 'ingest:pdf-page')) process.stderr.write(`${doc.path}:${m.start}-${m.end}: ${m.severity}: ${m.reason} [${m.ruleId}]\n`);
  }
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
