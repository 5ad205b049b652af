/**
 * The clause grammar the stages share: lettered markers and the glyphs a
 * scan prints for them (normalise, segment), the addressee line (segment,
 * read-header), and reading a segmented clause tree (extract, diff).
 */
import type { Clause } from './model.ts';
import markers from '../../data/markers.json' with { type: 'json' };

/** Vietnamese alphabetical order of lettered points (no f, j, w, z). */
export const LETTERS = 'abcdđeghiklmnopqrstuvxy';

export const LETTER_READINGS: Record<string, string[] | undefined> = markers.letterReadings;
export const NUMBER_READINGS: Record<string, string[] | undefined> = markers.numberReadings;
/** The characters read for markers that `keep` accepts, escaped for a character class. */
export const readingChars = (readings: Record<string, string[] | undefined>, keep: (g: string) => boolean) =>
  [...new Set(Object.values(readings).flatMap((r) => r ?? []))]
    .filter(keep)
    .map((g) => g.replace(/[\\\]^-]/g, '\\$&'))
    .join('');
/** What may stand in a lettered marker's place, as a character class's contents: the letters, and the glyphs read for them. */
export const LETTER_MARKER_CHARS = `a-zđ${readingChars(LETTER_READINGS, (g) => !/[\p{L}\p{N}]/u.test(g))}`;

/** `Kính gửi:` (a Công văn, a report) or `… điện:` (a Công điện) opens the addressee list; its dash lines are not clauses. */
export const ADDRESSEES = /^(?:[-•]\s*)?(?:Đồng k|K)ính gửi\s*:?|(?<![\p{L}])điện\s*:\s*$/u;

/** The words of a clause before its first sub-item: its heading or context. */
export function headOf(node: Clause, text: string): string {
  const { start, end } = headRegion(node);
  return text.slice(start, end).trim();
}

/** Where a clause's heading stands: its words up to its first numbered sub-item. */
export function headRegion(node: Clause): { start: number; end: number } {
  const firstSub = node.children.find((c) => c.kind === 'sub');
  return { start: node.start, end: firstSub ? firstSub.start - firstSub.label.length - 1 : node.end };
}

export function walk(node: Clause, visit: (node: Clause, ancestors: Clause[]) => void, ancestors: Clause[] = []): void {
  visit(node, ancestors);
  for (const child of node.children) walk(child, visit, [...ancestors, node]);
}

/** A task's words as one line: paragraphs of one task are joined by a space. */
export function taskText(words: string): string {
  return words.replace(/\s*\n\s*/g, ' ');
}
