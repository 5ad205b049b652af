/**
 * Regex-driven rewrites that keep the offset map: every stage that changes
 * the text goes through here, so no stage has to do offset bookkeeping.
 */
import { applyRewrite, TextRewriter, type Doc } from './model.ts';

/**
 * Return what a match becomes; `undefined` keeps it. The replacement's
 * characters map to the match's start (or one to one when lengths agree).
 */
export type Replacer = (match: RegExpExecArray) => string | undefined;

/**
 * The text with every match the replacer changes replaced, and its offset map;
 * null when it changes none. The writer starts at the first change, so a rule
 * that finds nothing to change costs its search alone, not a copy of the text.
 */
function rewriteMatches(text: string, pattern: RegExp, replacer: Replacer): { text: string; toOld: Int32Array } | null {
  if (!pattern.global) throw new Error('rewriteMatches needs a global pattern');
  let writer: TextRewriter | null = null;
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replacer(m);
    if (replacement === undefined || replacement === m[0]) continue;
    writer ??= new TextRewriter();
    writer.keep(text, last, m.index);
    writer.replace(replacement, m.index, m.index + m[0].length);
    last = m.index + m[0].length;
  }
  if (!writer) return null;
  writer.keep(text, last, text.length);
  return writer.finish(text.length);
}

/** Apply a regex rewrite to the doc's working text, composing its source map. */
export function rewriteDoc(doc: Doc, pattern: RegExp, replacer: Replacer): Doc {
  const rewritten = rewriteMatches(doc.text, pattern, replacer);
  return rewritten ? applyRewrite(doc, rewritten.text, rewritten.toOld) : doc;
}
