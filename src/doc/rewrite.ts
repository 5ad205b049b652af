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

export function rewriteMatches(text: string, pattern: RegExp, replacer: Replacer): { text: string; toOld: Int32Array; changed: number } {
  if (!pattern.global) throw new Error('rewriteMatches needs a global pattern');
  const writer = new TextRewriter();
  let last = 0;
  let changed = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replacer(m);
    if (replacement === undefined || replacement === m[0]) continue;
    writer.keep(text, last, m.index);
    writer.replace(replacement, m.index, m.index + m[0].length);
    last = m.index + m[0].length;
    changed++;
  }
  writer.keep(text, last, text.length);
  const { text: out, toOld } = writer.finish(text.length);
  return { text: out, toOld, changed };
}

/** Apply a regex rewrite to the doc's working text, composing its source map. */
export function rewriteDoc(doc: Doc, pattern: RegExp, replacer: Replacer): Doc {
  const { text, toOld, changed } = rewriteMatches(doc.text, pattern, replacer);
  return changed ? applyRewrite(doc, text, toOld) : doc;
}
