/**
 * Learns the OCR channel, P(what the OCR wrote | the letter printed), from
 * pages whose printed text is known (scripts/make-ocr-pairs.ts). Words of a
 * page are aligned to the OCR's words, then the letters of each word pair by
 * hard EM: align with the current costs, count the edits, re-estimate. An
 * edit turns one printed letter into zero, one or two written characters
 * (`ư` → `ir`), or writes a character where nothing was printed.
 */
import { editDistance } from './score.ts';
import { isSyllable } from './text.ts';
import { stripMarks } from '../lang/fold.ts';

export interface WordPair {
  /** The printed word, with its case. */
  printed: string;
  /** What the OCR wrote for it, with its case. */
  written: string;
}

/** Punctuation that stands beside a word rather than inside it. */
const EDGE = /^[("“'‘[]+|[,.;:)"”!?'’\]]+$/gu;
const core = (w: string) => w.replace(EDGE, '');

/** How unlike two words are, 0..1, judged on letters without marks. */
function distance(printed: string, written: string): number {
  const a = stripMarks(printed.toLowerCase());
  const b = written.toLowerCase();
  return editDistance([...a], [...b]) / Math.max(a.length, b.length, 1);
}

const GAP = 0.6;
/** Words may drift this far from the page's diagonal (lines dropped or read twice). */
const BAND = 40;

/**
 * The one-to-one word pairs of a page: Needleman-Wunsch over words within a
 * band around the diagonal. Pairs that are too unlike (a misaligned line) and
 * printed words that are not single Vietnamese syllables are left out.
 */
export function alignWords(printedText: string, writtenText: string): WordPair[] {
  const p = printedText.split(/\s+/).filter(Boolean);
  const w = writtenText.split(/\s+/).filter(Boolean);
  const n = p.length;
  const m = w.length;
  const cols = m + 1;
  const cost = new Float64Array((n + 1) * cols).fill(Infinity);
  const move = new Uint8Array((n + 1) * cols);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    const centre = Math.round((i * m) / Math.max(n, 1));
    for (let j = Math.max(0, centre - BAND); j <= Math.min(m, centre + BAND); j++) {
      const at = i * cols + j;
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let how = 0;
      if (i > 0 && j > 0 && cost[at - cols - 1] + distance(p[i - 1], w[j - 1]) < best) [best, how] = [cost[at - cols - 1] + distance(p[i - 1], w[j - 1]), 1];
      if (i > 0 && cost[at - cols] + GAP < best) [best, how] = [cost[at - cols] + GAP, 2];
      if (j > 0 && cost[at - 1] + GAP < best) [best, how] = [cost[at - 1] + GAP, 3];
      cost[at] = best;
      move[at] = how;
    }
  }
  const pairs: WordPair[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const how = move[i * cols + j];
    if (how === 1) {
      const printed = core(p[i - 1]);
      const written = core(w[j - 1]);
      if (printed && written && isSyllable(printed.toLowerCase()) && distance(printed, written) <= 0.5) pairs.push({ printed, written });
      i--;
      j--;
    } else if (how === 2) i--;
    else if (how === 3 || i === 0) j--;
    else break;
  }
  return pairs.reverse();
}

/** A learnt edit: printed letter (`''` for an insertion) → written string, log10 probability, times seen. */
export interface Edit {
  printed: string;
  written: string;
  logp: number;
  count: number;
}

/** Capitals are misread much as small letters are, and a word's case is restored after repair. */
const caseFolded = (pairs: WordPair[]) => pairs.map((p) => ({ printed: p.printed.toLowerCase(), written: p.written.toLowerCase() }));

/** Starting costs (−log10) before anything is learnt. */
const INITIAL = { same: 0.05, sameBase: 1, other: 3, split: 3.5, drop: 3, insert: 3 };
const ROUNDS = 5;
/** Additive smoothing of each printed letter's distribution. */
const ALPHA = 0.5;

type Costs = (printed: string, written: string) => number;

/** Each printed letter's edits over the word pairs (lowercase), aligned at the given costs, and how many letters were read. */
function countEdits(pairs: WordPair[], costs: Costs): { counts: Map<string, Map<string, number>>; letters: number } {
  const counts = new Map<string, Map<string, number>>();
  let letters = 0;
  for (const { printed, written } of pairs) {
    letters += [...printed].length;
    for (const [from, to] of alignLetters(printed, written, costs)) {
      const row = counts.get(from) ?? new Map<string, number>();
      row.set(to, (row.get(to) ?? 0) + 1);
      counts.set(from, row);
    }
  }
  return { counts, letters };
}

function initialCosts(printed: string, written: string): number {
  if (printed === '') return INITIAL.insert;
  if (written === '') return INITIAL.drop;
  if (written.length === 2) return INITIAL.split;
  if (printed === written) return INITIAL.same;
  return stripMarks(printed).toLowerCase() === stripMarks(written).toLowerCase() ? INITIAL.sameBase : INITIAL.other;
}

/** The cheapest edits that turn `printed` into `written`, as [printed letter, written string] steps. */
export function alignLetters(printed: string, written: string, costs: Costs): [string, string][] {
  const a = [...printed];
  const b = [...written];
  const cols = b.length + 1;
  const best = new Float64Array((a.length + 1) * cols).fill(Infinity);
  const back = new Uint8Array((a.length + 1) * cols);
  best[0] = 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      const here = best[i * cols + j];
      if (here === Infinity) continue;
      const relax = (ni: number, nj: number, c: number, how: number) => {
        const at = ni * cols + nj;
        if (here + c < best[at]) [best[at], back[at]] = [here + c, how];
      };
      if (j < b.length) relax(i, j + 1, costs('', b[j]), 4);
      if (i < a.length) {
        relax(i + 1, j, costs(a[i], ''), 3);
        if (j < b.length) relax(i + 1, j + 1, costs(a[i], b[j]), 1);
        if (j + 1 < b.length) relax(i + 1, j + 2, costs(a[i], b[j] + b[j + 1]), 2);
      }
    }
  }
  const steps: [string, string][] = [];
  for (let i = a.length, j = b.length; i > 0 || j > 0; ) {
    const how = back[i * cols + j];
    if (how === 1) steps.push([a[--i], b[--j]]);
    else if (how === 2) {
      j -= 2;
      steps.push([a[--i], b[j] + b[j + 1]]);
    } else if (how === 3) steps.push([a[--i], '']);
    else steps.push(['', b[--j]]);
  }
  return steps.reverse();
}

/**
 * Hard EM over the word pairs. Each printed letter's distribution over what
 * is written is smoothed by ALPHA; insertions are counted per printed letter
 * position, so their probability is per letter.
 */
export function learnChannel(cased: WordPair[]): Edit[] {
  const pairs = caseFolded(cased);
  let costs: Costs = initialCosts;
  let edits: Edit[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { counts, letters } = countEdits(pairs, costs);
    edits = [];
    for (const [from, row] of counts) {
      let total = 0;
      for (const c of row.values()) total += c;
      // Insertions happen between any two letters: their chance is per printed letter.
      const denominator = from === '' ? letters : total + ALPHA * row.size;
      for (const [to, count] of row) edits.push({ printed: from, written: to, count, logp: Math.log10((count + (from === '' ? 0 : ALPHA)) / denominator) });
    }
    costs = costsOf(edits);
  }
  return sortEdits(edits);
}

/** Alignment costs from a table; edits it lacks cost more than any it has. */
function costsOf(edits: Edit[]): Costs {
  const table = new Map(edits.map((e) => [`${e.printed}\u0000${e.written}`, -e.logp]));
  return (printed, written) => table.get(`${printed}\u0000${written}`) ?? initialCosts(printed, written) + 2;
}

const sortEdits = (edits: Edit[]) =>
  edits.sort((x, y) => (x.printed < y.printed ? -1 : x.printed > y.printed ? 1 : y.count - x.count || (x.written < y.written ? -1 : 1)));

/**
 * The channel adapted to one document: the words repair read with
 * confidence are aligned to what the OCR wrote and counted, and each printed
 * letter's distribution becomes (document count + weight × prior) /
 * (document total + weight). Misreadings of this scan that the prior lacks
 * enter with their document counts alone.
 */
export function adaptChannel(prior: Edit[], cased: WordPair[], weight: number): Edit[] {
  const { counts, letters } = countEdits(caseFolded(cased), costsOf(prior));
  const priorRows = new Map<string, Map<string, Edit>>();
  for (const e of prior) priorRows.set(e.printed, (priorRows.get(e.printed) ?? new Map()).set(e.written, e));
  const edits: Edit[] = [];
  for (const from of new Set([...priorRows.keys(), ...counts.keys()])) {
    const seen = counts.get(from) ?? new Map<string, number>();
    const before = priorRows.get(from) ?? new Map<string, Edit>();
    let total = 0;
    for (const c of seen.values()) total += c;
    // Insertions are per printed letter, so their document total is the letters read.
    const denominator = (from === '' ? letters : total) + weight;
    for (const to of new Set([...before.keys(), ...seen.keys()])) {
      const count = seen.get(to) ?? 0;
      const p = (count + weight * 10 ** (before.get(to)?.logp ?? -Infinity)) / denominator;
      if (p > 0) edits.push({ printed: from, written: to, logp: Math.log10(p), count: count + (before.get(to)?.count ?? 0) });
    }
  }
  return sortEdits(edits);
}
