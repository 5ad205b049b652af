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
