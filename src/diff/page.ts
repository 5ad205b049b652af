/**
 * `chidao diff --format html`: the two notices side by side, drawn with the
 * review page's parts (each task and its fields highlighted), and between them
 * the list of changes. A change's row and its tasks in both notices are linked:
 * click one, the others are selected and scrolled to. Each task is coloured by
 * what happened to it, and the words a rewording deleted or inserted are marked
 * in the notices themselves. Self-contained like the review page.
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../doc/model.ts';
import { reviewLayers, type Mark } from '../review/layers.ts';
import { escapeHtml, noticeHtml, pageHtml } from '../review/parts.ts';
import type { Span } from '../schema.ts';
import { arrow, bySection, fieldNotes, marked } from './render.ts';
import { CHANGE_TYPES, type Change, type DiffResult, type TaskSide, type WordPart } from './schema.ts';

const STYLE = readFileSync(new URL('./page.css', import.meta.url), 'utf8');
const SCRIPT = readFileSync(new URL('./client.js', import.meta.url), 'utf8');

type Side = 'old' | 'new';

/** How a task is coloured: what the change it belongs to did to it. */
const standing = (c: Change) => (c.types.includes('unchanged') ? 'c-same' : c.types.includes('added') ? 'c-added' : c.types.includes('dropped') ? 'c-dropped' : 'c-changed');

export function diffPage(result: DiffResult, oldDoc: Doc, newDoc: Doc): string {
  const docs = { old: oldDoc, new: newDoc };
  const groups = bySection(result);
  const changes = groups.flatMap((g) => g.changes);
  // Each change's tasks as indices into its document's task list, and each task's change.
  const taskIndex = { old: indexOfTask(oldDoc), new: indexOfTask(newDoc) };
  const tasksOf = changes.map((c) => ({ old: c.old.map((t) => taskIndex.old(t)), new: c.new.map((t) => taskIndex.new(t)) }));
  const changeOf = { old: new Map<number, number>(), new: new Map<number, number>() };
  tasksOf.forEach((sides, k) => (['old', 'new'] as const).forEach((s) => sides[s].forEach((t) => t >= 0 && changeOf[s].set(t, k))));

  const notice = (s: Side) => {
    const doc = docs[s];
    const { fields, marks } = reviewLayers(doc);
    changes.forEach((c) => marks.push(...changedWords(doc, c, s)));
    const classOf = (t: number) => {
      const k = changeOf[s].get(t);
      return k === undefined ? 'c-same' : standing(changes[k]);
    };
    const ref = result[s];
    return `<article id="notice-${s}" class="notice" aria-label="${s.toUpperCase()} notice"><h2 class="side">${s.toUpperCase()} <code>${escapeHtml(ref.path)}</code>${ref.number ? ` · ${escapeHtml(ref.number)}` : ''} · ${ref.tasks} tasks</h2>${noticeHtml(doc.text, marks, fields, classOf)}</article>`;
  };

  let k = 0;
  const list = groups
    .map((g) => `<li class="section"><h3>${escapeHtml(g.title)}</h3></li>${g.changes.map((c) => changeRow(c, k++)).join('')}`)
    .join('');
  const title = `Task diff: ${result.old.number ?? result.old.path} → ${result.new.number ?? result.new.path}`;

  const body = `<header>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${CHANGE_TYPES.map((t) => `<span class="type t-${t}">${result.summary[t]} ${t}</span>`).join(' ')}</p>
<div class="toolbar"><label><input type="checkbox" id="hide-same"> hide unchanged</label> <span class="keys">j/k change · click a change or a task to see it on both sides</span>
<span class="legend"><span class="swatch c-added">added</span> <span class="swatch c-dropped">dropped</span> <span class="swatch c-changed">changed</span> <span class="swatch c-same">unchanged</span> <del>deleted words</del> <ins>inserted words</ins></span></div>
</header>
<main>
${notice('old')}
<ol id="changes" aria-label="changes">${list}</ol>
${notice('new')}
</main>`;
  return pageHtml({ title, style: STYLE, body, data: { changes: tasksOf }, script: SCRIPT });
}

function changeRow(c: Change, k: number): string {
  const mark = (text: string, op: WordPart['op']) => (op === 'delete' ? `<del>${escapeHtml(text)}</del>` : `<ins>${escapeHtml(text)}</ins>`);
  const sideText = (s: Side) => (c[s].length ? `<div class="${s}"><b>${s.toUpperCase()}</b> ${marked(c, s, mark, escapeHtml)}</div>` : '');
  const types = c.types.map((t) => `<span class="type t-${t}">${t}</span>`).join('');
  const notes = fieldNotes(c).map((n) => `<div class="note">${escapeHtml(n)}</div>`).join('');
  const same = c.types.includes('unchanged');
  return `<li class="change ${standing(c)}" data-c="${k}" tabindex="-1" aria-selected="false"><div class="head">${types} <code>${escapeHtml(arrow(c))}</code></div>${same ? '' : `${notes}${sideText('old')}${sideText('new')}`}</li>`;
}

/** Finds a change's task in its document by where its words stand. */
function indexOfTask(doc: Doc): (side: TaskSide) => number {
  const at = new Map((doc.tasks ?? []).map((t, i) => [`${t.span.start}:${t.span.end}`, i]));
  return (side) => at.get(`${side.span.start}:${side.span.end}`) ?? -1;
}

/**
 * The words a rewording took out of OLD (or put into NEW), in that notice's
 * offsets. The diff ran over the tasks' texts joined by a space; a task's text
 * is its span's words with line breaks and runs of spaces made single.
 */
function changedWords(doc: Doc, c: Change, s: Side): Mark[] {
  const parts = c.fields.text;
  if (!parts) return [];
  const [own, other] = s === 'old' ? ['delete', 'insert'] : ['insert', 'delete'];
  const tasks: { from: number; text: string; at: number[] | null }[] = [];
  let length = 0;
  for (const task of c[s]) {
    tasks.push({ from: length, text: task.text, at: offsetsOf(doc.text, task) });
    length += task.text.length + 1;
  }
  const marks: Mark[] = [];
  let position = 0;
  for (const p of parts) {
    if (p.op === other) continue;
    if (p.op === own && p.text.trim()) {
      for (const { from, text, at } of tasks) {
        const [start, end] = [Math.max(0, position - from), Math.min(text.length, position + p.text.length - from)];
        const span = at && start < end ? trimmed(doc.text, at[start], at[end - 1] + 1) : null;
        if (span) marks.push({ ...span, kind: s === 'old' ? 'deleted' : 'inserted', title: s === 'old' ? 'not in NEW' : 'new in NEW' });
      }
    }
    position += p.text.length;
  }
  return marks;
}

/** Where each character of a task's text stands in the notice; null when its words are not its span's. */
function offsetsOf(text: string, task: TaskSide): number[] | null {
  const at: number[] = [];
  const blank = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
  let j = task.span.start;
  for (let i = 0; i < task.text.length; ) {
    if (blank(task.text[i]) && blank(text[j])) {
      const run = j;
      while (blank(task.text[i])) at[i++] = run;
      while (j < task.span.end && blank(text[j])) j++;
    } else if (task.text[i] === text[j] && j < task.span.end) {
      at[i++] = j++;
    } else return null;
  }
  return at;
}

const trimmed = (text: string, start: number, end: number): Span | null => {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
};
