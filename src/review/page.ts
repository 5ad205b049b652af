/**
 * The review page: one self-contained HTML file (inline style and script, a
 * Content-Security-Policy that allows no request) showing the notice as read
 * with every task and field highlighted, and the task list beside it, linked
 * both ways. Everything from the document is escaped: it is hostile input.
 * The notice's markup is built here once; the page's script only indexes it
 * and toggles classes, so the longest notice stays responsive.
 */
import { readFileSync } from 'node:fs';
import agencyData from '../../data/agencies.json' with { type: 'json' };
import type { Doc } from '../doc/model.ts';
import { DeadlineKind, Extraction, Recurrence } from '../schema.ts';
import { reviewLayers, type FieldView } from './layers.ts';
import { escapeHtml, noticeHtml, pageHtml } from './parts.ts';
import { FIELD_NAMES, LOW_CONFIDENCE, type FieldName, type ReviewedTask } from './types.ts';

const STYLE = readFileSync(new URL('./page.css', import.meta.url), 'utf8');
const SCRIPT = readFileSync(new URL('./client.js', import.meta.url), 'utf8');

/** The words the page shows for each field, Vietnamese first as the notices say it. */
const FIELD_LABELS: Record<FieldName, string> = {
  responsible: 'chủ trì · responsible',
  coordinating: 'phối hợp · coordinating',
  directing: 'chỉ đạo · directing',
  deadline: 'thời hạn · deadline',
  deliverable: 'sản phẩm · deliverable',
};

/** What the page's script needs, per task and per field, as JSON in the page. */
interface PageData {
  tasks: { agencies: string[]; deadline: string[] }[];
  fields: { task: number; low: boolean }[];
  /** Low-confidence fields in the order of the notice: what n/p step through. */
  low: number[];
  /** Task indices, weakest field first. */
  weakest: number[];
  /** What the extractor proposed, in the contract's shape: the start of a person's corrections. */
  extraction: Extraction;
  /** The file as given, for the corrected list's `source` (a golden file's). */
  source: string;
  labels: Record<FieldName, string>;
  deadlineKinds: readonly string[];
  recurrences: readonly string[];
}

export function reviewPage(doc: Doc): string {
  const tasks = (doc.tasks ?? []) as ReviewedTask[];
  const { fields, marks, taskNotes } = reviewLayers(doc);
  const byTask = tasks.map((_, t) => fields.filter((f) => f.task === t));
  const weakestOf = (t: number) => Math.min(tasks[t].confidence, ...byTask[t].map((f) => f.confidence));
  const weakest = tasks.map((_, t) => t).sort((a, b) => weakestOf(a) - weakestOf(b) || a - b);
  const rank = new Map(weakest.map((t, k) => [t, k]));
  const where = (f: FieldView) => f.spans[0]?.start ?? tasks[f.task].span.start;
  const data: PageData = {
    tasks: tasks.map((task) => ({ agencies: [...new Set([...task.responsible, ...task.coordinating, ...task.directing])], deadline: deadlineKeys(task) })),
    fields: fields.map((f) => ({ task: f.task, low: f.low })),
    low: fields.filter((f) => f.low).sort((a, b) => where(a) - where(b) || a.id - b.id).map((f) => f.id),
    weakest,
    extraction: Extraction.parse({ document: doc.header, tasks }),
    source: doc.path,
    labels: FIELD_LABELS,
    deadlineKinds: DeadlineKind.options,
    recurrences: Recurrence.options,
  };
  const missing = fields.filter((f) => !f.spans.length);
  const header = doc.header;
  const title = `Review: ${header?.number ?? doc.path}`;
  const facts = [
    ['number', header?.number], ['kind', header?.kind], ['issuer', header?.issuer], ['issued', header?.issuedAt], ['signer', header?.signer],
  ].filter(([, v]) => v).map(([k, v]) => `<span><b>${k}</b> ${escapeHtml(v!)}</span>`).join(' ');
  const lowCount = fields.filter((f) => f.low).length;

  const body = `<header>
<h1>${escapeHtml(title)}</h1>
<p class="facts"><span><b>file</b> <code>${escapeHtml(doc.path)}</code></span> ${facts}${doc.repaired ? ' <span class="repaired-note">text repaired: repaired words are underlined, hover one for the word as read</span>' : ''}</p>
<div class="toolbar">
<label>agency <select id="filter-agency"><option value="">any</option>${agencyOptions(data)}</select></label>
<label>deadline <select id="filter-deadline"><option value="">any</option>${deadlineOptions(data)}</select></label>
<button type="button" id="order" aria-pressed="false">weakest first</button>
<button type="button" id="add-task" title="select words of the notice, then add them as a task the extractor missed">add task from selection</button>
<label>reviewer <input id="reviewer" size="12" autocomplete="name"></label>
<button type="button" id="export-json">export JSON</button> <button type="button" id="export-csv">export CSV</button>
<span id="shown">${tasks.length} of ${tasks.length} tasks</span> · <span>${lowCount} low-confidence field${lowCount === 1 ? '' : 's'} (below ${LOW_CONFIDENCE})</span> · <span class="keys">j/k task · n/p low field</span>
</div>
<p class="legend">${legend()}</p>
</header>
<main>
<article id="notice" class="notice" aria-label="the notice as read">${noticeHtml(doc.text, marks, fields)}</article>
<aside id="side">
<ol id="tasks" aria-label="tasks">${tasks.map((task, t) => taskRow(task, t, byTask[t], taskNotes[t], rank.get(t)!)).join('')}</ol>
<section id="missing"><h2>Not found in the text (${missing.length})</h2>${missing.length ? `<ul>${missing.map((f) => `<li><button type="button" class="chip ${fieldClass(f)}" data-f="${f.id}">${escapeHtml(tasks[f.task].clause)} · ${f.field}: ${escapeHtml(f.value)}</button></li>`).join('')}</ul>` : '<p>Every field’s words were found.</p>'}</section>
<section id="export" hidden><h2>Corrected task list</h2><p><a id="download" download>download</a> <span id="export-note"></span></p><textarea id="export-text" readonly rows="8"></textarea></section>
<datalist id="agency-names">${[...agencyData.agencies.map((a) => a.name), ...agencyData.collectives].map((n) => `<option value="${escapeHtml(n)}">`).join('')}</datalist>
<details id="messages"><summary>Messages (${doc.messages.length})</summary><ul>${doc.messages.map((m) => `<li class="${m.severity}"><code>${escapeHtml(m.ruleId)}</code> ${escapeHtml(m.reason)}</li>`).join('')}</ul></details>
</aside>
</main>`;
  return pageHtml({ title, style: STYLE, body, data, script: SCRIPT });
}

/** Keys a deadline filter can match: its kind, and the month and quarter of its date. */
function deadlineKeys(task: ReviewedTask): string[] {
  const { kind, date } = task.deadline;
  const keys = [`kind:${kind}`];
  if (date) keys.push(`month:${date.slice(0, 7)}`, `quarter:${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`);
  return keys;
}

function agencyOptions(data: PageData): string {
  const names = [...new Set(data.tasks.flatMap((t) => t.agencies))].sort((a, b) => a.localeCompare(b, 'vi'));
  return names.map((n) => `<option value="${escapeHtml(n)}">${escapeHtml(n)}</option>`).join('');
}

function deadlineOptions(data: PageData): string {
  const keys = [...new Set(data.tasks.flatMap((t) => t.deadline))].sort();
  const group = (prefix: string, label: string) => {
    const own = keys.filter((k) => k.startsWith(`${prefix}:`));
    return own.length ? `<optgroup label="${label}">${own.map((k) => `<option value="${escapeHtml(k)}">${escapeHtml(k.slice(prefix.length + 1))}</option>`).join('')}</optgroup>` : '';
  };
  return group('kind', 'kind') + group('month', 'month') + group('quarter', 'quarter');
}

function legend(): string {
  const swatches = FIELD_NAMES.map((f) => `<span class="swatch f-${f}">${FIELD_LABELS[f]}</span>`);
  swatches.unshift('<span class="swatch tk">task</span>');
  swatches.push('<span class="swatch low">low confidence</span>', '<span class="swatch rp">repaired word</span>', '<span class="swatch un">repair unsure</span>', '<span class="swatch ms">message</span>');
  return swatches.join(' ');
}

const fieldClass = (f: FieldView) => `f-${f.field}${f.low ? ' low' : ''}${f.spans.length ? '' : ' missing'}`;

function taskRow(task: ReviewedTask, t: number, fields: FieldView[], notes: string[], rank: number): string {
  const lines = FIELD_NAMES.map((name) => {
    const own = fields.filter((f) => f.field === name);
    if (!own.length) return '';
    const weakest = Math.min(...own.map((f) => f.confidence));
    const chips = own.map((f) => {
      const why = [
        `${f.field} ${f.confidence.toFixed(2)}${f.low ? ' (low)' : ''}`,
        f.grounding === 'evidence' ? 'evidence from the extractor' : f.grounding === 'found' ? 'words found by the page' : 'not found in the text',
        ...f.reasons,
      ].join('\n');
      return `<button type="button" class="chip ${fieldClass(f)}" data-f="${f.id}" title="${escapeHtml(why)}">${escapeHtml(f.value)}${f.detail && f.detail !== f.value ? ` <small>${escapeHtml(f.detail)}</small>` : ''}${f.low ? ` <small class="conf">${f.confidence.toFixed(2)}</small>` : ''}</button>`;
    });
    return `<div class="field" style="--rank:${Math.round(weakest * 1000)}"><span class="label">${FIELD_LABELS[name]}</span> ${chips.join(' ')}</div>`;
  }).join('');
  const noted = notes.map((n) => `<div class="note">${escapeHtml(n)}</div>`).join('');
  return `<li class="task" data-t="${t}" style="--rank:${rank}" tabindex="-1" aria-selected="false"><div class="head"><code>${escapeHtml(task.clause)}</code> <span class="conf">${task.confidence.toFixed(2)}</span> <button type="button" class="edit">edit</button> <button type="button" class="wrong" aria-pressed="false">wrong</button></div><div class="text" title="${escapeHtml(task.text)}">${escapeHtml(task.text)}</div><div class="fields">${lines || '<div class="field none">no fields</div>'}</div>${noted}</li>`;
}
