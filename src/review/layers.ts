/**
 * What the review page draws over the notice, in working-text offsets: each
 * task's words, its fields' words, repaired words and the messages that sit on
 * words. A field carries the extractor's evidence when it has some; without
 * it, its words are looked for (the task's own words first, then the nearest
 * before it, where a heading's doer stands) and, when they are nowhere, the
 * field is listed as not found rather than left out.
 */
import { toWorking, type Doc, type Message } from '../doc/model.ts';
import type { Span } from '../schema.ts';
import { bodiesOf, findAgencies, foldName, type AgencyMention } from '../lang/gazetteer.ts';
import { escapeRegExp } from '../lang/words.ts';
import { FIELD_NAMES, LOW_CONFIDENCE, type FieldName, type ReviewedTask } from './types.ts';

export interface FieldView {
  id: number;
  /** Index of the task in `doc.tasks`. */
  task: number;
  field: FieldName;
  value: string;
  /** The deadline's kind and date, for a deadline. */
  detail?: string;
  /** Working offsets of its words (a deliverable of several parts has one per part); empty when they are not in the text. */
  spans: Span[];
  /** `evidence`: the extractor said where; `found`: the page found the words. */
  grounding: 'evidence' | 'found' | null;
  confidence: number;
  low: boolean;
  reasons: string[];
}

/** `deleted` and `inserted`: words a rewording took out of OLD or put into NEW (the diff page). */
export type MarkKind = 'task' | 'field' | 'repaired' | 'unsure' | 'reason' | 'message' | 'deleted' | 'inserted';

export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  /** For `task`: the task's index; for `field`: the field's id. */
  ref?: number;
  title?: string;
}

export interface Layers {
  fields: FieldView[];
  marks: Mark[];
  /** Messages on a task's whole span, shown with its row, by task index. */
  taskNotes: string[][];
}

export function reviewLayers(doc: Doc): Layers {
  const tasks = (doc.tasks ?? []) as ReviewedTask[];
  const working = toWorking(doc);
  const finder = new WordFinder(doc.text);
  const fields: FieldView[] = [];
  const marks: Mark[] = [];

  tasks.forEach((task, t) => {
    marks.push({ start: task.span.start, end: task.span.end, kind: 'task', ref: t, title: `task ${task.clause}` });
    const reasons = (task.reasons ?? []).map((r) => ({ ...r, span: working(r) }));
    for (const r of reasons) if (r.span.end > r.span.start) marks.push({ ...r.span, kind: 'reason', title: `${r.ruleId}: ${r.reason}` });
    for (const field of FIELD_NAMES) {
      const confidence = task.fieldConfidence?.[field] ?? task.confidence;
      const because = reasons.filter((r) => r.field === field).map((r) => `${r.ruleId}: ${r.reason}`);
      for (const { value, detail, index } of valuesOf(task, field)) {
        const evidence = evidenceOf(task, field, index);
        const given = evidence && working(evidence);
        const spans = evidence !== undefined ? (given && given.end > given.start ? [given] : []) : finder.locate(field, value, task.span);
        const view: FieldView = {
          id: fields.length, task: t, field, value, detail, spans,
          grounding: spans.length ? (evidence !== undefined ? 'evidence' : 'found') : null,
          confidence, low: confidence < LOW_CONFIDENCE, reasons: because,
        };
        fields.push(view);
        for (const span of spans) marks.push({ ...span, kind: 'field', ref: view.id, title: `${task.clause} · ${field}: ${value} (${confidence.toFixed(2)})` });
      }
    }
  });

  if (doc.repaired) marks.push(...repairedWords(doc));
  const taskNotes = tasks.map(() => [] as string[]);
  for (const m of doc.messages) {
    if (m.ruleId === 'repair:unsure') marks.push({ start: m.start, end: m.end, kind: 'unsure', title: unsureTitle(m) });
    else if (m.end > m.start && m.severity !== 'info') {
      const whole = tasks.findIndex((task) => task.span.start === m.start && task.span.end === m.end);
      if (whole >= 0) taskNotes[whole].push(`${m.ruleId}: ${m.reason}`);
      else marks.push({ start: m.start, end: m.end, kind: 'message', title: `${m.ruleId}: ${m.reason}` });
    }
  }
  return { fields, marks, taskNotes };
}

function valuesOf(task: ReviewedTask, field: FieldName): { value: string; detail?: string; index: number }[] {
  if (field === 'deadline') {
    const d = task.deadline;
    if (d.kind === 'none') return [];
    const detail = [d.kind, d.date, d.recurrence].filter(Boolean).join(' ');
    return [{ value: d.text ?? detail, detail, index: 0 }];
  }
  if (field === 'deliverable') return task.deliverable ? [{ value: task.deliverable, index: 0 }] : [];
  return task[field].map((value, index) => ({ value, index }));
}

/** The extractor's span for a field's name: undefined when the task has no evidence for it, null when it said none. */
function evidenceOf(task: ReviewedTask, field: FieldName, index: number): Span | null | undefined {
  const evidence = task.evidence;
  if (!evidence) return undefined;
  const given = evidence[field];
  if (Array.isArray(given)) return given[index] ?? null;
  return given ?? null;
}

/** Finds a field's words in the working text, on a folded copy (case and the `ủy`/`uỷ` spelling do not matter). */
class WordFinder {
  private readonly folded: string;
  private mentions?: AgencyMention[];

  constructor(private readonly text: string) {
    const folded = foldName(text);
    // foldName keeps length; lower-casing alone is the fallback should a character ever not.
    this.folded = folded.length === text.length ? folded : text.toLowerCase();
  }

  /**
   * The words nearest the task: inside it, else the last before it (a heading's doer, a lead-in's deadline),
   * else the first after it (a deadline written once after the last sub-item). A deliverable written in
   * parts (`A; B`) is looked for part by part.
   */
  locate(field: FieldName, value: string, task: Span): Span[] {
    const agency = field === 'responsible' || field === 'coordinating' || field === 'directing';
    const mentions = agency ? this.agencyMentions().filter((m) => bodiesOf(m).includes(value) || m.name === value) : [];
    const whole = nearest(mentions, task) ?? nearest(this.occurrences(value), task);
    if (whole) return [whole];
    if (field !== 'deliverable') return [];
    return value.split(/\s*;\s*/u).flatMap((part) => nearest(this.occurrences(part), task) ?? []);
  }

  private agencyMentions(): AgencyMention[] {
    this.mentions ??= findAgencies(this.text);
    return this.mentions;
  }

  /** Where the words stand as whole words; failing that, anywhere (an extracted phrase may begin inside a word). */
  private occurrences(value: string): Span[] {
    const words = foldName(value).split(/\s+/u).filter(Boolean);
    if (!words.length) return [];
    const phrase = words.map(escapeRegExp).join('\\s+');
    const find = (pattern: RegExp) => [...this.folded.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const whole = find(new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'gu'));
    return whole.length ? whole : find(new RegExp(phrase, 'gu'));
  }
}

function nearest(spans: Span[], task: Span): Span | undefined {
  return spans.find((s) => s.start >= task.start && s.end <= task.end) ?? spans.filter((s) => s.end <= task.start).at(-1) ?? spans.find((s) => s.start >= task.end);
}

const NOT_LETTERS = /[^\p{L}\p{N}]/gu;

/** Words repair changed, each with what was read there (the OCR's or the typist's word): the source keeps it. */
function repairedWords(doc: Doc): Mark[] {
  const marks: Mark[] = [];
  for (const m of doc.text.matchAll(/\S+/gu)) {
    const read = readAs(doc, m.index, m.index + m[0].length);
    // Only letters and digits count: normalisation's own changes (quotes, dropped markup) are not repairs.
    if (read.normalize('NFC').replace(NOT_LETTERS, '') === m[0].normalize('NFC').replace(NOT_LETTERS, '')) continue;
    marks.push({ start: m.index, end: m.index + m[0].length, kind: 'repaired', title: `read as “${read}”` });
  }
  return marks;
}

/**
 * The source's characters under working offsets `start..end`. A rewrite maps a
 * same-length replacement one to one and pins a longer or shorter one to its
 * first character, so a run of characters pinned together stands for the
 * source up to the next character's origin (not past a space).
 */
function readAs(doc: Doc, start: number, end: number): string {
  let read = '';
  for (let i = start; i < end; ) {
    const from = doc.toSource[i];
    let j = i + 1;
    while (j < end && doc.toSource[j] === from) j++;
    if (j - i === 1) read += doc.source[from] ?? '';
    else read += doc.source.slice(from, Math.max(from + 1, doc.toSource[j])).split(/\s/u)[0];
    i = j;
  }
  return read;
}

function unsureTitle(m: Message): string {
  const others = (m.expected ?? []).filter((e) => e !== m.actual).slice(0, 4);
  return `repair unsure: read as “${m.actual ?? ''}”${others.length ? `; readings: ${others.join(', ')}` : ''}`;
}
