/**
 * The CLI's help: each command's usage lines and the options it takes.
 * `chidao --help` prints every command and option, `chidao COMMAND --help`
 * the command's own; both are built from the tables below.
 */
import { QUERY_PAGE } from './store/types.ts';

/** Each option's description, continuation lines indented under it. */
const OPTIONS: Record<string, string> = {
  '--format': 'output format (default json; table for corpus, query and stats)',
  '-o, --out': 'write to OUT instead of stdout (written whole or not at all)',
  '--out-dir': 'with extract: one file per input in DIR, named after it (NAME.json, NAME.csv or NAME.md), each written whole',
  '--jobs': `with extract: files extracted at once in worker threads (default: one per core from 20 files on;
  fewer are extracted one by one on the main thread)`,
  '--pipeline': 'force a pipeline (pipelines/*.json: notice, report, web-draft, legal-site); default: chosen from the text',
  '--no-repair': 'never run the diacritics/OCR repair stage',
  '--repair': 'always run it',
  '--tessdata': "folder holding vie.traineddata for scans (default: the system's tesseract folders)",
  '--max-…': `--max-bytes, --max-chars, --max-pages, --max-pixels, --max-inflated-bytes, --max-zip-entries, --max-depth
  with extract, ocr and corpus add: raise a limit on what is read (see README; K, M, G suffixes)`,
  '--show': 'with eval: list the pairs where FIELD disagrees',
  '--skip-repair': 'with eval: leave out the repair measures (they build held-out models)',
  '--first-look': `with eval: print the recorded first look (golden/first-look.json): each document's
  F1 before the extractor was ever tuned to it`,
  '--carry': 'with diff: only the tasks of OLD that NEW does not mention again',
  '--corrections': `with corpus add: store the review page's corrected task list (FILE.json) for the one
  document it corrects, with who reviewed it and when; a later plain add keeps it`,
  '--db': 'the corpus database: a SQLite file (default ./chidao.db) or a postgres:// URL',
  '--limit': `with query: at most N tasks, 0 for all. Default: a table shows the first ${QUERY_PAGE} and
  stderr says how many match in all and how to see more; json and csv give every task
  (with --limit they page too, and stderr says so)`,
  '--offset': `with query: skip the first N tasks (--offset ${QUERY_PAGE} is the second page)`,
};

type Option = keyof typeof OPTIONS;

interface Command {
  usage: string;
  /** What the command does, when its usage line does not say. */
  about?: string;
  options: Option[];
}

export const COMMANDS: Record<string, Command> = {
  extract: {
    usage: `chidao extract FILE [--format json|csv|md] [-o OUT] [--pipeline NAME] [--no-repair] [--repair] [--tessdata DIR] [--max-… N]
  chidao extract FILE|FOLDER… [--out-dir DIR] [--jobs N] [same options]`,
    about: `One FILE prints its extraction. Several inputs (a folder stands for the readable files in it, sorted)
print JSON Lines, one document a line with its "file", or with --out-dir write one file per input;
a file that fails is reported and skipped, and the exit code is 1 if any failed.`,
    options: ['--format', '-o, --out', '--out-dir', '--jobs', '--pipeline', '--no-repair', '--repair', '--tessdata', '--max-…'],
  },
  review: {
    usage: 'chidao review FILE [-o page.html] [--pipeline NAME] [--no-repair] [--repair] [--tessdata DIR] [--max-… N]',
    about: "A self-contained HTML page (it opens from disk, no network) to check a notice's tasks against its text, correct them and export the corrected list.",
    options: ['-o, --out', '--pipeline', '--no-repair', '--repair', '--tessdata', '--max-…'],
  },
  ocr: { usage: 'chidao ocr FILE [--tessdata DIR] [-o OUT]', about: 'The raw text of a file as read: the OCR of a scan, before any repair.', options: ['--tessdata', '-o, --out', '--max-…'] },
  diff: { usage: 'chidao diff OLD NEW [--format json|md|html] [-o OUT] [--carry]', options: ['--format', '-o, --out', '--carry', '--no-repair'] },
  repair: {
    usage: 'chidao repair FILE|- [--format text|json]',
    about: 'Restore lost diacritics and OCR damage; json adds the unsure tokens. With - it reads standard input line by line.',
    options: ['--format', '-o, --out'],
  },
  corpus: { usage: 'chidao corpus add PATH… [--no-repair] [--corrections FILE.json] | corpus list | corpus remove NUMBER   [--db FILE|postgres://…]', options: ['--db', '--format', '--no-repair', '--corrections', '--max-…'] },
  query: {
    usage: `chidao query [--agency NAME] [--role responsible|coordinating|directing|any] [--due-before DATE]
               [--due-after DATE] [--deadline-kind KIND] [--document NUMBER] [--text WORDS]
               [--limit N] [--offset N] [--format table|json|csv] [--db …]`,
    options: ['--format', '--limit', '--offset', '--db'],
  },
  stats: { usage: 'chidao stats [--format table|json|csv] [--db …]', options: ['--format', '--db'] },
  task: {
    usage: `chidao task done|progress|reopen|extend|withdraw|reassign ID [--on DATE] [--note TEXT] [--user NAME]
              [--to DATE|AGENCY] [--by NUMBER] [--db …]   (see README "Tracking")
  chidao task history ID [--format table|json|md] [-o OUT] [--db …]`,
    options: ['--format', '-o, --out', '--db'],
  },
  status: {
    usage: `chidao status [--as-of DATE] [--agency NAME] [--role …] [--document NUMBER] [--due-within DAYS]
                [--format table|json|csv|md] [-o OUT] [--db …]`,
    options: ['--format', '-o, --out', '--db'],
  },
  report: { usage: 'chidao report --period 2026-03|2026-Q1|2026-H1|2026 [--agency NAME] [--format md|csv|html] [-o OUT] [--db …]', options: ['--format', '-o, --out', '--db'] },
  calendar: { usage: 'chidao calendar [--agency NAME] [-o tasks.ics] [--db …]', options: ['-o, --out', '--db'] },
  eval: { usage: 'chidao eval [--show FIELD] [--skip-repair] [--first-look]', options: ['--show', '--skip-repair', '--first-look'] },
};

function optionLines(options: Option[]): string {
  const width = Math.max(...options.map((o) => o.length)) + 2;
  return options.map((o) => `  ${o.padEnd(width)}${OPTIONS[o].replaceAll('\n', `\n  ${' '.repeat(width)}`)}`).join('\n');
}

/** Every command and every option. */
export const USAGE = `Usage:
${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}
  chidao --version
Options:
${optionLines(Object.keys(OPTIONS))}`;

/** One command's usage, what it does, and its options. */
export function commandHelp(name: string): string {
  const { usage, about, options } = COMMANDS[name];
  return `Usage:\n  ${usage}\n${about ? `\n${about}\n` : ''}Options:\n${optionLines(options)}`;
}
