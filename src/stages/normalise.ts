/**
 * normalise: one paragraph per line, in NFC, with plain spaces and dashes,
 * without page furniture or web-page leftovers. Every rewrite keeps the map
 * back to source offsets. (Markdown marks and footnotes are dealt with when
 * the file is read: src/ingest/markdown.ts.)
 */
import { applyRewrite, TextRewriter, type Doc } from '../doc/model.ts';
import { rewriteDoc } from '../doc/rewrite.ts';
import cues from '../../data/cues.json' with { type: 'json' };
import { LETTER_MARKER_CHARS } from '../doc/clauses.ts';

export interface NormaliseOptions {
  /** Drop what follows the document's closing mark `./.` (navigation copied from a web page). @default false */
  readonly cutAfterEnd?: boolean;
  /** A line within this share of the text's usual line length, not ending a sentence, was wrapped. @default 0.8 */
  readonly wrapShare?: number;
  /** Lines that are page furniture (running footers, page numbers), as regex sources. */
  readonly furniture?: readonly string[];
  /** Join the syllables of a word-segmented copy (`tổ_chức`, `Bộ Tài_chính , Bộ`): `auto` when many words are joined so. @default 'auto' */
  readonly joinSegmented?: 'auto' | 'never';
  /** Drop what stands before the document's own header block (a legal site's banner and metadata table). @default false */
  readonly cutBeforeHeader?: boolean;
}

const DEFAULT_FURNITURE = [
  // A page number alone on its line.
  '^\\d{1,3}$',
  // A word-processor file name printed as a running footer, e.g. `2.BCD57_CQTT_TB20.DOC 3`.
  '^\\S+\\.(?:DOCX?|docx?)(?:\\s+\\d{1,3})?$',
  // A converter's page-break marker: `--- PAGE BREAK ---`.
  '^-{2,}\\s*PAGE BREAK\\s*-{2,}$',
];

/** Where a new paragraph starts whatever the line before it: clause markers (lettered ones as segment reads them, `¢)` included) and block labels. */
const BLOCK_START = new RegExp(`^(?:[IVXLC]+[.\\-–]\\s|\\d+(?:\\.\\d+)*\\.\\s|[${LETTER_MARKER_CHARS}]\\)\\s|[-+•]\\s|\\*\\s+(?=\\p{L})|Phụ lục|PHỤ LỤC|Điều \\d|Nơi nhận|Kính gửi|\\||#)`, 'u');
/** A body's first words after the addressees (data/cues.json): a copy that lost its blank lines still starts a paragraph there. */
const BODY_OPENER = new RegExp(`^(?:${cues.bodyOpeners.join('|')})\\s`, 'u');
const BLOCK_START_UNMARKED = /^(?:PHU LUC|Phu luc|Noi nhan|Kinh gui|Dieu \d|Pieu \d)/u;
const SENTENCE_END = /[.:;!?…]["”’)]?$|\.\/\.$/u;

export function normalise(doc: Doc, options: NormaliseOptions = {}): Doc {
  let out = rewriteDoc(doc, /\r\n?/g, () => '\n');
  out = rewriteDoc(out, /[\p{L}\p{M}]+/gu, (m) => m[0].normalize('NFC'));
  out = rewriteDoc(out, /[\u200B-\u200D\uFEFF\u00AD]/g, () => '');
  out = rewriteDoc(out, /[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, () => ' ');
  out = rewriteDoc(out, /[\u2010-\u2015\u2212]/g, () => '-');
  out = rewriteDoc(out, /^ +| +$/gm, () => '');
  out = rewriteDoc(out, / {2,}/g, () => ' ');
  // A converter's YAML front matter (`---` / `title: …` / `---`) is the file's, not the document's; without the m flag `^` is the file's start only.
  out = rewriteDoc(out, /^---\n(?:[\w-]+:[^\n]*\n)+---\n/gu, () => '');
  if ((options.joinSegmented ?? 'auto') === 'auto' && isWordSegmented(out.text)) out = joinSegmented(out);
  if (options.cutBeforeHeader) out = cutBeforeHeader(out);
  out = cellsToRows(out);
  out = dropTableRules(out);
  out = dropFurniture(out, options.furniture ?? DEFAULT_FURNITURE);
  out = cutSiteFooter(out);
  // A clause marker alone on its line (`I.`, `**1.`, `a)`: a PDF or .docx converter broke after it) belongs to the words below it.
  out = rewriteDoc(out, /(?<=^[*_]*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\.|^[*_]*[a-zđ]\))[ \t]*\n(?=[^\n])/gmu, () => ' ');
  out = joinParagraphs(out, options.wrapShare ?? 0.8);
  // A part's heading in capitals that a narrow column broke (`I. MỤC` / `ĐÍCH, YÊU CẦU`) is one line.
  // The line break is matched before the look back, which would otherwise run at every offset (4.3 → 0.1 ms a seed).
  out = rewriteDoc(out, /\n(?<=^[IVXLC]+\.\s+[\p{Lu}][\p{Lu}\s,]*\n)(?=[\p{Lu}][\p{Lu}\s,]*$)/gmu, () => ' ');
  if (options.cutAfterEnd) out = cutAfterEnd(out);
  return out;
}

/**
 * A word-segmented copy (the input of a Vietnamese tokenizer) joins the
 * syllables of a word with `_` and sets punctuation apart with spaces. Where
 * at least one word in twenty-five is so joined, it is one.
 */
function isWordSegmented(text: string): boolean {
  const joined = text.match(/\p{L}_\p{L}/gu)?.length ?? 0;
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  return words > 0 && joined / words > 0.04;
}

/** `tổ_chức` → `tổ chức`, `xuất_khẩu , kiểm_soát` → `xuất khẩu, kiểm soát`, `a )` → `a)`, `( FTA )` → `(FTA)`. */
function joinSegmented(doc: Doc): Doc {
  let out = rewriteDoc(doc, /(?<=\p{L})_(?=\p{L})/gu, () => ' ');
  out = rewriteDoc(out, / +(?=[.,;:!?)…%])/g, () => '');
  out = rewriteDoc(out, /(?<=\()\s+/g, () => '');
  out.messages.push({ reason: 'word-segmented text: syllables joined with "_" read as words, punctuation set back', severity: 'info', ruleId: 'normalise:segmented', start: 0, end: 0 });
  return out;
}

/** The national motto opens an administrative document's header (Nghị định 30/2020/NĐ-CP); the Party's write `ĐẢNG CỘNG SẢN VIỆT NAM`. */
/** The motto that opens the right column, its words possibly broken over lines and in bold. */
const MOTTO = /^\**(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)/mu;

/**
 * A page saved from a legal-documents site carries a banner, a metadata
 * table and the site's summary before the document itself. The document
 * starts with its issuing body, the lines in capitals just above the motto.
 */
function cutBeforeHeader(doc: Doc): Doc {
  const motto = MOTTO.exec(doc.text);
  if (!motto) return doc;
  const lines = doc.text.slice(0, motto.index).split('\n');
  let start = motto.index;
  // Walk up over the issuer's lines (capitals, table rules, blank lines) to the first line that is not one.
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i].replace(/[*|#\s-]/g, '');
    if (line && !isAllCaps(line)) break;
    start -= lines[i].length + 1;
  }
  if (start <= 0) return doc;
  const writer = new TextRewriter();
  writer.keep(doc.text, start, doc.text.length);
  const { text, toOld } = writer.finish(doc.text.length);
  const out = applyRewrite(doc, text, toOld);
  out.messages.push({ reason: `${start} characters before the document's header dropped as a web page's banner`, severity: 'info', ruleId: 'normalise:before-header', start: 0, end: 0 });
  return out;
}

/** The first cell of a task table's header row (`STT`, `TT`, `Số TT`). */
const TABLE_HEAD = /^(?:S[ốố]\s*)?(?:STT|TT)\.?$/iu;
const ROMAN = /^[IVXLC]+\.?$/u;

/**
 * A task table laid out one cell per line, each cell's lines closed by a
 * line holding a lone `|` and each row by a second one, becomes one Markdown
 * row per line (`| 1 | Triển khai … | Sở KH&CN | … |`), which segment reads
 * as a table. The header row sets how many cells a row has, so a row's empty
 * cell (two bars in a row before its last column) is told from its end; a
 * group row (`I`, `NHÓM GIẢI PHÁP …`) ends at its first double bar.
 */
function cellsToRows(doc: Doc): Doc {
  const text = doc.text;
  const lines: { start: number; end: number; bar: boolean; blank: boolean }[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    lines.push({ start, end, bar: /^\|\s*$/u.test(line), blank: !line.trim() });
    start = end + 1;
  }
  const plain = (i: number) => text.slice(lines[i].start, lines[i].end).replace(/[*_]/g, '').trim();
  const writer = new TextRewriter();
  let kept = 0;
  let converted = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!TABLE_HEAD.test(plain(i)) || !lines.slice(0, i).reverse().find((l) => !l.blank)?.bar) continue;
    type Cell = { start: number; end: number }[];
    const rows: Cell[][] = [];
    let row: Cell[] = [];
    let cell: Cell = [];
    let width = 0;
    let j = i;
    let lastBar = true;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.blank) continue;
      if (!line.bar) {
        cell.push({ start: line.start, end: line.end });
        lastBar = false;
        continue;
      }
      if (!lastBar) {
        row.push(cell);
        cell = [];
      } else if (row.length) {
        const first = row[0].map((p) => text.slice(p.start, p.end)).join(' ').replace(/[*_]/g, '').trim();
        const full = width ? row.length >= width : true;
        if (full || !/^\d/u.test(first) || ROMAN.test(first)) {
          if (!width) width = row.length;
          rows.push(row);
          row = [];
        } else row.push([]);
      } else if (rows.length && lines.slice(j + 1).find((l) => !l.blank)?.bar) {
        // Bars after bars: the table is over.
        break;
      }
      lastBar = true;
    }
    if (row.length) rows.push(row);
    if (rows.length < 2) continue;
    const first = lines[i].start;
    writer.keep(text, kept, first);
    rows.forEach((r, n) => {
      if (n) writer.replace('\n', r[0]?.[0]?.start ?? first);
      const at = r.flat()[0]?.start ?? first;
      writer.replace('| ', at);
      r.forEach((c, k) => {
        if (k) writer.replace(' | ', c[0]?.start ?? at);
        c.forEach((part, m) => {
          if (m) writer.replace(' ', part.start);
          writer.keep(text, part.start, part.end);
        });
      });
      writer.replace(' |', r.flat().at(-1)?.end ?? at);
    });
    kept = lines[Math.min(j, lines.length - 1)].start;
    if (j >= lines.length) kept = text.length;
    converted += rows.length;
    i = j;
  }
  if (!converted) return doc;
  writer.keep(text, kept, text.length);
  const { text: out, toOld } = writer.finish(text.length);
  const result = applyRewrite(doc, out, toOld);
  result.messages.push({ reason: `${converted} table row(s) laid out one cell per line read as rows`, severity: 'info', ruleId: 'normalise:table-cells', start: 0, end: 0 });
  return result;
}

/**
 * A table laid out one cell per line keeps its cell borders as lines of a
 * lone `|`, or a `|` before a cell's words. Lines holding a Markdown table row
 * (several `|`) are left for the table reader.
 */
function dropTableRules(doc: Doc): Doc {
  let out = rewriteDoc(doc, /^\|[ \t]*$/gm, () => '');
  out = rewriteDoc(out, /^\| (?=[^|\n]*$)/gm, () => '');
  return out;
}

function dropFurniture(doc: Doc, patterns: readonly string[]): Doc {
  const furniture = patterns.map((p) => new RegExp(p, 'u'));
  let dropped = 0;
  const out = rewriteDoc(doc, /^[^\n]+$/gm, (m) => {
    if (!furniture.some((re) => re.test(m[0]))) return undefined;
    dropped++;
    return '';
  });
  if (dropped) out.messages.push({ reason: `${dropped} line(s) of page furniture removed`, severity: 'info', ruleId: 'normalise:furniture', start: 0, end: 0 });
  return out;
}

/**
 * Joins the lines of one paragraph that a PDF or a page break split, and
 * leaves one newline between paragraphs. A break is soft when the next line
 * starts in lower case, or when the line before fills the width without
 * ending a sentence and the next line does not start a clause.
 */
function joinParagraphs(doc: Doc, wrapShare: number): Doc {
  const text = doc.text;
  const writer = new TextRewriter();
  const lines: { start: number; end: number }[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) lines.push({ start, end });
    start = end + 1;
  }
  const fullWidth = wrapWidth(lines.map((l) => l.end - l.start)) * wrapShare;
  const blankBefore = lines.map((line, i) => i > 0 && /\n[ \t]*\n/.test(text.slice(lines[i - 1].end, line.start)));
  // A PDF text layer or an OCR page sets paragraphs apart with a blank line and wraps lines with a single break.
  const singles = blankBefore.filter((blank, i) => i > 0 && !blank).length;
  const layout = singles >= 0.3 * (lines.length - 1) && singles < lines.length - 1 && blankBefore.some(Boolean);
  lines.forEach((line, i) => {
    if (i > 0) {
      const prev = text.slice(lines[i - 1].start, lines[i - 1].end);
      const next = text.slice(line.start, line.end);
      const gap = lines[i - 1].end;
      const soft = layout && !blankBefore[i] ? isWrappedLine(prev, next) : isSoftBreak(prev, next, fullWidth);
      writer.replace(soft ? ' ' : '\n', gap);
    }
    writer.keep(text, line.start, line.end);
  });
  const { text: out, toOld } = writer.finish(text.length);
  return applyRewrite(doc, out, toOld);
}

/**
 * The width a hard-wrapped text (PDF, OCR) fills: the upper quartile of its
 * line lengths. Text with one paragraph per line has no such width.
 */
function wrapWidth(lengths: number[]): number {
  if (lengths.length < 5) return Infinity;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.75)];
  return width <= 160 ? width : Infinity;
}

/** Inside a laid-out paragraph every single break is a wrap, except before a clause marker, under a heading in capitals, or after a colon that introduces a capitalised line. */
function isWrappedLine(prev: string, next: string): boolean {
  return !(/:$/u.test(prev) && /^\p{Lu}/u.test(next)) && !BLOCK_START.test(next) && !BLOCK_START_UNMARKED.test(next) && !opensBody(prev, next) && !/\.\/\.$/.test(prev) && !isAllCaps(prev) && !isAllCaps(next);
}

function isSoftBreak(prev: string, next: string, fullWidth: number): boolean {
  // Dash items start with a capital; `- điện tử` after an unfinished line is a wrapped compound.
  if (/^- \p{Ll}/u.test(next) && !SENTENCE_END.test(prev)) return true;
  // Markers are read without diacritics too: OCR text reaches here before repair.
  if (BLOCK_START.test(next) || BLOCK_START_UNMARKED.test(next) || opensBody(prev, next) || /\.\/\.$/.test(prev)) return false;
  // Lower case, or a numbered sub-item `(2)`, continues the running text.
  if (/^(?:\p{Ll}|\((?:\d+|[ivx]{1,4})\)\s)/u.test(next)) return true;
  return prev.length >= fullWidth && !SENTENCE_END.test(prev) && !isAllCaps(prev);
}

/** A body opener after a line that is not a bare clause marker (`1)` over `Trên cơ sở …` is one item). */
function opensBody(prev: string, next: string): boolean {
  return BODY_OPENER.test(next) && !/^[\p{L}\d]{1,4}[.)]$/u.test(prev.trim());
}

function isAllCaps(line: string): boolean {
  return /\p{L}/u.test(line) && line === line.toUpperCase();
}

const SITE_FOOTER = new RegExp(cues.siteFooter.join('|'), 'mu');

/** A legal site's footer below the document (data/cues.json siteFooter), after the last recipients block: dropped. */
function cutSiteFooter(doc: Doc): Doc {
  const recipients = [...doc.text.matchAll(/^[*_]*Nơi nhận/gmu)].pop();
  if (!recipients) return doc;
  const footer = SITE_FOOTER.exec(doc.text.slice(recipients.index!));
  if (!footer) return doc;
  const cut = doc.text.lastIndexOf('\n', recipients.index! + footer.index) + 1;
  const writer = new TextRewriter();
  writer.keep(doc.text, 0, cut);
  const { text, toOld } = writer.finish(doc.text.length);
  const out = applyRewrite(doc, text, toOld);
  out.messages.push({ reason: `${doc.text.length - cut} characters of a legal site's footer dropped`, severity: 'info', ruleId: 'normalise:site-footer', start: cut, end: cut });
  return out;
}

/** The closing mark `./.` ends a Vietnamese official text; a web copy goes on with the site's navigation. */
function cutAfterEnd(doc: Doc): Doc {
  const end = doc.text.lastIndexOf('./.');
  if (end < 0) return doc;
  const cut = end + 3;
  if (cut >= doc.text.length) return doc;
  const writer = new TextRewriter();
  writer.keep(doc.text, 0, cut);
  const { text, toOld } = writer.finish(doc.text.length);
  const out = applyRewrite(doc, text, toOld);
  out.messages.push({ reason: `${doc.text.length - cut} characters after the closing mark ./. dropped as web-page leftovers`, severity: 'info', ruleId: 'normalise:after-end', start: cut, end: cut });
  return out;
}
