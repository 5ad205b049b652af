/**
 * normalise: one paragraph per line, in NFC, with plain spaces and dashes,
 * without page furniture or web-page leftovers. Every rewrite keeps the map
 * back to source offsets. (Markdown marks and footnotes are dealt with when
 * the file is read: src/ingest/markdown.ts.)
 */
import { applyRewrite, TextRewriter, type Doc } from '../model.ts';
import { rewriteDoc } from '../rewrite.ts';
import { LETTER_MARKER_CHARS } from './segment.ts';

export interface NormaliseOptions {
  /** Drop what follows the document's closing mark `./.` (navigation copied from a web page). @default false */
  readonly cutAfterEnd?: boolean;
  /** A line within this share of the text's usual line length, not ending a sentence, was wrapped. @default 0.8 */
  readonly wrapShare?: number;
  /** Lines that are page furniture (running footers, page numbers), as regex sources. */
  readonly furniture?: readonly string[];
}

const DEFAULT_FURNITURE = [
  // A page number alone on its line.
  '^\\d{1,3}$',
  // A word-processor file name printed as a running footer, e.g. `2.BCD57_CQTT_TB20.DOC 3`.
  '^\\S+\\.(?:DOCX?|docx?)(?:\\s+\\d{1,3})?$',
];

/** Where a new paragraph starts whatever the line before it: clause markers (lettered ones as segment reads them, `¢)` included) and block labels. */
const BLOCK_START = new RegExp(`^(?:[IVXLC]+[.\\-–]\\s|\\d+(?:\\.\\d+)*\\.\\s|[${LETTER_MARKER_CHARS}]\\)\\s|[-+•]\\s|Phụ lục|PHỤ LỤC|Điều \\d|Nơi nhận|Kính gửi|\\||#)`, 'u');
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
  out = dropFurniture(out, options.furniture ?? DEFAULT_FURNITURE);
  out = joinParagraphs(out, options.wrapShare ?? 0.8);
  if (options.cutAfterEnd) out = cutAfterEnd(out);
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

/** Inside a laid-out paragraph every single break is a wrap, except before a clause marker or under a heading in capitals. */
function isWrappedLine(prev: string, next: string): boolean {
  return !BLOCK_START.test(next) && !BLOCK_START_UNMARKED.test(next) && !/\.\/\.$/.test(prev) && !isAllCaps(prev) && !isAllCaps(next);
}

function isSoftBreak(prev: string, next: string, fullWidth: number): boolean {
  // Dash items start with a capital; `- điện tử` after an unfinished line is a wrapped compound.
  if (/^- \p{Ll}/u.test(next) && !SENTENCE_END.test(prev)) return true;
  // Markers are read without diacritics too: OCR text reaches here before repair.
  if (BLOCK_START.test(next) || BLOCK_START_UNMARKED.test(next) || /\.\/\.$/.test(prev)) return false;
  // Lower case, or a numbered sub-item `(2)`, continues the running text.
  if (/^(?:\p{Ll}|\((?:\d+|[ivx]{1,4})\)\s)/u.test(next)) return true;
  return prev.length >= fullWidth && !SENTENCE_END.test(prev) && !isAllCaps(prev);
}

function isAllCaps(line: string): boolean {
  return /\p{L}/u.test(line) && line === line.toUpperCase();
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
