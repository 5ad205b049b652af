/**
 * Tells from the text alone whether it needs repair: typed Vietnamese marks
 * most syllables, stripped text marks none, and OCR output mixes digits and
 * symbols into words (`s6`, `1an`, `s&`) and spells words no syllable has.
 */
import { hasMarks, isSyllable, tokenize } from './text.ts';

export interface Assessment {
  needsRepair: boolean;
  /** Share of syllable-shaped words that carry marks (typed Vietnamese: about 0.85). */
  markedRatio: number;
  reason: string;
  /** The text looks like OCR output (words with digits or symbols, impossible spellings). */
  ocr: boolean;
}

/** Below this share of marked syllables a text has lost marks. */
const MIN_MARKED = 0.6;
/** Above this share of garbled words a text is OCR output. */
const MAX_GARBLED = 0.04;
/** Fewer syllables than this say nothing either way. */
const MIN_SYLLABLES = 3;

export interface MarkCount {
  /** Syllable-shaped words, and those of them that carry marks. */
  syllables: number;
  marked: number;
  ratio: number;
  /** Words, and those of them that look like OCR misreadings. */
  words: number;
  garbled: number;
}

export function markedRatio(text: string): MarkCount {
  let marked = 0;
  let syllables = 0;
  let garbled = 0;
  let words = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'word') continue;
    const lower = token.text.toLowerCase();
    words++;
    if (isSyllable(lower)) {
      syllables++;
      if (hasMarks(lower)) marked++;
    } else if (/[\d&¢¥€]/.test(lower) || (lower === token.text && /^\p{L}+$/u.test(lower) && lower.length < 8)) {
      // Lowercase non-syllables are mostly OCR garble in Vietnamese prose; capitals are names and abbreviations.
      garbled++;
    }
  }
  return { marked, syllables, ratio: syllables ? marked / syllables : 0, garbled, words };
}

export function assessText(text: string): Assessment {
  const m = markedRatio(text);
  const garbledShare = m.words ? m.garbled / m.words : 0;
  const ocr = m.words >= MIN_SYLLABLES && garbledShare > MAX_GARBLED;
  if (m.syllables < MIN_SYLLABLES) return { needsRepair: false, markedRatio: m.ratio, reason: 'too few Vietnamese words to judge', ocr: false };
  if (ocr) {
    return { needsRepair: true, markedRatio: m.ratio, ocr, reason: `${(garbledShare * 100).toFixed(1)}% of words look like OCR misreadings` };
  }
  if (m.ratio < MIN_MARKED) {
    return { needsRepair: true, markedRatio: m.ratio, ocr, reason: `only ${(m.ratio * 100).toFixed(0)}% of syllables carry marks` };
  }
  return { needsRepair: false, markedRatio: m.ratio, ocr, reason: `${(m.ratio * 100).toFixed(0)}% of syllables carry marks` };
}
