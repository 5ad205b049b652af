/**
 * The query SQL both back ends share. Written with `?` placeholders (the
 * PostgreSQL store numbers them); only full text differs by dialect: FTS5
 * over the words fold.ts folded (SQLite), the server's own unaccent'ed
 * text search (PostgreSQL).
 */
import { canonicalAgency } from '../lang/gazetteer.ts';
import { foldNumber, foldWords } from '../lang/fold.ts';
import type { Dialect } from './migrations/index.ts';
import {
  ROLES, StoreError, type DocumentSummary, type NewTaskEvent, type RelatedQuery, type Stats, type Stored, type StoredDocument, type TaskEvent, type TaskFilter, type TaskHit, type TaskLink, type TaskRef,
} from './types.ts';

export interface Sql {
  text: string;
  params: unknown[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The agency rows `--agency` and `--role` select, as `task_agencies a WHERE …`. */
function agencyRows(filter: TaskFilter): Sql | null {
  if (!filter.agency) return null;
  const roles = !filter.role || filter.role === 'any' ? ROLES : [filter.role];
  return {
    text: `task_agencies a WHERE a.agency_key = ? AND a.role IN (${roles.map(() => '?').join(', ')})`,
    params: [foldWords(canonicalAgency(filter.agency) ?? filter.agency), ...roles],
  };
}

/** The WHERE clause over `tasks t JOIN documents d` for a filter. */
export function where(filter: TaskFilter, dialect: Dialect): Sql {
  const parts: string[] = [];
  const params: unknown[] = [];
  const agency = agencyRows(filter);
  if (agency) {
    // IN, not EXISTS: the planner then starts from the agency index instead of scanning every task.
    parts.push(`t.id IN (SELECT a.task_id FROM ${agency.text})`);
    params.push(...agency.params);
  }
  for (const [key, op] of [['dueBefore', '<'], ['dueAfter', '>']] as const) {
    const date = filter[key];
    if (date === undefined) continue;
    if (!ISO_DATE.test(date)) throw new StoreError(`${key === 'dueBefore' ? 'due-before' : 'due-after'} must be a date YYYY-MM-DD, not ${date}`);
    parts.push(`t.deadline_date ${op} ?`);
    params.push(date);
  }
  if (filter.deadlineKind) {
    parts.push('t.deadline_kind = ?');
    params.push(filter.deadlineKind);
  }
  if (filter.document) {
    parts.push('(d.number_key = ? OR d.path = ?)');
    params.push(foldNumber(filter.document), filter.document);
  }
  if (filter.ids) {
    parts.push(filter.ids.length ? `t.task_id IN (${marks(filter.ids.length)})` : 'FALSE');
    params.push(...filter.ids);
  }
  if (filter.text !== undefined) {
    const words = foldWords(filter.text);
    if (!words) throw new StoreError(`text has no words to search for: ${JSON.stringify(filter.text)}`);
    if (dialect === 'sqlite') {
      parts.push('t.id IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?)');
      // Folded words are [a-z0-9 ] only, so quoting them makes a safe FTS5 phrase.
      params.push(`"${words}"`);
    } else {
      // The server folds the words as it folded the tasks (migrations/postgres/002).
      parts.push("t.search_vector @@ phraseto_tsquery('simple'::regconfig, chidao_fold(?))");
      params.push(filter.text);
    }
  }
  return { text: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function selectTasks(filter: TaskFilter, dialect: Dialect): Sql {
  const w = where(filter, dialect);
  const page = paging(filter, dialect);
  return {
    text: `SELECT d.number, d.path, t.task_id, t.clause, t.text, t.span_start, t.span_end, t.source_start, t.source_end,
      t.responsible, t.coordinating, t.directing, t.deadline_text, t.deadline_kind, t.deadline_date, t.recurrence,
      t.deliverable, t.confidence
    FROM tasks t JOIN documents d ON d.id = t.document_id ${w.text}
    ORDER BY d.number NULLS LAST, d.path, t.ord${page.text}`,
    params: [...w.params, ...page.params],
  };
}

/** LIMIT and OFFSET; SQLite takes an offset only after a limit (-1: none). */
function paging(filter: TaskFilter, dialect: Dialect): Sql {
  for (const key of ['limit', 'offset'] as const) {
    const n = filter[key];
    if (n !== undefined && !(Number.isInteger(n) && n >= 0)) throw new StoreError(`${key} must be a whole number, 0 or more, not ${n}`);
  }
  const { limit, offset = 0 } = filter;
  if (limit === undefined && !offset) return { text: '', params: [] };
  if (!offset) return { text: ' LIMIT ?', params: [limit] };
  if (limit === undefined) return dialect === 'sqlite' ? { text: ' LIMIT -1 OFFSET ?', params: [offset] } : { text: ' OFFSET ?', params: [offset] };
  return { text: ' LIMIT ? OFFSET ?', params: [limit, offset] };
}

/**
 * How many tasks match. Documents are joined only when a filter needs them,
 * and a filter on the agency alone is counted in its index (task_agencies_by_agency
 * holds agency, role and task): every agency row belongs to a stored task.
 */
export function countTasks(filter: TaskFilter, dialect: Dialect): Sql {
  const agency = agencyRows(filter);
  if (agency && !where({ ...filter, agency: undefined }, dialect).text) {
    return { text: `SELECT COUNT(DISTINCT a.task_id) AS n FROM ${agency.text}`, params: agency.params };
  }
  const w = where(filter, dialect);
  return { text: `SELECT COUNT(*) AS n FROM tasks t${filter.document ? ' JOIN documents d ON d.id = t.document_id' : ''} ${w.text}`, params: w.params };
}

type Row = Record<string, unknown>;

export function toHit(r: Row): TaskHit {
  return {
    document: r.number as string | null,
    source: r.path as string,
    id: r.task_id as string,
    clause: r.clause as string,
    text: r.text as string,
    span: { start: r.span_start as number, end: r.span_end as number },
    sourceSpan: r.source_start === null ? null : { start: r.source_start as number, end: r.source_end as number },
    responsible: JSON.parse(r.responsible as string),
    coordinating: JSON.parse(r.coordinating as string),
    directing: JSON.parse(r.directing as string),
    deadline: { text: r.deadline_text as string | null, kind: r.deadline_kind as TaskHit['deadline']['kind'], date: r.deadline_date as string | null, recurrence: r.recurrence as TaskHit['deadline']['recurrence'] },
    deliverable: r.deliverable as string | null,
    confidence: r.confidence as number,
  };
}

export function selectAgencyStats(filter: TaskFilter, dialect: Dialect): Sql {
  const w = where(filter, dialect);
  const count = (role: string) => `SUM(CASE WHEN s.role = '${role}' THEN 1 ELSE 0 END)`;
  return {
    text: `SELECT MIN(s.agency) AS agency, ${ROLES.map((r) => `${count(r)} AS ${r}`).join(', ')}, COUNT(DISTINCT s.task_id) AS tasks
    FROM task_agencies s JOIN tasks t ON t.id = s.task_id JOIN documents d ON d.id = t.document_id ${w.text}
    GROUP BY s.agency_key ORDER BY 5 DESC, 1`,
    params: w.params,
  };
}

export function selectMonthStats(filter: TaskFilter, dialect: Dialect): Sql {
  const w = where(filter, dialect);
  return {
    text: `SELECT substr(t.deadline_date, 1, 7) AS month, COUNT(*) AS tasks
    FROM tasks t JOIN documents d ON d.id = t.document_id
    ${w.text ? `${w.text} AND` : 'WHERE'} t.deadline_date IS NOT NULL
    GROUP BY 1 ORDER BY 1`,
    params: w.params,
  };
}

/** Counts come back as numbers from SQLite and as strings (bigint) from PostgreSQL. */
export function toStats(agencies: Row[], months: Row[]): Stats {
  return {
    agencies: agencies.map((r) => ({ agency: r.agency as string, responsible: Number(r.responsible), coordinating: Number(r.coordinating), directing: Number(r.directing), tasks: Number(r.tasks) })),
    months: months.map((r) => ({ month: r.month as string, tasks: Number(r.tasks) })),
  };
}

export const SELECT_DOCUMENTS = `SELECT number, kind, issued_at, title, path, task_count, pipeline, pipeline_version, content_hash, added_at, reviewed_by, reviewed_at
  FROM documents ORDER BY number NULLS LAST, path`;

export function toSummary(r: Row): DocumentSummary {
  return {
    number: r.number as string | null,
    kind: r.kind as string | null,
    issuedAt: r.issued_at as string | null,
    title: r.title as string | null,
    path: r.path as string,
    tasks: Number(r.task_count),
    pipeline: r.pipeline as string,
    pipelineVersion: r.pipeline_version as string,
    contentHash: r.content_hash as string,
    addedAt: r.added_at as string,
    reviewedBy: r.reviewed_by as string | null,
    reviewedAt: r.reviewed_at as string | null,
  };
}

/** A document is named by its number (folded) or by its stored path. */
export function deleteDocuments(document: string): Sql {
  return { text: 'DELETE FROM documents WHERE number_key = ? OR path = ?', params: [foldNumber(document), document] };
}

export const FIND_BY_HASH = 'SELECT number, task_count, pipeline_version, reviewed_at FROM documents WHERE content_hash = ?';

export function toStored(r: Row): Stored {
  return { number: r.number as string | null, tasks: Number(r.task_count), pipelineVersion: r.pipeline_version as string, reviewedAt: r.reviewed_at as string | null };
}

/** Task ids by prefix: substr counts code points on both back ends, so the length is given as such. */
export function findTasks(prefix: string, limit: number): Sql {
  return {
    text: `SELECT t.task_id, MIN(d.issued_at) AS issued_at, MIN(t.deadline_kind) AS deadline_kind, MIN(t.deadline_date) AS deadline_date FROM tasks t JOIN documents d ON d.id = t.document_id
    WHERE substr(t.task_id, 1, ?) = ? GROUP BY t.task_id ORDER BY t.task_id LIMIT ?`,
    params: [[...prefix].length, prefix, limit],
  };
}

export const toTaskRef = (r: Row): TaskRef => ({
  id: r.task_id as string,
  issuedAt: r.issued_at as string | null,
  deadline: { kind: r.deadline_kind as TaskRef['deadline']['kind'], date: r.deadline_date as string | null },
});

const EVENT_COLUMNS = 'id, task_id, kind, on_date, note, deadline, document, agency, recorded_by, recorded_at';
export const SELECT_EVENTS = `SELECT ${EVENT_COLUMNS} FROM task_events ORDER BY id`;
export const SELECT_TASK_EVENTS = `SELECT ${EVENT_COLUMNS} FROM task_events WHERE task_id = ? ORDER BY id`;
export const INSERT_EVENT = `INSERT INTO task_events (task_id, kind, on_date, note, deadline, document, agency, recorded_by, recorded_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export const eventParams = (e: NewTaskEvent, recordedAt: string): unknown[] => [e.taskId, e.kind, e.on, e.note, e.deadline, e.document, e.agency, e.user, recordedAt];

export function toEvent(r: Row): TaskEvent {
  return {
    seq: Number(r.id),
    taskId: r.task_id as string,
    kind: r.kind as TaskEvent['kind'],
    on: r.on_date as string,
    note: r.note as string | null,
    deadline: r.deadline as string | null,
    document: r.document as string | null,
    agency: r.agency as string | null,
    user: r.recorded_by as string,
    recordedAt: r.recorded_at as string,
  };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The stored documents a new one (`documentId`) may continue: those it cites
 * by number, then the `limit` with the most of its responsible agencies in
 * common (link.ts says why these). Documents
 * stored before their text was kept cannot be diffed and are left out.
 */
export function relatedDocuments(q: RelatedQuery, documentId: unknown): Sql[] {
  const out: Sql[] = [];
  if (q.cites.length) {
    out.push({ text: `SELECT id FROM documents WHERE number_key IN (${marks(q.cites.length)}) AND id <> ? AND text IS NOT NULL`, params: [...q.cites, documentId] });
  }
  if (q.agencies.length && q.limit > 0) {
    // Ranked by the share of responsible agencies the two have in common (Jaccard), not their
    // count: a long plan naming every ministry would otherwise come first for every notice.
    const responsible = "a.role = 'responsible' AND t.document_id <> ?";
    out.push({
      text: `WITH shared AS (
        SELECT t.document_id AS id, COUNT(DISTINCT a.agency_key) AS n FROM task_agencies a JOIN tasks t ON t.id = a.task_id
        WHERE a.agency_key IN (${marks(q.agencies.length)}) AND ${responsible} GROUP BY t.document_id),
      own AS (
        SELECT t.document_id AS id, COUNT(DISTINCT a.agency_key) AS n FROM task_agencies a JOIN tasks t ON t.id = a.task_id
        WHERE t.document_id IN (SELECT id FROM shared) AND ${responsible} GROUP BY t.document_id)
      SELECT s.id FROM shared s JOIN own o ON o.id = s.id JOIN documents d ON d.id = s.id WHERE d.text IS NOT NULL
      ORDER BY s.n * 1.0 / (o.n + ? - s.n) DESC, s.id LIMIT ?`,
      params: [...q.agencies, documentId, documentId, q.agencies.length, q.limit],
    });
  }
  return out;
}

/** The three reads that give back stored documents (by id) as diffing needs them. */
export function storedDocuments(ids: unknown[]): { documents: Sql; clauses: Sql; tasks: Sql } {
  const inIds = `IN (${marks(ids.length)})`;
  return {
    documents: { text: `SELECT id, path, number, kind, issuer, issued_at, place, title, signer, text FROM documents WHERE id ${inIds} ORDER BY id`, params: ids },
    clauses: { text: `SELECT document_id, ord, parent_ord, path, kind, label, start_offset, end_offset FROM clauses WHERE document_id ${inIds} ORDER BY document_id, ord`, params: ids },
    tasks: {
      text: `SELECT t.document_id, d.number, d.path, t.task_id, t.clause, t.text, t.span_start, t.span_end, t.source_start, t.source_end,
        t.responsible, t.coordinating, t.directing, t.deadline_text, t.deadline_kind, t.deadline_date, t.recurrence, t.deliverable, t.confidence
      FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.document_id ${inIds} ORDER BY t.document_id, t.ord`,
      params: ids,
    },
  };
}

/** Stored documents from the rows `storedDocuments` read; ids compared as strings (PostgreSQL's bigint). */
export function toStoredDocuments(documents: Row[], clauses: Row[], tasks: Row[]): StoredDocument[] {
  return documents.map((d) => ({
    path: d.path as string,
    header: {
      number: d.number as string | null, kind: d.kind as string | null, issuer: d.issuer as string | null, issuedAt: d.issued_at as string | null,
      place: d.place as string | null, title: d.title as string | null, signer: d.signer as string | null, addressees: [],
    },
    text: d.text as string,
    clauses: clauses.filter((c) => String(c.document_id) === String(d.id)).map((c) => ({
      ord: c.ord as number, parentOrd: c.parent_ord as number | null, path: c.path as string, kind: c.kind as string, label: c.label as string,
      start: c.start_offset as number, end: c.end_offset as number,
    })),
    tasks: tasks.filter((t) => String(t.document_id) === String(d.id)).map(toHit),
  }));
}

/** The links a re-added document's tasks had as the later side are made again from what it now says. */
export function deleteLinksTo(path: string): Sql {
  return { text: 'DELETE FROM task_links WHERE later_source = ?', params: [path] };
}

/** A pair already linked (this document being the earlier side, when added again) keeps its first record. */
export const INSERT_LINK = 'INSERT INTO task_links (earlier_source, earlier_task, later_source, later_task, change, linked_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';
export const SELECT_LINKS = 'SELECT earlier_source, earlier_task, later_source, later_task, change FROM task_links ORDER BY earlier_task, later_task, earlier_source, later_source';
export const toLink = (r: Row): TaskLink => ({
  earlier: r.earlier_task as string, later: r.later_task as string, change: r.change as string, earlierSource: r.earlier_source as string, laterSource: r.later_source as string,
});
