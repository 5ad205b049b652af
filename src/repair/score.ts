/**
 * Syllable accuracy as bench/diacritics/SOURCE.md defines it: syllables are
 * runs of Latin letters (punctuation and digits ignored), compared line by
 * line, position by position, by exact NFC equality.
 */

const SYLLABLE = /[\p{Script=Latin}\p{M}]+/gu;

export function syllables(line: string): string[] {
  return line.normalize('NFC').match(SYLLABLE) ?? [];
}

export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number;
}

/** Gold and predicted texts, line for line; a missing or extra syllable counts as wrong. */
export function syllableAccuracy(gold: string, predicted: string): Accuracy {
  const goldLines = gold.split('\n');
  const predLines = predicted.split('\n');
  let correct = 0;
  let total = 0;
  goldLines.forEach((line, i) => {
    const g = syllables(line);
    const p = syllables(predLines[i] ?? '');
    total += Math.max(g.length, p.length);
    for (let k = 0; k < Math.min(g.length, p.length); k++) if (g[k] === p[k]) correct++;
  });
  return { correct, total, accuracy: total ? correct / total : 1 };
}

export interface TextAccuracy {
  /** 1 − word error rate: words of the gold text, less substitutions, deletions and insertions, over the gold words. */
  wordAccuracy: number;
  /** Character edit distance over the gold text's characters, white space runs as one space. */
  characterErrorRate: number;
  words: number;
  wordErrors: number;
}

/** Edit distance between two sequences (words or characters). */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * Word accuracy and character error rate of a repaired text against its
 * hand-corrected version (CONTRACT.md: after NFC), line for line: both texts
 * keep the input's line breaks, so each line is aligned on its own.
 */
export function textAccuracy(gold: string, predicted: string): TextAccuracy {
  const goldLines = gold.normalize('NFC').split('\n');
  const predLines = predicted.normalize('NFC').split('\n');
  let words = 0;
  let wordErrors = 0;
  let chars = 0;
  let charErrors = 0;
  goldLines.forEach((line, i) => {
    const g = line.split(/\s+/).filter(Boolean);
    const p = (predLines[i] ?? '').split(/\s+/).filter(Boolean);
    words += g.length;
    wordErrors += editDistance(g, p);
    const gc = [...g.join(' ')];
    chars += gc.length;
    charErrors += editDistance(gc, [...p.join(' ')]);
  });
  return { wordAccuracy: words ? 1 - wordErrors / words : 1, characterErrorRate: chars ? charErrors / chars : 0, words, wordErrors };
}
