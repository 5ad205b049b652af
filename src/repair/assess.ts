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

type WordClass = 'marked' | 'unmarked' | 'garbled' | 'other';

/** What one word counts as: a syllable with or without marks, an OCR misreading, or neither. */
function classify(word: string): WordClass {
  const lower = word.toLowerCase();
  if (isSyllable(lower)) return hasMarks(lower) ? 'marked' : 'unmarked';
  // Lowercase non-syllables are mostly OCR garble in Vietnamese prose; capitals are names and abbreviations.
  if (/[\d&¢¥€]/.test(lower) || (lower === word && /^\p{L}+$/u.test(lower) && lower.length < 8)) return 'garbled';
  return 'other';
}

/**
 * Each distinct word's class, kept across calls: repair counts every line
 * of a text on its own, and lines repeat the text's words. Bounded, for
 * long-running processes.
 */
const classes = new Map<string, WordClass>();
const MAX_CLASSES = 1 << 16;

export function markedRatio(text: string): MarkCount {
  const counts: Record<WordClass, number> = { marked: 0, unmarked: 0, garbled: 0, other: 0 };
  if (classes.size > MAX_CLASSES) classes.clear();
  for (const token of tokenize(text)) {
    if (token.kind !== 'word') continue;
    let kind = classes.get(token.text);
    if (!kind) classes.set(token.text, (kind = classify(token.text)));
    counts[kind]++;
  }
  const syllables = counts.marked + counts.unmarked;
  const words = syllables + counts.garbled + counts.other;
  return { marked: counts.marked, syllables, ratio: syllables ? counts.marked / syllables : 0, garbled: counts.garbled, words };
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
