/**
 * Stamp noise in an OCR'd recipients block. A notice ends with `Nơi nhận:`
 * and its addressees, each line ending with a comma, beside the signer's
 * title, signature, red stamp and name. OCR reads the stamp and the
 * signature as stray letters, digits and symbols (`Chính phủ, Y 25`,
 * `Quốc hội, /614`, a line holding only `A`). After an addressee's comma,
 * and on lines of their own, such fragments are dropped; words (the signer's
 * title and name) stay. Line breaks are kept.
 */
import { TextRewriter } from '../doc/model.ts';
import { isSyllable } from './text.ts';
import { stripMarks } from '../lang/fold.ts';

/** The recipients block starts here; it ends with the last addressee's full stop (`- Lưu: VT.`) or an appendix. */
const RECIPIENTS = /^\s*noi nhan\b/i;
const APPENDIX = /^\s*phu luc\b/i;
/** A fragment: one letter, two that make no syllable, or digits and symbols without letters. */
function fragment(token: string): boolean {
  const letters = token.replace(/[^\p{L}]/gu, '');
  return letters.length <= 1 || (letters.length === 2 && !isSyllable(letters.toLowerCase()));
}

export function dropStampNoise(text: string): { text: string; toOld: Int32Array } | null {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => RECIPIENTS.test(stripMarks(line)));
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !APPENDIX.test(stripMarks(lines[end])) && !/\.\s*$/.test(lines[end - 1])) end++;
  const rewriter = new TextRewriter();
  let offset = 0;
  let changed = false;
  lines.forEach((line, n) => {
    let cleaned = false;
    if (n > start && n < end) {
      // The fragments after the line's last comma, or the whole line when it holds nothing else.
      const comma = line.lastIndexOf(',') + 1;
      const tail = line.slice(comma);
      const words = [...tail.matchAll(/\S+/g)];
      const noise = words.findIndex((w) => !fragment(w[0]));
      const lead = noise < 0 ? words : words.slice(0, noise);
      if (lead.length && (comma > 0 || noise < 0)) {
        const from = comma > 0 ? comma : 0;
        const to = comma + lead[lead.length - 1].index! + lead[lead.length - 1][0].length;
        // Drop the fragments with the space before them; a following word keeps its own space.
        rewriter.keep(text, offset, offset + from);
        rewriter.keep(text, offset + to, offset + line.length);
        changed = cleaned = true;
      }
    }
    if (!cleaned) rewriter.keep(text, offset, offset + line.length);
    if (n < lines.length - 1) rewriter.keep(text, offset + line.length, offset + line.length + 1);
    offset += line.length + 1;
  });
  return changed ? rewriter.finish(text.length) : null;
}
