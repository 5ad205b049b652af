/**
 * `chidao status`: every task the filter selects, with where it stands as of
 * a day. Agencies are matched here rather than in SQL because a reassigned
 * task counts against the agency it was given to, which only its events know.
 */
import { canonicalAgency } from '../lang/gazetteer.ts';
import { foldWords } from '../lang/fold.ts';
import { openStore } from '../store/index.ts';
import { render, type Column } from '../store/render.ts';
import { ROLES, type ROLE_FILTERS, type TaskEvent, type TaskHit, type TaskLink } from '../store/types.ts';
import { ancestors, chains, idOfKey, taskKey } from './chains.ts';
import { standing, DUE_SOON, type Standing } from './status.ts';

export interface StatusFilter {
  db?: string;
  asOf: string;
  agency?: string;
  role?: (typeof ROLE_FILTERS)[number];
  document?: string;
  /** Flag tasks due within this many days. */
  dueWithin?: number;
}

export interface StatusRow extends Standing {
  id: string;
  document: string | null;
  source: string;
  /** The date of the task's document. */
  issuedAt: string | null;
  text: string;
  /** The agencies as they stand: a reassigned task's responsible agency is the one it was given to. */
  responsible: string[];
  coordinating: string[];
  directing: string[];
  deadline: TaskHit['deadline'];
  /** The tasks of earlier notices this one continues (task history), counted here and not on their own. */
  earlier: string[];
}

/** An agency as filters match it: canonical name (aliases such as `Bộ KHCN` known), folded. */
export const agencyKey = (agency: string) => foldWords(canonicalAgency(agency) ?? agency);

/** What status reads from the store: tasks (`stored`: every one; `tasks`: those the filter selects), documents' dates, events, links. */
export interface StatusInput {
  tasks: readonly TaskHit[];
  stored: readonly TaskHit[];
  issuedAt: ReadonlyMap<string, string | null>;
  events: readonly TaskEvent[];
  links: readonly TaskLink[];
}

/**
 * The rows for a filter. A task that a stored later notice continues is
 * counted there, on its latest appearance, with that notice's deadline and
 * the events recorded on any of its appearances; a task no later notice
 * mentions again stays on its own notice.
 */
export function statusRows(input: StatusInput, filter: StatusFilter): StatusRow[] {
  const byTask = new Map<string, TaskEvent[]>();
  for (const e of input.events) byTask.set(e.taskId, [...(byTask.get(e.taskId) ?? []), e]);
  const c = chains(input.links);
  const stored = new Set(input.stored.map((t) => taskKey(t.source, t.id)));
  const continued = (key: string) => (c.laterOf.get(key) ?? []).some((l) => stored.has(taskKey(l.laterSource, l.later)));
  const wanted = filter.agency === undefined ? null : agencyKey(filter.agency);
  const roles = !filter.role || filter.role === 'any' ? ROLES : [filter.role];
  return input.tasks.flatMap((t) => {
    const key = taskKey(t.source, t.id);
    if (continued(key)) return [];
    const earlier = [...new Set(ancestors(c, key).map(idOfKey))].sort();
    const events = [t.id, ...earlier].flatMap((id) => byTask.get(id) ?? []).sort((p, q) => p.seq - q.seq);
    const date = input.issuedAt.get(t.source) ?? null;
    const s = standing({ deadline: t.deadline, issuedAt: date }, events, filter.asOf, filter.dueWithin);
    const row: StatusRow = {
      id: t.id, document: t.document, source: t.source, issuedAt: date, text: t.text,
      responsible: s.reassignedTo ? [s.reassignedTo] : t.responsible, coordinating: t.coordinating, directing: t.directing,
      deadline: t.deadline, earlier, ...s,
    };
    return wanted === null || roles.some((role) => row[role].some((a) => agencyKey(a) === wanted)) ? [row] : [];
  });
}

export async function status(filter: StatusFilter): Promise<StatusRow[]> {
  const store = await openStore(filter.db, { mustExist: true });
  try {
    const [stored, documents, events, links] = await Promise.all([store.query({}), store.list(), store.events(), store.links()]);
    const tasks = filter.document === undefined ? stored : await store.query({ document: filter.document });
    return statusRows({ tasks, stored, issuedAt: new Map(documents.map((d) => [d.path, d.issuedAt])), events, links }, filter);
  } finally {
    await store.close();
  }
}

export const STATUS_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

const STATUS_COLUMNS: Column<StatusRow>[] = [
  ['category', (r) => r.category],
  ['flag', (r) => (r.dueSoon ? DUE_SOON : '')],
  ['due', (r) => r.due],
  ['days_overdue', (r) => r.daysOverdue],
  ['extended_to', (r) => (r.extensions ? `${r.extendedTo} (${r.extensions}×)` : '')],
  ['completed_on', (r) => r.completedOn],
  ['last_report', (r) => r.lastReport],
  ['responsible', (r) => r.responsible.join('; ')],
  ['deadline', (r) => r.deadline.text ?? r.deadline.kind],
  ['id', (r) => r.id],
  ['earlier', (r) => r.earlier.join('; ')],
  ['text', (r) => r.text],
];

/** A Markdown table; `|` and line breaks in cells would end the cell or the row. */
export function markdownTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cell = (v: string | number | null) => String(v ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns.map(([h]) => h)), line(columns.map(() => '---')), ...rows.map((r) => line(columns.map(([, get]) => cell(get(r)))))].join('\n') + '\n';
}

export function formatStatus(rows: readonly StatusRow[], format: StatusFormat): string {
  return format === 'md' ? markdownTable(rows, STATUS_COLUMNS) : render(rows, STATUS_COLUMNS, format);
}
