/**
 * How much of a text reads as Vietnamese: the test that tells a right
 * decoding from mojibake, a real text layer from garbage, and a good OCR pass
 * from a failed one.
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const NUCLEUS = '(?:iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|[aăâeêioôơuưy])';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

/** True for one Vietnamese syllable (any case, at most one tone mark, no case changes inside). */
export function isSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  const rest = word.slice(1);
  if (word !== lower && word !== word.toUpperCase() && rest !== rest.toLowerCase()) return false;
  const decomposed = lower.normalize('NFD');
  if ((decomposed.match(TONES)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, '').normalize('NFC'));
}

export interface Quality {
  /** Words holding a non-ASCII letter. */
  accented: number;
  /** Of those, the ones that are Vietnamese syllables. */
  valid: number;
  /** Characters no Vietnamese text holds: controls, private use, U+FFFD, Latin-1 symbols. */
  strange: number;
  /** Letters in all. */
  letters: number;
}

const STRANGE = /[\u0000-\u0008\u000e-\u001f\u007f-\u00bf\u00d7\u00f7\ue000-\uf8ff\ufffd]/gu;

export function quality(text: string): Quality {
  const q: Quality = { accented: 0, valid: 0, strange: 0, letters: 0 };
  q.strange = text.replace(/[\u00a0\u00ab\u00bb\u00b0\u00b7]/g, '').match(STRANGE)?.length ?? 0;
  q.letters = text.match(/\p{L}/gu)?.length ?? 0;
  for (const token of text.normalize('NFC').split(/[^\p{L}\p{M}\u00a1-\u00bf\u00d7\u00f7]+/u)) {
    if (!/[^\x00-\x7f]/.test(token)) continue;
    q.accented++;
    if (isSyllable(token)) q.valid++;
  }
  return q;
}

/** Share of accented words that are syllables, lowered by strange characters; 1 for plain ASCII. */
export function score(q: Quality): number {
  if (q.letters === 0) return 0;
  const words = q.accented ? q.valid / q.accented : 1;
  return Math.max(0, words - (4 * q.strange) / q.letters);
}
