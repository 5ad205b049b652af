/**
 * `chidao task history ID`: every appearance of a task across the notices
 * stored, as the links `corpus add` made (store/link.ts) chain them, and the
 * chains `status` follows: a task continued by a later notice's task is
 * counted there, once, with the later deadline.
 */
import { openStore } from '../store/index.ts';
import { render, type Column } from '../store/render.ts';
import type { TaskHit } from '../store/types.ts';
import { ancestors, chainOf, chains, type Chains } from './chains.ts';
import { resolveTask } from './record.ts';
import { markdownTable } from './rows.ts';

export interface Appearance {
  id: string;
  document: string | null;
  source: string;
  issuedAt: string | null;
  clause: string;
  deadline: TaskHit['deadline'];
  responsible: string[];
  text: string;
  /** How diff paired it with the appearance before (`reworded redated`); null for the first. */
  change: string | null;
}

/**
 * The appearances in date order: undated ones (drafts) first, as linking
 * ranks them; on the same date, one continuing another comes after it.
 */
export function appearances(c: Chains, tasks: readonly TaskHit[], issuedAt: ReadonlyMap<string, string | null>): Appearance[] {
  const rows = tasks.map((t) => ({
    depth: ancestors(c, t.id).length,
    appearance: {
      id: t.id, document: t.document, source: t.source, issuedAt: issuedAt.get(t.source) ?? null, clause: t.clause, deadline: t.deadline,
      responsible: t.responsible, text: t.text, change: (c.earlierOf.get(t.id) ?? []).map((l) => l.change).join('; ') || null,
    },
  }));
  // '' (undated) sorts before every date.
  rows.sort((p, q) => (p.appearance.issuedAt ?? '').localeCompare(q.appearance.issuedAt ?? '') || p.depth - q.depth);
  return rows.map((r) => r.appearance);
}

export async function taskHistory(given: string, options: { db?: string } = {}): Promise<Appearance[]> {
  const store = await openStore(options.db, { mustExist: true });
  try {
    const task = await resolveTask(store, given);
    const c = chains(await store.links());
    const [tasks, documents] = await Promise.all([store.query({ ids: chainOf(c, task.id) }), store.list()]);
    return appearances(c, tasks, new Map(documents.map((d) => [d.path, d.issuedAt])));
  } finally {
    await store.close();
  }
}

export const HISTORY_FORMATS = ['table', 'json', 'md'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

const HISTORY_COLUMNS: Column<Appearance>[] = [
  ['document', (a) => a.document],
  ['issued', (a) => a.issuedAt],
  ['clause', (a) => a.clause],
  ['deadline', (a) => a.deadline.date ?? a.deadline.kind],
  ['responsible', (a) => a.responsible.join('; ')],
  ['change', (a) => a.change],
  ['id', (a) => a.id],
  ['text', (a) => a.text],
];

export function formatHistory(rows: readonly Appearance[], format: HistoryFormat): string {
  return format === 'md' ? markdownTable(rows, HISTORY_COLUMNS) : render(rows, HISTORY_COLUMNS, format);
}
