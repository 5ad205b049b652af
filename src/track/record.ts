/**
 * `chidao task done|progress|reopen|extend|withdraw|reassign`: each appends
 * one event. The checks below run on the task's events inside the store's
 * write transaction, so a refused event changes nothing and two users cannot
 * both record the same completion.
 */
import { userInfo } from 'node:os';
import { canonicalAgency } from '../lang/gazetteer.ts';
import { openStore } from '../store/index.ts';
import { StoreError, type NewTaskEvent, type Store, type TaskEvent, type TaskEventKind, type TaskRef } from '../store/types.ts';
import { today } from './dates.ts';
import { stateOf } from './status.ts';

/** A tracking problem the user can act on; printed as one line like a StoreError. */
export class TrackError extends StoreError {}

export interface EventOptions {
  db?: string;
  /** The day it happened. @default today */
  on?: string;
  note?: string;
  /** extend: the new deadline; reassign: the agency now responsible. */
  to?: string;
  /** extend: the number of the document that moved the deadline. */
  by?: string;
  /** Who records it. @default the OS user */
  user?: string;
}

/** How many matches an ambiguous prefix lists. */
const SHOWN = 5;

/** The one stored task an id or a unique prefix of one names. */
export async function resolveTask(store: Store, given: string): Promise<TaskRef> {
  const found = await store.findTasks(given, SHOWN + 1);
  const exact = found.find((t) => t.id === given);
  if (exact) return exact;
  if (!found.length) throw new TrackError(`no stored task has an id beginning ${given}`);
  if (found.length === 1) return found[0];
  const more = found.length > SHOWN ? ', …' : '';
  throw new TrackError(`${given} matches more than one task (${found.slice(0, SHOWN).map((t) => t.id).join(', ')}${more}); give more of the id`);
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Kinds that change a task's state (progress notes only add to it). */
const STATEFUL: readonly TaskEventKind[] = ['done', 'reopen', 'extend', 'withdraw', 'reassign'];

/** The event to record, or the reason it cannot be: pure, on the task and its events so far. */
export function decide(task: TaskRef, kind: TaskEventKind, history: readonly TaskEvent[], options: EventOptions, now: string): NewTaskEvent {
  const on = options.on ?? now;
  const refuse = (why: string) => new TrackError(`${task.id}: ${why}`);
  if (on > now) throw refuse(`${on} is after today (${now}); record what has happened`);
  if (task.issuedAt && on < task.issuedAt) throw refuse(`${on} is before the task's document date ${task.issuedAt}`);
  const state = stateOf(history);
  if (state.withdrawnOn) throw refuse(`withdrawn on ${state.withdrawnOn}; nothing more can be recorded`);
  const lastChange = history.filter((e) => STATEFUL.includes(e.kind)).at(-1);
  if (STATEFUL.includes(kind) && lastChange && on < lastChange.on) throw refuse(`${on} is before the ${lastChange.kind} already recorded on ${lastChange.on}`);
  const event: NewTaskEvent = { taskId: task.id, kind, on, note: options.note ?? null, deadline: null, document: null, agency: null, user: options.user ?? osUser() };
  switch (kind) {
    case 'done':
      if (state.doneOn) throw refuse(`already done on ${state.doneOn} (chidao task reopen ${task.id} first)`);
      return event;
    case 'progress':
      if (state.doneOn) throw refuse(`done on ${state.doneOn}; reopen it to record progress`);
      return event;
    case 'reopen':
      if (!state.doneOn) throw refuse('is not done, so cannot be reopened');
      return event;
    case 'extend': {
      const current = state.extensions.at(-1)?.to ?? task.deadline.date;
      if (!task.deadline.date || !['by', 'relative'].includes(task.deadline.kind)) throw refuse(`has no dated deadline to extend (deadline kind ${task.deadline.kind})`);
      if (state.doneOn) throw refuse(`done on ${state.doneOn}; reopen it before extending`);
      if (!options.to) throw refuse('extend needs --to DATE');
      if (current && options.to <= current) throw refuse(`the new deadline ${options.to} is not after the current one ${current}`);
      return { ...event, deadline: options.to, document: options.by ?? null };
    }
    case 'withdraw':
      return event;
    case 'reassign': {
      if (!options.to?.trim()) throw refuse('reassign needs --to AGENCY');
      const agency = canonicalAgency(options.to) ?? options.to.trim();
      if (agency === state.reassignedTo) throw refuse(`already reassigned to ${agency}`);
      return { ...event, agency };
    }
  }
}

export async function recordEvent(kind: TaskEventKind, given: string, options: EventOptions = {}): Promise<TaskEvent> {
  const store = await openStore(options.db, { mustExist: true });
  try {
    const task = await resolveTask(store, given);
    const now = today();
    return await store.appendEvent(task.id, (history) => decide(task, kind, history, options, now));
  } finally {
    await store.close();
  }
}
