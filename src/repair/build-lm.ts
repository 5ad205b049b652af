/**
 * Builds the syllable n-gram model: counts, interpolated modified
 * Kneser-Ney (Chen & Goodman 1998, with KenLM's adjusted lower-order counts),
 * count pruning, conversion to backoff form and 8-bit quantisation.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { encodeModel, type Level } from './lm.ts';
import { BOS, EOS, NUM, SPECIALS, UNK, casePattern, firstAfter, hasMarks, isSyllable, punctWord, restyle, tokenize } from './text.ts';
import { stripMarks } from '../lang/fold.ts';

/** The seeds typed with their marks (never the OCR seed), from the project root. */
export const SEED_SOURCES = ['corpus/19-BC-CQTTBCD.md', 'corpus/17-TB-CQTTBCD-phu-luc.txt', 'corpus/17-TB-CQTTBCD-phu-luc.draft.txt', 'corpus/04-TB-BCDTW.txt'];

/**
 * The real directives typed with their marks (data/lm/corpus.json: neither
 * OCR'd, word-segmented nor stripped copies): the genre's own words, which
 * Wikipedia lacks (Công điện, Đắk Lắk, chủ trì, phối hợp…).
 */
export const DIRECTIVE_SOURCES: string[] = z
  .object({ sources: z.array(z.string()) })
  .parse(JSON.parse(readFileSync(new URL('../../data/lm/corpus.json', import.meta.url), 'utf8'))).sources;

/**
 * The committed model's training text, from the project root: the Wikipedia
 * crawl, the seeds and the directives. scripts/train-lm.ts trains on it;
 * `chidao eval` scores every text it repairs with a model built without it.
 */
export const TRAINING_SOURCES = ['data/lm/sources/viwiki-2017.txt.gz', ...SEED_SOURCES, ...DIRECTIVE_SOURCES];

export interface BuildOptions {
  /** @default 4 */
  readonly order?: number;
  /** Per order, keep n-grams seen at least this often (and every context of a kept longer one). @default [1, 1, 1, 2] */
  readonly minCount?: number[];
  /** Non-syllable words (names, foreign words) enter the vocabulary from this count. @default 5 */
  readonly minForeign?: number;
  readonly sources?: string[];
}

/** Sightings the overall capitalisation share is worth when estimating one word's. */
const TITLE_PRIOR = 4;

/** Ids fit in 16 bits; the vocabulary stays one short so a context's child count does too. */
const V = 65536;

/**
 * Lowercase model tokens per sentence; sentences end at stops and line ends.
 * `onCase` hears, for each word inside a sentence, whether it was capitalised.
 */
export function* sentences(line: string, onCase?: (word: string, title: boolean) => void): Generator<string[]> {
  let current: string[] = [];
  let initial = true;
  for (const t of tokenize(line)) {
    if (t.kind === 'word' && !initial && onCase) {
      const pattern = casePattern(t.text);
      if (pattern !== 'upper') onCase(modelWord(t.text), pattern === 'title');
    }
    initial = firstAfter(t, initial);
    if (t.kind === 'stop') {
      if (current.length) yield current;
      current = [];
    } else if (t.kind === 'punct') current.push(punctWord(t.text));
    else if (t.kind === 'number' || (t.kind === 'code' && /^[\d./:-]+$/.test(t.text))) current.push(NUM);
    else if (t.kind === 'code') current.push(UNK);
    else current.push(modelWord(t.text));
  }
  if (current.length) yield current;
}

/** A word as the model counts it: lowercase, `hoá` and `hóa` one word (LanguageModel knows both spellings). */
function modelWord(word: string): string {
  // Memoised: a crawl repeats a few hundred thousand spellings tens of millions of times.
  let known = modelWords.get(word);
  if (known === undefined) {
    known = restyle(word.toLowerCase(), 'traditional');
    if (modelWords.size < 1 << 20) modelWords.set(word, known);
  }
  return known;
}
const modelWords = new Map<string, string>();

/** All-caps letter runs that are not syllables (`CQTTBCĐ`, `ĐMST`, `KHCN`), by stripped spelling. */
function collectAbbreviations(line: string, into: Map<string, Map<string, number>>): void {
  for (const m of line.matchAll(/\p{Lu}{2,}/gu)) {
    const word = m[0];
    if (isSyllable(word.toLowerCase())) continue;
    const key = stripMarks(word);
    const forms = into.get(key) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    into.set(key, forms);
  }
}

export function buildModel(lines: Iterable<string>, options: BuildOptions = {}): Buffer {
  const order = options.order ?? 4;
  const minCount = options.minCount ?? [1, 1, 1, 2];
  const minForeign = options.minForeign ?? 5;

  // Pass 1: word counts, kept as sentences of strings to map to ids after choosing the vocabulary.
  const counts = new Map<string, number>();
  const text: string[][] = [];
  const abbr = new Map<string, Map<string, number>>();
  const titles = new Map<string, [number, number]>();
  const onCase = (word: string, title: boolean) => {
    const seen = titles.get(word) ?? [0, 0];
    seen[title ? 0 : 1]++;
    titles.set(word, seen);
  };
  for (const line of lines) {
    collectAbbreviations(line, abbr);
    for (const s of sentences(line, onCase)) {
      text.push(s);
      for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const words = [...counts]
    .filter(([w, c]) => !SPECIALS.includes(w as never) && (isSyllable(w) ? c >= 1 : c >= minForeign))
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, V - 1 - SPECIALS.length)
    .map(([w]) => w);
  const vocab = [...SPECIALS, ...words];
  const ids = new Map(vocab.map((w, i) => [w, i]));
  const bos = ids.get(BOS)!;
  const eos = ids.get(EOS)!;
  const unk = ids.get(UNK)!;

  // The token stream: <s> w1 .. wn </s> per sentence.
  let total = 0;
  for (const s of text) total += s.length + 2;
  const stream = new Uint16Array(total);
  {
    let n = 0;
    for (const s of text) {
      stream[n++] = bos;
      for (const w of s) stream[n++] = ids.get(w) ?? unk;
      stream[n++] = eos;
    }
  }
  text.length = 0;

  // Order k (1-based) n-grams are numbered in sorted order; an n-gram's key is
  // (index of its first n-1 words) * V + last word, so sorting keys sorts n-grams.
  // ending[i] is the index of the current order's n-gram that ends at position i, or -1.
  const grams: Gram[] = [];
  let ending = new Int32Array(total);
  for (let i = 0; i < total; i++) ending[i] = stream[i];
  grams.push({ keys: Float64Array.from(vocab, (_, w) => w), counts: new Float64Array(vocab.length), suffix: new Int32Array(vocab.length).fill(-1) });
  for (let i = 0; i < total; i++) grams[0].counts[stream[i]] += 1;
  for (let n = 2; n <= order; n++) {
    const keys = new Float64Array(total);
    let m = 0;
    for (let i = 1; i < total; i++) if (stream[i] !== bos && ending[i - 1] >= 0) keys[m++] = ending[i - 1] * V + stream[i];
    const level = runs(keys.subarray(0, m).sort());
    const next = new Int32Array(total).fill(-1);
    const suffix = new Int32Array(level.keys.length);
    for (let i = 1; i < total; i++) {
      if (stream[i] === bos || ending[i - 1] < 0) continue;
      const j = searchKeys(level.keys, 0, level.keys.length, ending[i - 1] * V + stream[i]);
      next[i] = j;
      // The n-gram without its first word ends here too, one order down.
      suffix[j] = ending[i];
    }
    grams.push({ ...level, suffix });
    ending = next;
  }

  // Kneser-Ney counts: below the top order, how many distinct words precede the n-gram,
  // except for n-grams that start at <s>, which nothing can precede (KenLM does the same).
  const adjusted = grams.map((g, k) => (k === order - 1 ? g.counts : new Float64Array(g.keys.length)));
  for (let k = order - 1; k >= 1; k--) {
    const g = grams[k];
    for (let j = 0; j < g.keys.length; j++) adjusted[k - 1][g.suffix[j]] += 1;
  }
  for (let k = 1; k < order - 1; k++) {
    for (let j = 0; j < grams[k].keys.length; j++) if (startsWithBos(grams, k, j, bos)) adjusted[k][j] = grams[k].counts[j];
  }
  adjusted[0][bos] = 0;

  // Interpolated probabilities, order by order.
  const probs: Float64Array[] = [];
  {
    const d = discounts(adjusted[0]);
    let sum = 0;
    let gamma = 0;
    for (const c of adjusted[0]) {
      sum += c;
      gamma += discount(d, c);
    }
    probs.push(Float64Array.from(adjusted[0], (c) => (Math.max(c - discount(d, c), 0) + gamma / vocab.length) / sum));
    probs[0][bos] = 0;
  }
  for (let k = 1; k < order; k++) {
    const g = grams[k];
    const a = adjusted[k];
    const d = discounts(a);
    const p = new Float64Array(g.keys.length);
    forContexts(g.keys, (lo, hi) => {
      let sum = 0;
      let gamma = 0;
      for (let j = lo; j < hi; j++) {
        sum += a[j];
        gamma += discount(d, a[j]);
      }
      for (let j = lo; j < hi; j++) p[j] = (a[j] - discount(d, a[j]) + gamma * probs[k - 1][g.suffix[j]]) / sum;
    });
    probs.push(p);
  }

  // Pruning: keep frequent n-grams and every context of a kept longer one.
  const keep = grams.map((g, k) => Uint8Array.from(g.counts, (c) => (k === 0 || c >= minCount[k] ? 1 : 0)));
  for (let k = order - 1; k >= 1; k--) {
    const g = grams[k];
    for (let j = 0; j < g.keys.length; j++) if (keep[k][j]) keep[k - 1][Math.floor(g.keys[j] / V)] = 1;
  }

  // Backoff-form probability of w after a context, for the weights below.
  const backoffProb = (k: number, j: number): number => {
    // j: an n-gram at order k (0-based); its probability once pruned n-grams back off.
    if (k === 0 || keep[k][j]) return probs[k][j];
    const ctx = Math.floor(grams[k].keys[j] / V);
    return 10 ** bows[k - 1][ctx] * backoffProb(k - 1, grams[k].suffix[j]);
  };
  const bows = grams.map((g) => new Float64Array(g.keys.length));
  for (let k = 1; k < order; k++) {
    const g = grams[k];
    forContexts(g.keys, (lo, hi) => {
      let kept = 0;
      let lower = 0;
      for (let j = lo; j < hi; j++) {
        if (!keep[k][j]) continue;
        kept += probs[k][j];
        lower += backoffProb(k - 1, g.suffix[j]);
      }
      const ctx = Math.floor(g.keys[lo] / V);
      bows[k - 1][ctx] = kept > 0 ? Math.log10(Math.max(1 - kept, 1e-9) / Math.max(1 - lower, 1e-9)) : 0;
    });
  }

  const levels: Level[] = [];
  for (let k = 0; k < order; k++) {
    const g = grams[k];
    const kept: number[] = [];
    for (let j = 0; j < g.keys.length; j++) if (keep[k][j]) kept.push(j);
    const level: Level = {};
    if (k === 0) {
      level.probs = Float32Array.from(probs[0], (p) => (p > 0 ? Math.log10(p) : -99));
      level.bows = Float32Array.from(bows[0]);
      // Rare words lean on the share over all words, so one capitalised sighting is not a name.
      let allTitle = 0;
      let all = 0;
      for (const [title, lower] of titles.values()) {
        allTitle += title;
        all += title + lower;
      }
      const prior = allTitle / all;
      level.titles = Float32Array.from(vocab, (w) => {
        const [title, lower] = titles.get(w) ?? [0, 0];
        return (title + TITLE_PRIOR * prior) / (title + lower + TITLE_PRIOR);
      });
    } else {
      level.words = Uint16Array.from(kept, (j) => g.keys[j] % V);
      const q = quantise(Float64Array.from(kept, (j) => Math.log10(probs[k][j])));
      level.prob = q.codes;
      level.probCodebook = q.codebook;
      if (k < order - 1) {
        const b = quantise(Float64Array.from(kept, (j) => bows[k][j]));
        level.bow = b.codes;
        level.bowCodebook = b.codebook;
      }
    }
    if (k < order - 1) {
      // Children are sorted by (context, word), so each kept context's children are one run.
      const child = grams[k + 1];
      const start = new Uint32Array(kept.length + 1);
      let c = 0;
      kept.forEach((j, pos) => {
        start[pos] = c;
        const lo = searchFirst(child.keys, j * V);
        for (let x = lo; x < child.keys.length && Math.floor(child.keys[x] / V) === j; x++) if (keep[k + 1][x]) c++;
      });
      start[kept.length] = c;
      level.start = start;
    }
    levels.push(level);
  }

  const abbreviations: Record<string, string> = {};
  for (const [key, forms] of abbr) {
    // Only where the marked spelling is the usual one: `CD` stays `CD` if written so more often.
    const best = [...forms].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
    if (hasMarks(best)) abbreviations[key] = best;
  }
  return encodeModel({ format: 'chidao-lm', version: 2, order, vocab, abbreviations, sources: options.sources ?? [] }, levels);
}

interface Gram extends Runs {
  /** Index of the n-gram without its first word, one order down. */
  suffix: Int32Array;
}

interface Runs {
  keys: Float64Array;
  counts: Float64Array;
}

function startsWithBos(grams: Gram[], k: number, j: number, bos: number): boolean {
  const ctx = Math.floor(grams[k].keys[j] / V);
  return k === 1 ? ctx === bos : startsWithBos(grams, k - 1, ctx, bos);
}

/** Calls `fn` for each run of keys sharing a context (key / V). */
function forContexts(keys: Float64Array, fn: (lo: number, hi: number) => void): void {
  for (let lo = 0; lo < keys.length; ) {
    const ctx = Math.floor(keys[lo] / V);
    let hi = lo + 1;
    while (hi < keys.length && Math.floor(keys[hi] / V) === ctx) hi++;
    fn(lo, hi);
    lo = hi;
  }
}

/** First index whose key is at least `key`. */
function searchFirst(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Distinct values of a sorted array with how often each occurs. */
function runs(sorted: Float64Array): Runs {
  const keys: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    keys.push(sorted[i]);
    counts.push(j - i);
    i = j;
  }
  return { keys: Float64Array.from(keys), counts: Float64Array.from(counts) };
}

/** Modified Kneser-Ney discounts D1, D2, D3+ from the counts of counts. */
function discounts(counts: Float64Array): [number, number, number] {
  const n = [0, 0, 0, 0, 0];
  for (const c of counts) if (c >= 1 && c <= 4) n[c] += 1;
  const y = n[1] / (n[1] + 2 * n[2]);
  return [1 - 2 * y * (n[2] / n[1]), 2 - 3 * y * (n[3] / n[2]), 3 - 4 * y * (n[4] / n[3])];
}

function discount(d: [number, number, number], c: number): number {
  return c <= 0 ? 0 : c === 1 ? d[0] : c === 2 ? d[1] : d[2];
}

function searchKeys(keys: Float64Array, lo: number, hi: number, key: number): number {
  hi -= 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else if (keys[mid] > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** 256 levels at equal-population bins, each the mean of its bin. */
function quantise(values: Float64Array): { codes: Uint8Array; codebook: Float32Array } {
  const sorted = Float64Array.from(values).sort();
  const bounds = new Float64Array(255);
  const codebook = new Float32Array(256);
  for (let b = 0; b < 256; b++) {
    const lo = Math.floor((b * sorted.length) / 256);
    const hi = Math.max(lo + 1, Math.floor(((b + 1) * sorted.length) / 256));
    let sum = 0;
    for (let i = lo; i < hi && i < sorted.length; i++) sum += sorted[i];
    codebook[b] = sorted.length ? sum / Math.max(1, Math.min(hi, sorted.length) - lo) : 0;
    if (b < 255) bounds[b] = sorted[Math.min(hi, sorted.length - 1)] ?? 0;
  }
  const codes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = 255;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[i] < bounds[mid]) hi = mid;
      else lo = mid + 1;
    }
    codes[i] = lo;
  }
  return { codes, codebook };
}
