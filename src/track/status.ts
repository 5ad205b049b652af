/**
 * Where a task stands on a given day, as the Government Office's trackers
 * count it (Quyết định 42/2014/QĐ-TTg): completed on time, completed late,
 * in progress within the deadline, or overdue. Pure: a task's deadline, its
 * recorded events and the as-of date in, a category out.
 *
 * On time is judged against the original deadline, never an extended one:
 * extensions are recorded and shown, not counted. Tasks with no date to
 * count against (ongoing, event, undated) and withdrawn ones have their own
 * categories and are never overdue.
 */
import type { Deadline } from '../schema.ts';
import type { TaskEvent } from '../store/types.ts';
import { addDays, daysBetween, endOfMonth } from './dates.ts';

/** The four categories the trackers count. */
export const COUNTED = ['hoàn thành đúng hạn', 'hoàn thành quá hạn', 'đang thực hiện trong hạn', 'quá hạn'] as const;
/** Rows of their own: no deadline to meet (ongoing or from a date on, on an event, none found) or withdrawn. */
export const UNCOUNTED = ['thường xuyên', 'theo sự kiện', 'không thời hạn', 'đã rút'] as const;
export const CATEGORIES = [...COUNTED, ...UNCOUNTED] as const;
export type Category = (typeof CATEGORIES)[number];

export const DUE_SOON = 'sắp đến hạn';

/** What a task's events say as of a day: those dated after it have not happened yet. */
export interface TaskState {
  doneOn: string | null;
  /** The last progress report or completion. */
  lastReport: string | null;
  extensions: { to: string; document: string | null; on: string }[];
  withdrawnOn: string | null;
  reassignedTo: string | null;
}

/** The events folded in the order recorded; `asOf` leaves out the later-dated ones. */
export function stateOf(events: readonly TaskEvent[], asOf?: string): TaskState {
  const state: TaskState = { doneOn: null, lastReport: null, extensions: [], withdrawnOn: null, reassignedTo: null };
  for (const e of events) {
    if (asOf !== undefined && e.on > asOf) continue;
    switch (e.kind) {
      case 'done':
        state.doneOn = e.on;
        if (!state.lastReport || e.on > state.lastReport) state.lastReport = e.on;
        break;
      case 'progress':
        if (!state.lastReport || e.on > state.lastReport) state.lastReport = e.on;
        break;
      case 'reopen':
        state.doneOn = null;
        break;
      case 'extend':
        state.extensions.push({ to: e.deadline!, document: e.document, on: e.on });
        break;
      case 'withdraw':
        state.withdrawnOn = e.on;
        break;
      case 'reassign':
        state.reassignedTo = e.agency;
        break;
    }
  }
  return state;
}

export interface Tracked {
  deadline: Deadline;
  /** The date of the task's document: where a recurring task's periods start. */
  issuedAt: string | null;
}

export interface Standing {
  category: Category;
  /** The date the category is judged against: the original deadline, or a recurring task's occurrence. */
  due: string | null;
  /** The latest extended deadline, shown but not counted. */
  extendedTo: string | null;
  extensions: number;
  /** Days past `due`, for every overdue task; else null. */
  daysOverdue: number | null;
  /** Not done and due within the days asked for. */
  dueSoon: boolean;
  completedOn: string | null;
  lastReport: string | null;
  reassignedTo: string | null;
}

/** Months per period of the calendar-bound recurrences. */
export const MONTHS = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 } as const;

/**
 * A recurring task's report days: the last day of each period (week from the
 * document's date, calendar month, quarter, half-year, year), starting with
 * the period that holds the document's date. calendar.ts writes the same days
 * as an RRULE.
 */
export function firstOccurrence(recurrence: NonNullable<Deadline['recurrence']>, issuedAt: string): string {
  if (recurrence === 'weekly') return addDays(issuedAt, 7);
  const month = Number(issuedAt.slice(5, 7));
  const span = MONTHS[recurrence];
  return endOfMonth(issuedAt, (span - (month % span)) % span);
}

export function nextOccurrence(recurrence: NonNullable<Deadline['recurrence']>, occurrence: string): string {
  return recurrence === 'weekly' ? addDays(occurrence, 7) : endOfMonth(occurrence, MONTHS[recurrence]);
}

/** The last report day already past on `asOf` and the one before it (null when none has passed), and the next one. */
function lastOccurrence(recurrence: NonNullable<Deadline['recurrence']>, issuedAt: string, asOf: string): { last: string | null; previous: string | null; next: string } {
  let previous: string | null = null;
  let last: string | null = null;
  let next = firstOccurrence(recurrence, issuedAt);
  // A report day is still in time on the day itself, as a deadline is.
  while (next < asOf) {
    previous = last;
    last = next;
    next = nextOccurrence(recurrence, next);
  }
  return { last, previous, next };
}

/** The category of a task not done, as of a day: the date it counts against and whether it has passed. */
function pending(task: Tracked, state: TaskState, asOf: string): { category: Category; due: string | null } {
  const { kind, date, recurrence } = task.deadline;
  if (kind === 'ongoing' || kind === 'from') return { category: 'thường xuyên', due: null };
  if (kind === 'event') return { category: 'theo sự kiện', due: null };
  if (kind === 'recurring' && recurrence && task.issuedAt) {
    const { last, previous, next } = lastOccurrence(recurrence, task.issuedAt, asOf);
    if (!last) return { category: 'đang thực hiện trong hạn', due: next };
    // The report for `last` came if one was made after the report day before it (or since the document).
    const since = previous ?? addDays(task.issuedAt, -1);
    const reported = state.lastReport !== null && state.lastReport > since;
    return reported ? { category: 'đang thực hiện trong hạn', due: next } : { category: 'quá hạn', due: last };
  }
  if (date && (kind === 'by' || kind === 'relative')) return { category: asOf > date ? 'quá hạn' : 'đang thực hiện trong hạn', due: date };
  return { category: 'không thời hạn', due: null };
}

export function standing(task: Tracked, events: readonly TaskEvent[], asOf: string, dueWithin?: number): Standing {
  const state = stateOf(events, asOf);
  const base = {
    extendedTo: state.extensions.at(-1)?.to ?? null,
    extensions: state.extensions.length,
    completedOn: state.doneOn,
    lastReport: state.lastReport,
    reassignedTo: state.reassignedTo,
  };
  if (state.withdrawnOn) return { ...base, category: 'đã rút', due: null, daysOverdue: null, dueSoon: false };
  if (state.doneOn) {
    // Late when it stood overdue on the day it was done, the completion itself aside.
    const before = pending(task, stateOf(events.filter((e) => e.kind !== 'done'), state.doneOn), state.doneOn);
    const counted = (COUNTED as readonly string[]).includes(before.category);
    const category = !counted ? before.category : before.category === 'quá hạn' ? 'hoàn thành quá hạn' : 'hoàn thành đúng hạn';
    return { ...base, category, due: before.due, daysOverdue: null, dueSoon: false };
  }
  const { category, due } = pending(task, state, asOf);
  const overdue = category === 'quá hạn';
  const dueSoon = category === 'đang thực hiện trong hạn' && due !== null && dueWithin !== undefined && daysBetween(asOf, due) <= dueWithin;
  return { ...base, category, due, daysOverdue: overdue ? daysBetween(due!, asOf) : null, dueSoon };
}
