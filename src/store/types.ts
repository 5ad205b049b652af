/** The store's data shapes and the one interface both back ends implement. */
import type { Deadline, DocumentHeader, Span } from '../schema.ts';

export const ROLES = ['responsible', 'coordinating', 'directing'] as const;
export type Role = (typeof ROLES)[number];

/** A document ready to store: rows computed once, whatever the back end. */
export interface DocumentRecord {
  path: string;
  /** sha256 of the file's bytes. */
  hash: string;
  pipeline: string;
  pipelineVersion: string;
  header: DocumentHeader;
  /** `number` folded for lookups (`17-tb/cqttbcd`). */
  numberKey: string | null;
  clauses: ClauseRow[];
  tasks: TaskRow[];
  /** The working text the spans point into, kept for diffing later notices against this one. */
  text: string;
  /** Number keys of the documents the text cites (`thực hiện Thông báo số 123/TB-VPCP`), its own left out. */
  cites: string[];
  /** Who checked the task list and when, for a document stored with corrections; its tasks are then theirs. */
  review?: Review | null;
}

export interface Review {
  by: string | null;
  /** ISO date-time. */
  at: string;
}

export interface ClauseRow {
  ord: number;
  parentOrd: number | null;
  path: string;
  kind: string;
  label: string;
  start: number;
  end: number;
}

export interface TaskRow {
  ord: number;
  hit: Omit<TaskHit, 'document' | 'source'>;
  /** Folded words of text, deliverable and agencies, for full-text search. */
  search: string;
  agencies: { role: Role; agency: string; key: string }[];
}

/** A task as queries return it: the contract's task plus where it comes from. */
export interface TaskHit {
  document: string | null;
  source: string;
  id: string;
  clause: string;
  text: string;
  span: Span;
  sourceSpan: Span | null;
  responsible: string[];
  coordinating: string[];
  directing: string[];
  deadline: Deadline;
  deliverable: string | null;
  confidence: number;
}

export interface DocumentSummary {
  number: string | null;
  kind: string | null;
  issuedAt: string | null;
  title: string | null;
  path: string;
  tasks: number;
  pipeline: string;
  pipelineVersion: string;
  contentHash: string;
  addedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export const ROLE_FILTERS = [...ROLES, 'any'] as const;

/** The tasks `chidao query` shows as a table unless told otherwise: a first page, not thousands of rows. */
export const QUERY_PAGE = 100;

/** Filters combine with AND; an absent one does not filter. */
export interface TaskFilter {
  /** Any name or alias the gazetteer knows (`Bộ KHCN`), or a name as stored. */
  readonly agency?: string;
  /** Which role `agency` must hold. @default 'any' */
  readonly role?: (typeof ROLE_FILTERS)[number];
  /** Deadline date strictly before this ISO date. */
  readonly dueBefore?: string;
  /** Deadline date strictly after this ISO date. */
  readonly dueAfter?: string;
  readonly deadlineKind?: string;
  /** Document number (with or without diacritics) or stored path. */
  readonly document?: string;
  /** Only the tasks with these ids (the contract's). */
  readonly ids?: readonly string[];
  /** Words found, as a phrase, in task text, deliverable or agencies, with or without diacritics. */
  readonly text?: string;
  /** At most this many tasks (all when absent). */
  readonly limit?: number;
  /** Skip this many tasks first, in the order queries return them. @default 0 */
  readonly offset?: number;
}

export interface Stats {
  agencies: { agency: string; responsible: number; coordinating: number; directing: number; tasks: number }[];
  /** `YYYY-MM` of the deadline date; tasks without a date are left out. */
  months: { month: string; tasks: number }[];
}

export interface Stored {
  number: string | null;
  tasks: number;
  pipelineVersion: string;
  /** When a person's corrections replaced the extracted tasks; null if never. */
  reviewedAt: string | null;
}

export type PutResult = 'added' | 'replaced' | 'unchanged';

export const TASK_EVENT_KINDS = ['done', 'progress', 'reopen', 'extend', 'withdraw', 'reassign'] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** Something that happened to a task after its notice, as `chidao task …` records it. */
export interface NewTaskEvent {
  /** The contract's task id (`20-TB/CQTTBCĐ#PL.3.c.2`). */
  taskId: string;
  kind: TaskEventKind;
  /** The day it happened, YYYY-MM-DD. */
  on: string;
  note: string | null;
  /** extend: the new deadline. */
  deadline: string | null;
  /** extend: the number of the document that moved the deadline. */
  document: string | null;
  /** reassign: the agency now responsible. */
  agency: string | null;
  /** Who recorded it. */
  user: string;
}

export interface TaskEvent extends NewTaskEvent {
  /** Order of recording, across all tasks. */
  seq: number;
  recordedAt: string;
}

/** A stored task id, the date of the (earliest) document holding it, and its deadline. */
export interface TaskRef {
  id: string;
  issuedAt: string | null;
  deadline: { kind: TaskHit['deadline']['kind']; date: string | null };
}

/** A task of an earlier notice that a later notice's task continues, and how `diff` paired them. */
export interface TaskLink {
  earlier: string;
  later: string;
  /** The stored paths of the two tasks' documents: documents without a number share task ids. */
  earlierSource: string;
  laterSource: string;
  /** The diff's change types, space-separated: `unchanged`, `reworded redated`, … */
  change: string;
}

/** A stored document as diffing reads it back: header, working text, clause tree rows and tasks. */
export interface StoredDocument {
  path: string;
  header: DocumentHeader;
  text: string;
  clauses: ClauseRow[];
  tasks: TaskHit[];
}

/** Which stored documents a new one may continue (link.ts says why these). */
export interface RelatedQuery {
  /** Number keys the new document cites: always compared. */
  cites: string[];
  /** Folded names of the new document's responsible agencies, each once. */
  agencies: string[];
  /** At most this many documents ranked by the share of responsible agencies in common, besides those cited. */
  limit: number;
}

/** What `put` does after writing: finds related documents and turns them into links, in the same transaction. */
export interface Relate {
  query: RelatedQuery;
  /** Pure and synchronous (SQLite's transactions are), on the related documents as stored. */
  link: (related: StoredDocument[]) => TaskLink[];
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** The database as shown in messages (no password). */
  readonly location: string;
  /** The stored document with this content, if any. */
  findByHash(hash: string): Promise<Stored | null>;
  /**
   * Store a document in one transaction, replacing any with the same path or
   * content; with `relate`, also replace the links that end at its tasks by
   * those `relate.link` makes of the related documents.
   */
  put(record: DocumentRecord, relate?: Relate): Promise<PutResult>;
  list(): Promise<DocumentSummary[]>;
  /** Remove the documents whose number key or path is `document`; how many went. */
  remove(document: string): Promise<number>;
  /** Tasks in document order (number, path) then task order; `limit` and `offset` page them. */
  query(filter: TaskFilter): Promise<TaskHit[]>;
  /** How many tasks match, whatever `limit` and `offset` say. */
  count(filter: TaskFilter): Promise<number>;
  stats(filter: TaskFilter): Promise<Stats>;
  /** The distinct stored task ids that begin with `prefix`, in id order, at most `limit`. */
  findTasks(prefix: string, limit: number): Promise<TaskRef[]>;
  /** Every task link, in the order of their ids (earlier, later). */
  links(): Promise<TaskLink[]>;
  /** Every recorded task event, in the order recorded. */
  events(): Promise<TaskEvent[]>;
  /**
   * Records the event `decide` makes of the task's events so far, in one
   * write transaction so that two users cannot both mark a task done;
   * whatever `decide` throws is thrown and nothing is written.
   */
  appendEvent(taskId: string, decide: (history: TaskEvent[]) => NewTaskEvent): Promise<TaskEvent>;
  close(): Promise<void>;
}

/** A store problem the user can act on: one line, nothing changed. */
export class StoreError extends Error {}
