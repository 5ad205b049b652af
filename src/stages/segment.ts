/**
 * segment: the clause tree of the body (CONTRACT.md "Clause paths"), from a
 * normalised text with one paragraph per line. Headings stay in the tree as
 * the context of their points; the recipients block and the signature close
 * it.
 */
import type { CellRole, Clause, ClauseKind, Doc, Message } from '../doc/model.ts';
import { ADDRESSEES, LETTER_MARKER_CHARS, LETTER_READINGS, LETTERS, NUMBER_READINGS, readingChars } from '../doc/clauses.ts';
import { opensWithAction } from '../lang/verbs.ts';
import { columnRole } from '../lang/tables.ts';

export interface SegmentOptions {
  /** Split `(1) … (2) …` inside running text into sub-items. @default true */
  readonly subItems?: boolean;
}


interface Marker {
  kind: ClauseKind;
  label: string;
  /** Offset of the clause's own words within the line. */
  skip: number;
  /** What closes a numbered marker: `.`, `)`, or `,` (a dot a scan read as a comma). */
  closer?: string;
}

const RANK: Partial<Record<ClauseKind, number>> = { appendix: 0, section: 0.5, part: 1, article: 1, point: 2, subpoint: 2.5, letter: 3, dash: 4, plus: 5 };

function readMarker(line: string): Marker | null {
  let m: RegExpExecArray | null;
  if ((m = /^(PHỤ LỤC|Phụ lục)(?:\s+([IVX\d]+))?\b\s*[:.-]?\s*/u.exec(line)) && line.length < 80) return { kind: 'appendix', label: m[2] ?? '', skip: m[0].length };
  if ((m = /^Điều\s+(\d+)\s*[.:]\s*/u.exec(line))) return { kind: 'article', label: m[1], skip: m[0].length };
  if ((m = /^([IVX]{1,5})\s*[.\-]\s+/u.exec(line))) return { kind: 'part', label: m[1], skip: m[0].length };
  // `A.`, `B.`: sections above the Roman parts (older Chỉ thị and Kế hoạch), never a name's initial, which runs on in the line.
  if ((m = /^([A-E])\s*\.\s*$/u.exec(line)) || (m = /^([A-E])\s*\.\s+(?=[\p{Lu}\d])(?!\p{Lu}\p{Ll}*\s*\.)/u.exec(line))) return { kind: 'section', label: m[1], skip: m[0].length };
  // `2.1.` under point 2: its path is the point's, then its own number (`II.2.1`).
  if ((m = /^(\d{1,2})\.(\d{1,2})\.?\s+(?=\S)/u.exec(line))) return { kind: 'subpoint', label: m[2], skip: m[0].length };
  // `1/` is how typewritten and older documents number their points.
  if ((m = /^(\d{1,2})\s*([.)/])\s+(?=\S)/u.exec(line))) return { kind: 'point', label: m[1], skip: m[0].length, closer: m[2] };
  // `3, Tiếp tục …`: kept only if it is the number expected next (see inSequence).
  if ((m = /^(\d{1,2}),\s+(?=\p{Lu})/u.exec(line))) return { kind: 'point', label: m[1], skip: m[0].length, closer: ',' };
  if ((m = LETTER_MARKER.exec(line))) return { kind: 'letter', label: m[1], skip: m[0].length };
  // A Markdown bullet (`* `) from a converted .docx is the document's dash.
  if ((m = /^(?:[-•]\s*|\*\s+(?=\p{L}))/u.exec(line))) return { kind: 'dash', label: '-', skip: m[0].length };
  if ((m = /^\+\s*/u.exec(line))) return { kind: 'plus', label: '+', skip: m[0].length };
  return null;
}

/** A lettered marker, or a glyph a scan printed for one (`¢)`, `&)`), which counts only where it stands for the letter expected. */
const LETTER_MARKER = new RegExp(`^([${LETTER_MARKER_CHARS}])\\)\\s*`, 'u');
/** Sub-items may be counted in small Roman numerals: `(i)`, `(ii)`, … `(x)`. */
const ROMAN_ITEMS: Record<string, number> = { viii: 8, vii: 7, iii: 3, vi: 6, iv: 4, ix: 9, ii: 2, i: 1, v: 5, x: 10 };
/** A numbered sub-item `(1)`, or one whose digit a scan read as a letter (`(l)`). */
const SUB_ITEM = new RegExp(`\\(([\\d${readingChars(NUMBER_READINGS, (g) => !/\d/.test(g))}]{1,2})\\)\\s*`, 'gu');
/** `(i)`, `(ii)`, … counting actions: `cụ thể: (i) Đánh giá …; (ii) Rà soát …`. */
const ROMAN_SUB_ITEM = new RegExp(`\\((${Object.keys(ROMAN_ITEMS).join('|')})\\)\\s*`, 'gu');

/** The clause that a marker of this rank attaches to. */
function parentFor(stack: Clause[], rank: number): Clause {
  let i = stack.length - 1;
  while (i > 0 && RANK[stack[i].kind]! >= rank) i--;
  return stack[i];
}

const nextLetter = (label: string) => LETTERS[LETTERS.indexOf(label) + 1] as string | undefined;

/**
 * Lettered points run a b c d đ e g h i k l … and numbered points 1 2 3
 * without a gap. A marker that breaks the sequence where a scan or its
 * repair is known to misread the expected one (`e)` for `c)`, `a)` for `d)`,
 * `1)` for `l)` after `k)`, data/markers.json) is read as the expected one,
 * so one damaged marker does not renumber or collapse the tree. `N,` is a
 * numbered point only where N is expected.
 */
function inSequence(marker: Marker, stack: Clause[], rest: string): { marker: Marker | null; was?: string } {
  const shown = `${marker.label}${marker.closer ?? ')'}`;
  if (marker.kind === 'point' && marker.closer === ')') {
    const letter = [...stack].reverse().find((c) => c.kind === 'letter');
    const expected = letter && nextLetter(letter.label);
    // A real numbered list under a lettered point goes on with `2)`.
    const nextLetterAt = rest.search(/^[a-zđ]\)\s/mu);
    const listGoesOn = /^2\)\s/mu.test(nextLetterAt < 0 ? rest : rest.slice(0, nextLetterAt));
    if (expected && LETTER_READINGS[expected]?.includes(marker.label) && !listGoesOn) return { marker: { ...marker, kind: 'letter', label: expected }, was: shown };
  }
  if (marker.kind === 'letter') {
    const parent = parentFor(stack, RANK.letter!);
    const previous = parent.children.filter((c) => c.kind === 'letter').pop();
    const expected = previous ? nextLetter(previous.label) : 'a';
    if (expected && marker.label !== expected && LETTER_READINGS[expected]?.includes(marker.label)) return { marker: { ...marker, label: expected }, was: shown };
    // A glyph that stands for no expected letter is running text.
    if (!LETTERS.includes(marker.label)) return { marker: null };
  }
  if (marker.kind === 'point') {
    const parent = parentFor(stack, RANK.point!);
    const previous = parent.children.filter((c) => c.kind === 'point').pop();
    const expected = String(previous ? Number(previous.label) + 1 : 1);
    if (marker.closer === ',') return marker.label === expected ? { marker: { ...marker, closer: '.' }, was: shown } : { marker: null };
    if (marker.label !== expected && NUMBER_READINGS[expected]?.includes(marker.label)) return { marker: { ...marker, label: expected }, was: shown };
  }
  return { marker };
}

const RECIPIENTS = /^(?:[-•]\s*)?Nơi nhận\s*:?/u;

export function segment(doc: Doc, options: SegmentOptions = {}): Doc {
  const text = doc.text;
  const root: Clause = { kind: 'root', label: '', path: '', start: 0, end: text.length, children: [] };
  const stack: Clause[] = [root];
  const counters = new Map<Clause, { dash: number; plus: number }>();
  /** The recipients block being read, until an appendix after the signature reopens the body. */
  let recipients: Clause | null = null;
  let inAddressees = false;
  let attachedTitle: 'up-to-attached-to' | 'capitals' | false = false;
  const messages: Message[] = [];
  /** The task table being read: its columns' roles, the clause it stands in, the group row above. */
  let table: { roles: (CellRole | null)[]; parent: Clause; group: Clause | null } | null = null;

  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const lineStart = start;
    start = end + 1;
    if (!line.trim()) continue;
    if (ADDRESSEES.test(line)) {
      inAddressees = true;
      continue;
    }
    if (inAddressees && /^[-•+]/u.test(line)) continue;
    inAddressees = false;

    if (TABLE_ROW.test(line) && !recipients) {
      const cells = splitCells(line, lineStart);
      if (!table) {
        const roles = cells.map((c) => columnRole(text.slice(c.start, c.end)));
        if (roles.includes('task') && roles.includes('responsible')) {
          while (stack.length > 1 && ['dash', 'plus', 'letter'].includes(stack[stack.length - 1].kind)) stack.pop();
          table = { roles, parent: stack[stack.length - 1], group: null };
        }
        // A table of figures, or a header laid out as a table, holds no clauses.
        continue;
      }
      if (/^\|[\s:|-]+$/u.test(line)) continue;
      readRow(table, cells, text, lineStart, end);
      continue;
    }
    table = null;

    if (RECIPIENTS.test(line) && !recipients && (stack.length > 1 || root.children.length)) {
      // Recipients after the body close it; below them stands the signature block.
      recipients = { kind: 'recipients', label: '', path: 'recipients', start: lineStart, end: text.length, children: [] };
      root.children.push(recipients);
      continue;
    }
    let marker = readMarker(line);
    if (marker && !recipients) {
      const read = inSequence(marker, stack, text.slice(start));
      if (read.was) {
        const now = `${read.marker!.label}${read.marker!.kind === 'letter' ? ')' : '.'}`;
        messages.push({ reason: `clause marker "${read.was}" read as "${now}": it breaks the sequence where a scan misreads "${now}"`, severity: 'warning', ruleId: 'segment:marker-sequence', start: lineStart, end: lineStart + marker.skip, actual: read.was, expected: [now] });
      }
      marker = read.marker;
    }
    const attached = recipients ? attachedDocument(line, text.slice(start, start + 800)) : null;
    if (attached) {
      // A Quyết định's attached plan (`KẾ HOẠCH … (Kèm theo Quyết định số …)`) after its signature is a body of its own, with its own paths.
      recipients!.end = lineStart;
      recipients = null;
      stack.length = 1;
      attachedTitle = attached;
      continue;
    }
    if (attachedTitle) {
      // The attached document's title runs up to its `(Kèm theo …)` line, or else over its capitals: not clauses.
      if (attachedTitle === 'up-to-attached-to') {
        if (ATTACHED_TO.test(line.trim())) attachedTitle = false;
        continue;
      }
      if (!/\p{Ll}/u.test(line.replace(/[*_]/gu, ''))) continue;
      attachedTitle = false;
    }
    if (recipients) {
      // An appendix (Phụ lục) printed after the signature opens a body of its own.
      if (marker?.kind !== 'appendix') continue;
      recipients.end = lineStart;
      recipients = null;
    }
    const node: Clause = {
      kind: marker?.kind ?? 'para',
      label: marker?.label ?? '',
      path: '',
      start: lineStart + (marker?.skip ?? 0),
      end,
      children: [],
    };
    if (!marker) {
      // An unnumbered paragraph belongs to the nearest numbered or lettered container.
      while (stack.length > 1 && (stack[stack.length - 1].kind === 'dash' || stack[stack.length - 1].kind === 'plus')) stack.pop();
      attach(stack[stack.length - 1], node, counters);
      continue;
    }
    const rank = RANK[node.kind]!;
    if (node.kind === 'appendix') stack.length = 1;
    while (stack.length > 1 && RANK[stack[stack.length - 1].kind]! >= rank) stack.pop();
    // A plus item with no dash above it is read as a dash.
    if (node.kind === 'plus' && stack[stack.length - 1].kind !== 'dash') node.kind = 'dash';
    attach(stack[stack.length - 1], node, counters);
    stack.push(node);
  }
  if (options.subItems ?? true) splitSubItems(root, text);
  // A file's only appendix is `PL` whatever its number (`Phụ lục II` printed alone): numbers tell appendices apart.
  const appendices = root.children.filter((c) => c.kind === 'appendix');
  if (appendices.length === 1 && appendices[0].path !== 'PL') repath(appendices[0], appendices[0].path, 'PL');
  return { ...doc, root, messages: [...doc.messages, ...messages] };
}

/** A Markdown table row: a line that opens with a bar and holds another. */
const TABLE_ROW = /^\|.*\|/u;
const ROMAN_LABEL = /^[IVXLC]+$/u;


/** The cells of a Markdown row, each as the span of its trimmed words. */
function splitCells(line: string, at: number): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let from = line.indexOf('|') + 1;
  for (let bar = line.indexOf('|', from); bar >= 0; bar = line.indexOf('|', from)) {
    const raw = line.slice(from, bar);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ start: at + from + lead, end: at + from + raw.trimEnd().length });
    from = bar + 1;
  }
  return cells;
}

/**
 * One row of a task table (CONTRACT.md "Clause paths"): its path is the
 * table's section path, the group row's Roman numeral, then its STT. A row
 * with a Roman STT, or with one cell of words, is a group heading whose
 * cells flow down to the rows under it.
 */
function readRow(table: { roles: (CellRole | null)[]; parent: Clause; group: Clause | null }, cells: { start: number; end: number }[], text: string, start: number, end: number): void {
  const filled = cells.filter((c) => c.end > c.start);
  if (!filled.length) return;
  const numberAt = table.roles.indexOf('number');
  const label = numberAt >= 0 && cells[numberAt] ? text.slice(cells[numberAt].start, cells[numberAt].end).replace(/[*_\s]/g, '').replace(/\.$/u, '') : '';
  const isGroup = ROMAN_LABEL.test(label) || filled.length === 1 || (!label && !table.group);
  const roleCells: Clause['cells'] = {};
  // Empty cells are kept: a table with a Sản phẩm column whose cell is empty says the row has no product.
  table.roles.forEach((role, k) => {
    if (role && cells[k]) roleCells[role] = cells[k];
  });
  if (isGroup && filled.length === 1 && !(roleCells.task && roleCells.task.end > roleCells.task.start)) roleCells.task = filled[0];
  const parent = isGroup ? table.parent : (table.group ?? table.parent);
  const own = isGroup ? (ROMAN_LABEL.test(label) ? label : (/^([IVXLC]+)\.\s/u.exec(text.slice(filled[0].start, filled[0].end))?.[1] ?? String(parent.children.length + 1))) : label || String(parent.children.length + 1);
  const node: Clause = { kind: 'row', label: own, path: parent.path ? `${parent.path}.${own}` : own, start, end, children: [], cells: roleCells };
  parent.children.push(node);
  if (isGroup) table.group = node;
}

const ATTACHED_KIND = /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN)(?:\s|$)/u;
const ATTACHED_TO = /^[*_\s]*\(?\s*(?:Ban hành\s+)?[Kk]èm theo\s/u;

/**
 * After the signature, the document a decision issues: a kind word and its
 * title, which may run over several lines, then `(Kèm theo Quyết định …)`;
 * or the kind word alone on its line, its title in capitals below it (a copy
 * that lost the `Kèm theo` line). Says how far the title runs; null for other lines.
 */
function attachedDocument(line: string, after: string): 'up-to-attached-to' | 'capitals' | null {
  const words = line.replace(/[*_]/g, '').trim();
  if (line.length >= 120 || !ATTACHED_KIND.test(words)) return null;
  const lines = after.split('\n').filter((l) => l.trim()).slice(0, 7);
  if (lines.some((l) => ATTACHED_TO.test(l.trim()))) return 'up-to-attached-to';
  return ATTACHED_KIND_ALONE.test(words) ? 'capitals' : null;
}
const ATTACHED_KIND_ALONE = /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN)$/u;

function repath(node: Clause, from: string, to: string): void {
  if (node.path === from || node.path.startsWith(`${from}.`)) node.path = to + node.path.slice(from.length);
  for (const child of node.children) repath(child, from, to);
}

function attach(parent: Clause, node: Clause, counters: Map<Clause, { dash: number; plus: number }>): void {
  const count = counters.get(parent) ?? { dash: 0, plus: 0 };
  counters.set(parent, count);
  const prefix = parent.path ? `${parent.path}.` : '';
  switch (node.kind) {
    case 'appendix':
      node.path = node.label ? `PL${node.label}` : 'PL';
      break;
    case 'section':
    case 'part':
      node.path = `${prefix}${node.label}`;
      break;
    case 'article':
      node.path = `${prefix}D${node.label}`;
      break;
    case 'dash':
      node.path = `${prefix}d${++count.dash}`;
      break;
    case 'plus':
      node.path = `${prefix}p${++count.plus}`;
      break;
    case 'para':
      // Paragraph paths count only task-bearing paragraphs; extract numbers them.
      node.path = `${prefix}p?`;
      break;
    default:
      node.path = `${prefix}${node.label}`;
  }
  parent.children.push(node);
}

/**
 * `(1) … (2) …` inside a clause's own words: numbered sub-items when they
 * count up from 1 without gaps (a lone `(1)` is a citation, not a list). A
 * marker a scan misread (`(l)` for `(1)`, data/markers.json) counts where its
 * number is the one expected.
 */
function splitSubItems(node: Clause, text: string): void {
  for (const child of node.children) splitSubItems(child, text);
  if (node.kind === 'root' || node.kind === 'recipients') return;
  const own = text.slice(node.start, node.end);
  const found: { index: number; after: number; n: number; label: string }[] = [];
  const re = new RegExp(SUB_ITEM);
  for (let m = re.exec(own); m; m = re.exec(own)) {
    const last = found[found.length - 1]?.n ?? 0;
    const read = /^\d+$/u.test(m[1]) ? Number(m[1]) : NaN;
    // Drafts repeat a number by mistake (`(3) … (3) …`): the repeat is a new item all the same.
    const n = read === last + 1 || (read === last && read > 0) ? read : NUMBER_READINGS[String(last + 1)]?.includes(m[1]) ? last + 1 : NaN;
    if (!Number.isNaN(n)) found.push({ index: m.index, after: m.index + m[0].length, n, label: `(${m[1]})` });
  }
  if (found.length < 2) found.splice(0, found.length, ...romanItems(own));
  if (found.length < 2) return;
  // Sub-items of an unnumbered paragraph are numbered under the paragraph's parent.
  const base = node.kind === 'para' ? node.path.replace(/\.?p\?$/u, '') : node.path;
  const subs: Clause[] = found.map((f, i) => ({
    kind: 'sub',
    label: f.label,
    path: base ? `${base}.${f.n}` : String(f.n),
    start: node.start + f.after,
    end: node.start + (i + 1 < found.length ? found[i + 1].index : own.length),
    children: [],
  }));
  node.children = [...subs, ...node.children];
}

/**
 * Small Roman numerals count sub-items only when they run (i), (ii), (iii) …
 * in order and each opens with an action (`(i) Đánh giá …; (ii) Rà soát …`):
 * `ba yêu cầu: (i) Phù hợp với …; (ii) Khả thi …` enumerates qualities of one task.
 */
function romanItems(own: string): { index: number; after: number; n: number; label: string }[] {
  const found: { index: number; after: number; n: number; label: string }[] = [];
  for (const m of own.matchAll(ROMAN_SUB_ITEM)) {
    if (ROMAN_ITEMS[m[1]] !== found.length + 1) continue;
    found.push({ index: m.index!, after: m.index! + m[0].length, n: found.length + 1, label: `(${m[1]})` });
  }
  return found.every((f) => opensWithAction(own.slice(f.after))) ? found : [];
}

