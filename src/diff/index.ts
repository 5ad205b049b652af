/**
 * diff: how the task list moved from OLD to NEW. `align` says which tasks
 * correspond; this module says what changed between them, field by field.
 */
import { diffWords } from 'diff';
import type { Deadline } from '../schema.ts';
import { align, type Comparable, type Group, type Item } from './align.ts';
import { foldMarks } from '../lang/fold.ts';
import { CHANGE_TYPES, type Change, type ChangeType, type DiffResult, type TaskSide, type WordPart } from './schema.ts';

export function diffDocs(oldDoc: Comparable, newDoc: Comparable): DiffResult {
  const alignment = align(oldDoc, newDoc);
  const changes = order(alignment.groups, alignment.old.length).map((g) =>
    change(g, g.old.map((i) => alignment.old[i]), g.new.map((j) => alignment.new[j])),
  );
  const summary = Object.fromEntries(CHANGE_TYPES.map((t) => [t, changes.filter((c) => c.types.includes(t)).length])) as Record<ChangeType, number>;
  return { old: docRef(oldDoc), new: docRef(newDoc), summary, changes };
}

/** Tasks of OLD that NEW does not mention again: what fell through the cracks. */
export function carriedOver(result: DiffResult): TaskSide[] {
  return result.changes.filter((c) => c.types.includes('dropped')).flatMap((c) => c.old);
}

function docRef(doc: Comparable): DiffResult['old'] {
  return { path: doc.path, number: doc.header?.number ?? null, title: doc.header?.title ?? null, tasks: doc.tasks?.length ?? 0 };
}

/** NEW's order; a dropped task goes after the changes of the OLD tasks before it. */
function order(groups: Group[], oldLength: number): Group[] {
  const at = new Array<number>(oldLength).fill(-1);
  for (const g of groups) for (const i of g.old) if (g.new.length) at[i] = g.new[0];
  // The furthest NEW position reached by OLD's tasks up to each one.
  for (let i = 1; i < oldLength; i++) at[i] = Math.max(at[i], at[i - 1]);
  const key = (g: Group) => (g.new.length ? g.new[0] : at[g.old[0]] + 0.5 + g.old[0] / (oldLength + 1) / 2);
  return [...groups].sort((p, q) => key(p) - key(q));
}

function change(g: Group, olds: Item[], news: Item[]): Change {
  const before = olds.map(side);
  const after = news.map(side);
  const base = { old: before, new: after, similarity: round(g.similarity) };
  if (!olds.length) return { ...base, types: ['added'], fields: {} };
  if (!news.length) return { ...base, types: ['dropped'], fields: {} };

  const types: ChangeType[] = [];
  const fields: Change['fields'] = {};
  if (olds.length > 1) types.push('merged');
  if (news.length > 1) types.push('split');
  if (g.moved) {
    types.push('moved');
    fields.section = { old: before[0].section, new: after[0].section };
  }
  const oldText = before.map((t) => t.text).join(' ');
  const newText = after.map((t) => t.text).join(' ');
  if (spelling(oldText).join(' ') !== spelling(newText).join(' ')) {
    types.push('reworded');
    fields.text = wordDiff(oldText, newText);
  }
  const deadlines = new Set([...before, ...after].map((t) => `${t.deadline.kind} ${t.deadline.date}`));
  if (deadlines.size > 1) {
    types.push('redated');
    fields.deadline = { old: distinct(before.map((t) => t.deadline)), new: distinct(after.map((t) => t.deadline)) };
  }
  for (const field of ['responsible', 'coordinating', 'directing'] as const) {
    const moved = agencyChange(before.flatMap((t) => t[field]), after.flatMap((t) => t[field]));
    if (moved) fields[field] = moved;
  }
  if (fields.responsible || fields.coordinating || fields.directing) types.push('reassigned');
  return { ...base, types: types.length ? sortTypes(types) : ['unchanged'], fields };
}

function side(item: Item): TaskSide {
  const t = item.task;
  return {
    clause: t.clause,
    key: item.key,
    section: item.section,
    text: t.text,
    span: t.span,
    ...(t.sourceSpan ? { sourceSpan: t.sourceSpan } : {}),
    responsible: t.responsible,
    coordinating: t.coordinating,
    directing: t.directing,
    deadline: t.deadline,
  };
}

/**
 * Words as spelled, blind to case, punctuation and where the tone mark sits
 * (`thỏa` and `thoả` are one word): a change here is a rewording.
 */
function spelling(text: string): string[] {
  return text
    .normalize('NFD')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.replace(/\p{M}/gu, '') + [...w.matchAll(/\p{M}/gu)].map((m) => m[0]).sort().join(''));
}

function wordDiff(oldText: string, newText: string): WordPart[] {
  return diffWords(oldText, newText).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}

function distinct(deadlines: Deadline[]): Deadline[] {
  const seen = new Set<string>();
  return deadlines.filter((d) => !seen.has(`${d.kind} ${d.date}`) && seen.add(`${d.kind} ${d.date}`));
}

function agencyChange(before: string[], after: string[]): { added: string[]; removed: string[] } | undefined {
  const had = new Set(before.map(foldMarks));
  const has = new Set(after.map(foldMarks));
  const added = [...new Set(after)].filter((x) => !had.has(foldMarks(x)));
  const removed = [...new Set(before)].filter((x) => !has.has(foldMarks(x)));
  return added.length || removed.length ? { added, removed } : undefined;
}

const sortTypes = (types: ChangeType[]) => [...types].sort((p, q) => CHANGE_TYPES.indexOf(p) - CHANGE_TYPES.indexOf(q));
const round = (x: number) => Math.round(x * 1000) / 1000;
