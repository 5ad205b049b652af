/**
 * The document model that travels through every stage. Each stage that
 * rewrites the text also rewrites `toSource`, so any offset in `text` can be
 * traced back to the bytes that were read.
 */
import type { DocumentHeader, Task } from '../schema.ts';

export type Severity = 'fatal' | 'warning' | 'info';

/** A problem attached to a place in the working text (like a vfile message). */
export interface Message {
  reason: string;
  severity: Severity;
  /** Which stage or rule raised it, e.g. `normalise:footnote`, `repair:unsure`. */
  ruleId: string;
  start: number;
  end: number;
  actual?: string;
  expected?: string[];
}

/** Where a page or line of the input sits, for PDFs and scans. */
export interface SourceLine {
  page: number;
  /** Offsets into the ingested text. */
  start: number;
  end: number;
  bbox?: { x0: number; y0: number; x1: number; y1: number };
}

/** A note kept out of the running text (a footnote's body) but not lost. */
export interface Note {
  label: string;
  text: string;
  /** Offsets into `source`: the note's body is no longer in the working text. */
  start: number;
  end: number;
}

export type ClauseKind =
  | 'root' | 'section' | 'part' | 'appendix' | 'point' | 'subpoint' | 'letter' | 'dash' | 'plus'
  | 'sub' | 'para' | 'article' | 'row' | 'recipients' | 'signature';

export interface Clause {
  kind: ClauseKind;
  /** The marker as written: `II`, `3`, `đ`, `(2)`, `-`. */
  label: string;
  /** CONTRACT.md clause path, e.g. `PL.3.c.2`. */
  path: string;
  /** The clause's own words (marker excluded), in the working text. */
  start: number;
  end: number;
  children: Clause[];
  /** A task table's row: where each of its cells stands, by what its column holds. */
  cells?: Partial<Record<CellRole, { start: number; end: number }>>;
}

/** Why a document is not read as a directive: no item and no paragraph that assigns work; null when it is one. */
export const NOT_A_DIRECTIVE = 'no clauses found (no numbered, lettered or dash items, and no paragraph that assigns work): is this a directive document?';
export function notADirective(doc: Doc): string | null {
  return !doc.root || (!hasItems(doc.root) && !doc.tasks?.length) ? NOT_A_DIRECTIVE : null;
}

/** Whether a clause tree holds any item (numbered, lettered, dash, sub-item, row), at any depth: a document with none is not read as a directive. */
export function hasItems(node: Clause): boolean {
  return node.children.some((c) => (c.kind !== 'para' && c.kind !== 'recipients') || hasItems(c));
}

/** What a task table's column holds, known by its header words (data/tables.json). */
export type CellRole = 'number' | 'task' | 'responsible' | 'coordinating' | 'deadline' | 'deliverable';

export interface Doc {
  /** The file name as given by the user, for messages. */
  path: string;
  /** Text as read from the input, before any rewriting. */
  source: string;
  /** The working text. */
  text: string;
  /** For each offset of `text` (and one past its end), the offset in `source`. */
  toSource: Int32Array;
  format: string;
  pipeline?: string;
  /** The repair stage rewrote the text (lost diacritics or OCR damage). */
  repaired?: boolean;
  messages: Message[];
  notes: Note[];
  lines?: SourceLine[];
  header?: DocumentHeader;
  root?: Clause;
  tasks?: Task[];
}

export function createDoc(path: string, source: string, format: string, lines?: SourceLine[]): Doc {
  const toSource = new Int32Array(source.length + 1);
  for (let i = 0; i <= source.length; i++) toSource[i] = i;
  return { path, source, text: source, toSource, format, messages: [], notes: [], lines };
}

/**
 * Builds a rewritten text chunk by chunk while recording, for every output
 * character, the offset it came from in the previous text.
 */
export class TextRewriter {
  private parts: string[] = [];
  private origins: number[] = [];
  private length = 0;

  /** Copy `text.slice(start, end)` unchanged. */
  keep(text: string, start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(text.slice(start, end));
    for (let i = start; i < end; i++) this.origins.push(i);
    this.length += end - start;
  }

  /** Write `value` in place of the old text at `origin` (all its characters point there). */
  replace(value: string, origin: number, originEnd = origin): void {
    if (!value) return;
    this.parts.push(value);
    const span = Math.max(0, originEnd - origin);
    for (let i = 0; i < value.length; i++) {
      // Spread a same-length replacement one to one; otherwise pin to the start.
      this.origins.push(span === value.length ? origin + i : origin);
    }
    this.length += value.length;
  }

  get size(): number {
    return this.length;
  }

  /** The new text and, per offset (plus the end), its offset in the old text. */
  finish(oldLength: number): { text: string; toOld: Int32Array } {
    const toOld = new Int32Array(this.length + 1);
    for (let i = 0; i < this.length; i++) toOld[i] = this.origins[i];
    toOld[this.length] = oldLength;
    return { text: this.parts.join(''), toOld };
  }
}

/** Replace the doc's text with a rewrite of it, composing the offset maps. */
export function applyRewrite(doc: Doc, text: string, toOld: Int32Array): Doc {
  const toSource = new Int32Array(toOld.length);
  for (let i = 0; i < toOld.length; i++) toSource[i] = doc.toSource[Math.min(toOld[i], doc.toSource.length - 1)];
  // Messages and notes recorded on the old text move to the first new offset at or after them.
  const remap = (o: number) => firstAtOrAfter(toOld, o);
  return {
    ...doc,
    text,
    toSource,
    messages: doc.messages.map((m) => ({ ...m, start: remap(m.start), end: remap(m.end) })),
    notes: doc.notes,
  };
}

/** The first index whose value is at least `value` in a non-decreasing array (its last index when none is). */
function firstAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Maps offsets into the file as read to working offsets: the inverse of `sourceSpan`. */
export function toWorking(doc: Doc): (span: { start: number; end: number }) => { start: number; end: number } {
  // Prefix maxima make the map non-decreasing even where a rewrite moved text back, so it can be searched.
  const reach = new Int32Array(doc.toSource.length);
  let max = -1;
  doc.toSource.forEach((o, i) => (reach[i] = max = Math.max(max, o)));
  return ({ start, end }) => {
    const s = Math.min(firstAtOrAfter(reach, start), doc.text.length);
    return { start: s, end: Math.max(s, Math.min(firstAtOrAfter(reach, end), doc.text.length)) };
  };
}

export function sourceSpan(doc: Doc, start: number, end: number): { start: number; end: number } {
  const s = doc.toSource[start];
  // The end maps through the last character so a trailing deletion does not stretch it.
  const e = end > start ? doc.toSource[end - 1] + 1 : s;
  return { start: s, end: e };
}

/**
 * One line `file: reason` for problems that stop the whole run (exit code 2).
 * `cause` keeps what a library threw, for CHIDAO_DEBUG=1 to print.
 */
export class InputError extends Error {
  constructor(readonly file: string, readonly reason: string, options?: ErrorOptions) {
    super(`${file}: ${reason}`, options);
  }
}
