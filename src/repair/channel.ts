/**
 * The OCR channel at repair time: for a word as the OCR wrote it, the
 * syllables that could have been printed, each with log10 P(written |
 * printed). The edits come from data/repair/channel.tsv (learnt from OCR'd
 * pages of known text, src/repair/learn-channel.ts) and
 * data/repair/confusions.tsv (misreadings of real scans that the synthetic
 * pages do not show). A best-first search walks a trie of the model's
 * syllables and the written letters together, so only syllables the edits
 * can reach are visited.
 */
import { readFileSync } from 'node:fs';
import type { Edit } from './learn-channel.ts';
import type { LanguageModel } from './lm.ts';
import { isSyllable, restyle } from './text.ts';
import { stripMarks } from '../lang/fold.ts';

export const CHANNEL_PATH = new URL('../../data/repair/channel.tsv', import.meta.url).pathname;
export const CONFUSIONS_PATH = new URL('../../data/repair/confusions.tsv', import.meta.url).pathname;

/** Written for "nothing" in the TSV files: a dropped letter, or a character written where none was printed. */
export const NOTHING = 'ε';

/** −log10 P of writing a letter as itself when the learnt table never saw the letter. */
const UNSEEN_SAME = 0.3;
/** −log10 P of a character written out of nowhere that the table never saw inserted. */
const UNSEEN_INSERT = 5;
/** Syllables further than this (−log10) behind the best reading are not worth a lattice slot. */
const BEAM = 4;
/** Nothing costlier than this is a reading at all. */
const MAX_COST = 7;
/** Learnt drops and insertions seen fewer times than this are noise of the word alignment. */
const MIN_GAP_COUNT = 3;
/**
 * −log10 P of a vowel nucleus misread wholesale (`cic` for các): every scanner
 * and font has misreadings of its own that no table lists. The syllables
 * with the written word's consonants around any vowels are kept as weak
 * readings, and adaptation to the document (adaptChannel) learns which of
 * them this scan makes.
 */
const NUCLEUS_GUESS = 3.5;
/** At most this many syllables per word leave the search. */
const MAX_FOUND = 60;

export function parseEdits(tsv: string): Edit[] {
  return tsv
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#') && !line.startsWith('printed\t'))
    .map((line) => {
      const [printed, written, logp, count] = line.split('\t');
      const open = (s: string) => (s === NOTHING ? '' : s);
      return { printed: open(printed), written: open(written), logp: Number(logp), count: Number(count ?? 0) };
    });
}

export function formatEdits(edits: Edit[], comment: string): string {
  const shut = (s: string) => s || NOTHING;
  const rows = edits.map((e) => `${shut(e.printed)}\t${shut(e.written)}\t${e.logp.toFixed(3)}\t${e.count}`);
  return `${comment.replace(/^/gm, '# ')}\nprinted\twritten\tlog10p\tcount\n${rows.join('\n')}\n`;
}

type Reading = [printed: string, cost: number];

/** The edits indexed by what was written, costs as −log10 P; the cheaper wins where both files list an edit. */
export class OcrChannel {
  private readonly one = new Map<string, Reading[]>();
  private readonly two = new Map<string, Reading[]>();
  readonly dropped: Reading[] = [];
  private readonly inserted = new Map<string, number>();

  /** The edits it was built from, to adapt it to a document. */
  readonly edits: Edit[];

  constructor(edits: Edit[]) {
    const best = new Map<string, Edit>();
    for (const e of edits) {
      // Hand-listed edits have no count; learnt gaps need a few sightings.
      if ((e.printed === '' || e.written === '') && e.count > 0 && e.count < MIN_GAP_COUNT) continue;
      const key = `${e.printed}\u0000${e.written}`;
      if ((best.get(key)?.logp ?? -Infinity) < e.logp) best.set(key, e);
    }
    this.edits = [...best.values()];
    const seen = new Set<string>();
    for (const { printed, written, logp } of this.edits) {
      seen.add(printed);
      if (printed === '') this.inserted.set(written, -logp);
      else if (written === '') this.dropped.push([printed, -logp]);
      else {
        const index = written.length === 1 ? this.one : this.two;
        index.set(written, [...(index.get(written) ?? []), [printed, -logp]]);
      }
    }
    // Every letter can be written as itself, learnt or not.
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      if (!seen.has(letter)) this.one.set(letter, [...(this.one.get(letter) ?? []), [letter, UNSEEN_SAME]]);
    }
  }

  /** Printed letters that may have been written as `written` (one or two characters). */
  readings(written: string): Reading[] {
    return (written.length === 1 ? this.one : this.two).get(written) ?? [];
  }

  insertCost(written: string): number {
    return this.inserted.get(written) ?? UNSEEN_INSERT;
  }
}

let defaultChannel: OcrChannel | undefined;

/** The committed channel: the learnt edits and the hand-listed ones. */
export function loadChannel(): OcrChannel {
  defaultChannel ??= new OcrChannel([...parseEdits(readFileSync(CHANNEL_PATH, 'utf8')), ...parseEdits(readFileSync(CONFUSIONS_PATH, 'utf8'))]);
  return defaultChannel;
}

const ONSET = /^(?:ngh|ng|gh|ch|kh|nh|ph|qu|th|tr|[bcdghklmnprstvx])/;
const CODA = /(?:ch|ng|nh|[cmnpt])$/;

/**
 * A word's onset and coda around a `*` for what stands between them:
 * `các` → `c*c`, `điều` → `d*`. No Vietnamese syllable has `d`, `b`, `&` or
 * a digit after its onset, nor any consonant but `c ch m n ng nh p t` at its
 * end, so in an OCR'd word whatever lies between a legal onset and a legal
 * coda was printed as the vowels: `cic` các, `didu` điều, `sb` số, `thdm`
 * thẩm, and `cc` các, `B` Bộ where the vowels were lost.
 */
function skeleton(word: string): string {
  const letters = stripMarks(word).replace(/^1/, 'l');
  const onset = ONSET.exec(letters)?.[0] ?? '';
  const coda = CODA.exec(letters.slice(onset.length))?.[0] ?? '';
  return `${onset}*${coda}`;
}

/**
 * The skeletons a written word may stand for. A word ending in `g` or `h`
 * but in no legal coda lost the coda's first letter among its vowels, as
 * only `ng`, `nh` and `ch` end in them (`timg` từng, `nhimg` những), so it
 * is never read as an open syllable.
 */
function skeletons(word: string): string[] {
  const key = skeleton(word);
  if (!key.endsWith('*')) return [key];
  const last = word.at(-1);
  return last === 'g' ? [`${key}ng`] : last === 'h' ? [`${key}nh`, `${key}ch`] : [key];
}

/** The model's Vietnamese syllables as a letter trie, and by their skeletons. */
export class SyllableIndex {
  readonly children: Map<string, number>[] = [new Map()];
  /** Model id of the syllable ending at a node, or -1. */
  readonly word: number[] = [-1];
  /** The spelling ending at a node: both tone placements of a word are in the trie. */
  readonly form: string[] = [''];
  readonly bySkeleton = new Map<string, [id: number, spelling: string][]>();

  constructor(model: LanguageModel) {
    model.vocab.forEach((form, id) => {
      if (!isSyllable(form)) return;
      const key = skeleton(form);
      for (const spelling of new Set([form, restyle(form, 'modern')])) {
        this.add(spelling, id);
        this.bySkeleton.set(key, [...(this.bySkeleton.get(key) ?? []), [id, spelling]]);
      }
    });
  }

  private add(spelling: string, id: number): void {
    let node = 0;
    for (const letter of spelling) {
      let next = this.children[node].get(letter);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.word.push(-1);
        this.form.push('');
        this.children[node].set(letter, next);
      }
      node = next;
    }
    this.word[node] = id;
    this.form[node] = spelling;
  }
}

const indexes = new WeakMap<LanguageModel, SyllableIndex>();
export function indexOf(model: LanguageModel): SyllableIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new SyllableIndex(model)));
  return index;
}

export interface Found {
  id: number;
  /** The spelling read, in either tone placement. */
  form: string;
  /** log10 P(written | this syllable). */
  cost: number;
}

/**
 * The syllables the OCR may have printed as `written` (lowercase): a
 * uniform-cost search over (trie node, letters of `written` read), then the
 * syllables of the same skeleton not found that way, as weak readings.
 */
export function readBack(written: string, trie: SyllableIndex, channel: OcrChannel): Found[] {
  const letters = [...written];
  const n = letters.length;
  const stride = n + 1;
  const settled = new Map<number, number>();
  const heap = new MinHeap();
  heap.push(0, 0);
  const found: Found[] = [];
  let best = Infinity;
  while (heap.size) {
    const [cost, state] = heap.pop();
    if (cost > MAX_COST || cost > best + BEAM) break;
    if ((settled.get(state) ?? Infinity) <= cost) continue;
    settled.set(state, cost);
    const node = Math.floor(state / stride);
    const at = state % stride;
    if (at === n && trie.word[node] >= 0) {
      found.push({ id: trie.word[node], form: trie.form[node], cost: -cost });
      best = Math.min(best, cost);
      if (found.length >= MAX_FOUND) break;
    }
    const go = (next: number | undefined, read: number, c: number) => {
      if (next === undefined) return;
      const key = next * stride + read;
      if ((settled.get(key) ?? Infinity) > cost + c) heap.push(cost + c, key);
    };
    const children = trie.children[node];
    if (at < n) {
      for (const [printed, c] of channel.readings(letters[at])) go(children.get(printed), at + 1, c);
      go(node, at + 1, channel.insertCost(letters[at]));
    }
    if (at + 1 < n) for (const [printed, c] of channel.readings(letters[at] + letters[at + 1])) go(children.get(printed), at + 2, c);
    for (const [printed, c] of channel.dropped) go(children.get(printed), at, c);
  }
  const known = new Set(found.map((f) => f.id));
  for (const key of skeletons(written)) for (const [id, form] of trie.bySkeleton.get(key) ?? []) if (!known.has(id)) found.push({ id, form, cost: -NUCLEUS_GUESS });
  return found;
}

/** A binary heap of (cost, state) pairs, cheapest on top. */
class MinHeap {
  private costs: number[] = [];
  private states: number[] = [];

  get size(): number {
    return this.costs.length;
  }

  push(cost: number, state: number): void {
    const { costs, states } = this;
    let i = costs.length;
    costs.push(cost);
    states.push(state);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (costs[parent] <= cost) break;
      costs[i] = costs[parent];
      states[i] = states[parent];
      i = parent;
    }
    costs[i] = cost;
    states[i] = state;
  }

  pop(): [number, number] {
    const { costs, states } = this;
    const top: [number, number] = [costs[0], states[0]];
    const lastCost = costs.pop()!;
    const lastState = states.pop()!;
    if (costs.length) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= costs.length) break;
        if (child + 1 < costs.length && costs[child + 1] < costs[child]) child++;
        if (costs[child] >= lastCost) break;
        costs[i] = costs[child];
        states[i] = states[child];
        i = child;
      }
      costs[i] = lastCost;
      states[i] = lastState;
    }
    return top;
  }
}
