/**
 * The tracking commands' flags: `task …`, `status`, `report`, `calendar`.
 * Dates are checked here, at the edge; every problem is one TrackError line.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emit } from '../output.ts';
import { ROLE_FILTERS, TASK_EVENT_KINDS } from '../store/types.ts';
import { calendar } from './calendar.ts';
import { formatHistory, HISTORY_FORMATS, taskHistory, type HistoryFormat } from './history.ts';
import { IsoDate, today } from './dates.ts';
import { recordEvent, TrackError } from './record.ts';
import { buildReport, formatReport, parsePeriod, REPORT_FORMATS, type ReportFormat } from './report.ts';
import { formatStatus, status, STATUS_FORMATS, type StatusFormat } from './rows.ts';

function date(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = IsoDate.safeParse(value);
  if (!parsed.success) throw new TrackError(`--${flag} takes a date YYYY-MM-DD that exists, not ${value}`);
  return parsed.data;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value !== undefined && !allowed.includes(value as T)) throw new TrackError(`--${flag} takes one of ${allowed.join(', ')}`);
  return value as T | undefined;
}

const Days = z.coerce.number().int().nonnegative();

/** `chidao task ACTION ID …`; prints the event recorded, or for `history` the task's appearances. */
export async function taskCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'history') return historyCommand(rest);
  const kind = TASK_EVENT_KINDS.find((k) => k === action);
  if (!kind) throw new TrackError(`task takes one of ${[...TASK_EVENT_KINDS, 'history'].join(', ')}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { db: { type: 'string' }, on: { type: 'string' }, note: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, user: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new TrackError(`task ${action} takes one task ID (or a unique beginning of one)`);
  if (kind === 'progress' && !values.note) throw new TrackError('task progress needs --note TEXT');
  if (kind === 'extend' && !values.to) throw new TrackError('task extend needs --to DATE');
  if (kind === 'reassign' && !values.to) throw new TrackError('task reassign needs --to AGENCY');
  if (values.by !== undefined && kind !== 'extend') throw new TrackError('--by (the document that moves the deadline) is for task extend; --user says who records');
  const to = kind === 'extend' ? date('to', values.to) : values.to;
  const event = await recordEvent(kind, positionals[0], { db: values.db, on: date('on', values.on), note: values.note, to, by: values.by, user: values.user });
  const detail = event.deadline ? ` to ${event.deadline}${event.document ? ` by ${event.document}` : ''}` : event.agency ? ` to ${event.agency}` : '';
  process.stdout.write(`${event.taskId}: ${event.kind}${detail} on ${event.on}, recorded by ${event.user}\n`);
  return 0;
}

async function historyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, format: { type: 'string', default: 'table' }, out: { type: 'string', short: 'o' } } });
  if (positionals.length !== 1) throw new TrackError('task history takes one task ID (or a unique beginning of one)');
  const format = oneOf<HistoryFormat>('format', values.format, HISTORY_FORMATS)!;
  emit(formatHistory(await taskHistory(positionals[0], { db: values.db }), format), values.out);
  return 0;
}

export async function statusCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' }, 'as-of': { type: 'string' }, agency: { type: 'string' }, role: { type: 'string' }, document: { type: 'string' },
      'due-within': { type: 'string' }, format: { type: 'string', default: 'table' }, out: { type: 'string', short: 'o' },
    },
  });
  const dueWithin = values['due-within'] === undefined ? undefined : Days.safeParse(values['due-within']);
  if (dueWithin && !dueWithin.success) throw new TrackError('--due-within takes a whole number of days');
  const rows = await status({
    db: values.db, asOf: date('as-of', values['as-of']) ?? today(), agency: values.agency, role: oneOf('role', values.role, ROLE_FILTERS),
    document: values.document, dueWithin: dueWithin?.data,
  });
  emit(formatStatus(rows, oneOf<StatusFormat>('format', values.format, STATUS_FORMATS)!), values.out);
  return 0;
}

export async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, period: { type: 'string' }, agency: { type: 'string' }, format: { type: 'string', default: 'md' }, out: { type: 'string', short: 'o' } } });
  if (!values.period) throw new TrackError('report needs --period (2026-03, 2026-Q1, 2026-H1 or 2026)');
  const period = parsePeriod(values.period);
  if (!period) throw new TrackError(`--period takes a month 2026-03, a quarter 2026-Q1, a half-year 2026-H1 or a year 2026, not ${values.period}`);
  const format = oneOf<ReportFormat>('format', values.format, REPORT_FORMATS)!;
  const rows = await status({ db: values.db, asOf: period.end, agency: values.agency, role: 'responsible' });
  emit(formatReport(buildReport(period, rows, values.agency), format), values.out);
  return 0;
}

export async function calendarCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, agency: { type: 'string' }, out: { type: 'string', short: 'o' } } });
  const rows = await status({ db: values.db, asOf: today(), agency: values.agency });
  emit(calendar(rows, new Date()), values.out);
  return 0;
}
