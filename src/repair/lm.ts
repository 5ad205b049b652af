/**
 * The syllable n-gram model in backoff form (interpolated modified
 * Kneser-Ney, pruned, converted the ARPA way), read from one gzip file whose
 * arrays are used in place, so loading is a gunzip and a JSON parse.
 *
 * Level k holds the (k+1)-grams as children of level k-1: the ones extending
 * entry i of level k are `levels[k+1].words[levels[k].start[i] ..
 * levels[k].start[i+1])`, sorted by word, so an n-gram is found by one
 * binary search per order.
 *
 * File layout (little-endian, after gunzip): u32 header length, the JSON
 * header, zero padding to a multiple of 8, then each array at its recorded
 * offset (`start` is stored as per-entry child counts).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { BOS, EOS, NUM, UNK, isSyllable, restyle } from './text.ts';
import { stripMarks } from '../lang/fold.ts';

export interface ModelHeader {
  format: 'chidao-lm';
  version: 2;
  order: number;
  vocab: string[];
  /** Abbreviations that carry Đ or marks, by their stripped spelling (`CQTTBCD` → `CQTTBCĐ`). */
  abbreviations: Record<string, string>;
  /** Which sources the model was built from, for the record. */
  sources: string[];
  arrays: Record<string, { type: ArrayType; offset: number; length: number }>;
}

type ArrayType = 'f32' | 'u32' | 'u16' | 'u8';
type AnyArray = Float32Array | Uint32Array | Uint16Array | Uint8Array;
const ARRAY_TYPES = { f32: Float32Array, u32: Uint32Array, u16: Uint16Array, u8: Uint8Array } as const;

/** One order of the model; level 0 holds unigrams (index = word id). */
export interface Level {
  /** Word of each entry (unigrams: absent, the index is the word). */
  words?: Uint16Array;
  /** log10 probabilities as 8-bit codes into `probCodebook`; unigrams: plain floats in `probs`. */
  prob?: Uint8Array;
  probCodebook?: Float32Array;
  probs?: Float32Array;
  /** log10 backoff weights, the same way; absent at the highest order. */
  bow?: Uint8Array;
  bowCodebook?: Float32Array;
  bows?: Float32Array;
  /** Unigrams only: how often the word is capitalised inside a sentence (names), 0..1. */
  titles?: Float32Array;
  /** Where each entry's children (next order) start; one extra entry at the end. Absent at the highest order. */
  start?: Uint32Array;
}

export const DEFAULT_MODEL_PATH = new URL('../../data/lm/model.bin.gz', import.meta.url).pathname;

/** A decoding state: for k = 0 .. order-2, the index of the (k+1)-gram ending here at level k, or -1. */
export type State = Int32Array;

export class LanguageModel {
  readonly ids = new Map<string, number>();
  /**
   * Vocabulary ids of Vietnamese syllables, and of marked words outside the
   * syllable rules (the minority-language place names `Đắk`, `Lắk`, `Krông`,
   * `Kạn`), by their stripped spelling, most frequent first.
   */
  readonly byBase = new Map<string, number[]>();
  readonly order: number;
  readonly bos: number;
  readonly eos: number;
  readonly unk: number;
  readonly num: number;
  private readonly titleCost: Float32Array;
  private readonly lowerCost: Float32Array;

  constructor(readonly header: ModelHeader, readonly levels: Level[]) {
    this.order = header.order;
    this.titleCost = levels[0].titles!.map((t) => Math.log10(t));
    this.lowerCost = levels[0].titles!.map((t) => Math.log10(1 - t));
    header.vocab.forEach((w, i) => {
      this.ids.set(w, i);
      // The model counts `hóa` and `hoá` as one word; both spellings find it.
      this.ids.set(restyle(w, 'modern'), i);
    });
    this.bos = this.ids.get(BOS)!;
    this.eos = this.ids.get(EOS)!;
    this.unk = this.ids.get(UNK)!;
    this.num = this.ids.get(NUM)!;
    const uni = levels[0].probs!;
    header.vocab.forEach((w, i) => {
      const base = stripMarks(w);
      if (!isSyllable(w) && base === w) return;
      const list = this.byBase.get(base);
      if (list) list.push(i);
      else this.byBase.set(base, [i]);
    });
    for (const list of this.byBase.values()) list.sort((x, y) => uni[y] - uni[x]);
  }

  get vocab(): string[] {
    return this.header.vocab;
  }

  /** The word's id, `<unk>` when the model does not know it. */
  id(word: string): number {
    return this.ids.get(word) ?? this.unk;
  }

  /** log10 P(written with this case | word), for a word inside a sentence. */
  caseCost(w: number, title: boolean): number {
    return (title ? this.titleCost : this.lowerCost)[w];
  }

  unigram(w: number): number {
    return this.levels[0].probs![w];
  }

  /** The state at the start of a sentence. */
  start(): State {
    const s = new Int32Array(this.order - 1).fill(-1);
    s[0] = this.bos;
    return s;
  }

  /**
   * log10 P(w | state), writing the state after w into `next` (same length as
   * `state`). Backs off from the longest context the model has.
   */
  score(state: State, w: number, next: State): number {
    const L = this.levels;
    const top = this.order - 1;
    let logp = NaN;
    let backoff = 0;
    for (let k = top - 1; k >= 0; k--) {
      const ctx = state[k];
      let child = -1;
      if (ctx >= 0) {
        const lo = L[k].start![ctx];
        const hi = L[k].start![ctx + 1];
        child = search(L[k + 1].words!, lo, hi, w);
        if (Number.isNaN(logp)) {
          if (child >= 0) logp = backoff + codeValue(L[k + 1], child);
          else if (hi > lo) backoff += k === 0 ? L[0].bows![ctx] : L[k].bowCodebook![L[k].bow![ctx]];
        }
      }
      if (k + 1 < top) next[k + 1] = child;
    }
    next[0] = w;
    return Number.isNaN(logp) ? backoff + L[0].probs![w] : logp;
  }
}

function codeValue(level: Level, i: number): number {
  return level.probCodebook![level.prob![i]];
}

function search(keys: Uint16Array, lo: number, hi: number, key: number): number {
  hi -= 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid];
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const FIELDS = ['words', 'prob', 'probCodebook', 'probs', 'bow', 'bowCodebook', 'bows', 'titles'] as const;

function typeOf(a: AnyArray): ArrayType {
  return a instanceof Float32Array ? 'f32' : a instanceof Uint32Array ? 'u32' : a instanceof Uint16Array ? 'u16' : 'u8';
}

export function encodeModel(header: Omit<ModelHeader, 'arrays'>, levels: Level[]): Buffer {
  const arrays: ModelHeader['arrays'] = {};
  const parts: [number, AnyArray][] = [];
  let offset = 0;
  levels.forEach((level, k) => {
    // `start` is stored as child counts: mostly zeros, which gzip packs to almost nothing.
    const children = level.start && Uint16Array.from(level.start.subarray(1), (end, i) => end - level.start![i]);
    for (const field of [...FIELDS, 'children'] as const) {
      const a = field === 'children' ? children : level[field];
      if (!a) continue;
      arrays[`${k}.${field}`] = { type: typeOf(a), offset, length: a.length };
      parts.push([offset, a]);
      offset += Math.ceil(a.byteLength / 8) * 8;
    }
  });
  const json = Buffer.from(JSON.stringify({ ...header, arrays }));
  const start = Math.ceil((4 + json.length) / 8) * 8;
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  for (const [at, a] of parts) Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, start + at);
  return out;
}

export function decodeModel(bytes: Buffer): LanguageModel {
  // Typed arrays need their own alignment; a fresh copy guarantees it.
  const buf = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  const jsonLength = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString('utf8', 4, 4 + jsonLength)) as ModelHeader;
  if (header.format !== 'chidao-lm' || header.version !== 2) throw new Error('not a chidao language model (version 2)');
  const start = Math.ceil((4 + jsonLength) / 8) * 8;
  const levels: Level[] = Array.from({ length: header.order }, () => ({}));
  for (const [name, { type, offset, length }] of Object.entries(header.arrays)) {
    const [k, field] = name.split('.');
    const a = new ARRAY_TYPES[type](buf.buffer as ArrayBuffer, buf.byteOffset + start + offset, length);
    const level = levels[Number(k)] as Record<string, AnyArray>;
    if (field !== 'children') level[field] = a;
    else {
      const starts = new Uint32Array(length + 1);
      for (let i = 0; i < length; i++) starts[i + 1] = starts[i] + a[i];
      level.start = starts;
    }
  }
  return new LanguageModel(header, levels);
}

export function readModel(path: string = DEFAULT_MODEL_PATH): LanguageModel {
  return decodeModel(gunzipSync(readFileSync(path)));
}
