/**
 * The channel model: for one token, the syllables it can stand for and
 * log10 P(token as written | syllable). A word may have lost its marks (any
 * syllable with the same letters), carry wrong marks (OCR), or have letters
 * misread (the OCR confusion table, data/repair/confusions.tsv).
 */
import { readFileSync } from 'node:fs';
import type { Candidate } from './decode.ts';
import type { LanguageModel } from './lm.ts';
import { casePattern, hasMarks, punctWord, stripMarks, toneKey, type Token } from './text.ts';

export interface Channel {
  /** log10 P(written without marks | a marked syllable): 0 for stripped text, about -4 for typed text. */
  readonly stripCost: number;
  /** Apply the OCR confusion table. */
  readonly ocr: boolean;
  /** Restore marks in abbreviations (`CQTTBCD` → `CQTTBCĐ`); only where marks were lost. */
  readonly abbreviations: boolean;
}

export interface Confusion {
  observed: string;
  intended: string;
  /** Only at the start (`^`) or the end (`$`) of the word. */
  anchor: '' | '^' | '$';
  weight: number;
}

export const CONFUSIONS_PATH = new URL('../../data/repair/confusions.tsv', import.meta.url).pathname;

export function parseConfusions(tsv: string): Confusion[] {
  return tsv
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#') && !line.startsWith('observed\t'))
    .map((line) => {
      const [pattern, intended, weight] = line.split('\t');
      const anchor = pattern.startsWith('^') ? '^' : pattern.endsWith('$') ? '$' : '';
      const observed = anchor === '^' ? pattern.slice(1) : anchor === '$' ? pattern.slice(0, -1) : pattern;
      return { observed, intended, anchor, weight: Number(weight) };
    });
}

let confusions: Confusion[] | undefined;
const confusionTable = () => (confusions ??= parseConfusions(readFileSync(CONFUSIONS_PATH, 'utf8')));

/** Candidates kept per token, best by cost plus unigram probability. */
const MAX_CANDIDATES = 30;
/** log10 P(written with other marks | syllable) in typed text. */
const REMARK_TYPED = -4;
/** In OCR text, per letter: a mark the OCR lost, and a mark it got wrong. */
const OCR_LOST = -0.3;
const OCR_WRONG = -0.8;
/** How much the case of a word inside a sentence counts (names are capitalised, other words not). */
const CASE_WEIGHT = 1;
/** Longest word the OCR confusions are tried on. */
const MAX_OCR_WORD = 10;
/** Variants costing less than this are not worth a lattice slot. */
const MIN_VARIANT = -3;

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
const VOWEL_MARK = /[\u0302\u0306\u031b]/;

/** log10 P(OCR wrote `seen` | the syllable is `form`), letter by letter; both have the same base letters. */
function ocrMarkCost(seen: string, form: string): number {
  let cost = 0;
  for (let i = 0; i < seen.length; i++) {
    if (seen[i] === form[i]) continue;
    const a = seen[i].normalize('NFD');
    const b = form[i].normalize('NFD');
    const modA = seen[i] === 'đ' ? 'đ' : (VOWEL_MARK.exec(a)?.[0] ?? '');
    const modB = form[i] === 'đ' ? 'đ' : (VOWEL_MARK.exec(b)?.[0] ?? '');
    const toneA = TONE.exec(a)?.[0] ?? '';
    const toneB = TONE.exec(b)?.[0] ?? '';
    if (modA !== modB) cost += modA ? OCR_WRONG : OCR_LOST;
    if (toneA !== toneB) cost += toneA ? OCR_WRONG : OCR_LOST;
  }
  return cost;
}

/** Spellings the OCR may have made of the word, with the log10 weight of the misreadings. */
function variants(word: string, table: Confusion[]): Map<string, number> {
  const out = new Map([[word, 0]]);
  let frontier: (readonly [string, number])[] = [[word, 0]];
  for (let round = 0; round < 2; round++) {
    const next: (readonly [string, number])[] = [];
    for (const [w, cost] of frontier) {
      for (const rule of table) {
        const total = cost + rule.weight;
        if (total < MIN_VARIANT) continue;
        for (let at = w.indexOf(rule.observed); at >= 0; at = w.indexOf(rule.observed, at + 1)) {
          if (rule.anchor === '^' && at > 0) break;
          if (rule.anchor === '$' && at + rule.observed.length !== w.length) continue;
          const v = w.slice(0, at) + rule.intended + w.slice(at + rule.observed.length);
          if ((out.get(v) ?? -Infinity) >= total) continue;
          out.set(v, total);
          next.push([v, total]);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** `CQTTBCD` → `CQTTBCĐ` from the model's abbreviation list; OCR writes Đ as `P` or `DP`. */
function fixAbbreviation(run: string, model: LanguageModel, ocr: boolean): string | undefined {
  const table = model.header.abbreviations;
  if (table[run]) return table[run];
  if (!ocr) return undefined;
  for (const guess of [run.replace(/DP/g, 'D'), run.replace(/P/g, 'D')]) if (table[guess]) return table[guess];
  return undefined;
}

/** An all-caps word in running text: kept, or given its Đ back from the abbreviation list. */
export function keepAcronym(token: Token, model: LanguageModel, channel: Channel): Candidate[] {
  const fixed = channel.abbreviations && !hasMarks(token.text) ? fixAbbreviation(token.text, model, channel.ocr) : undefined;
  return [{ form: fixed ?? null, literal: true, id: model.ids.get(token.text.toLowerCase()) ?? model.unk, cost: 0 }];
}

/** A quarter is I–IV: after `quý`, OCR's `11/2026` is `II/2026` (`1` for `I`). */
export function romanQuarter(token: Token, previous: Token | undefined, model: LanguageModel): Candidate[] | undefined {
  if (!previous || stripMarks(previous.text.toLowerCase()) !== 'quy') return undefined;
  const m = /^(1{2,3}|1V)(?=\/|$)/.exec(token.text);
  if (!m) return undefined;
  return [{ form: m[1].replace(/1/g, 'I') + token.text.slice(m[1].length), literal: true, id: token.kind === 'code' ? model.unk : model.num, cost: 0 }];
}

/**
 * Candidates for one token. `inside`: the word is not the first of its sentence
 * or clause, so a capital says "name" and a lowercase letter says "not a name".
 */
export function wordCandidates(token: Token, model: LanguageModel, channel: Channel, inside = false): Candidate[] {
  if (token.kind === 'number') return [{ form: null, id: model.num, cost: 0 }];
  if (token.kind === 'punct') return [{ form: null, id: model.id(punctWord(token.text)), cost: 0 }];
  if (token.kind === 'code') {
    const id = /^[\d./:-]+$/.test(token.text) ? model.num : model.unk;
    if (!channel.abbreviations) return [{ form: null, id, cost: 0 }];
    const fixed = token.text.replace(/\p{Lu}{2,}/gu, (run) => (hasMarks(run) ? run : fixAbbreviation(run, model, channel.ocr) ?? run));
    return [{ form: fixed === token.text ? null : fixed, literal: true, id, cost: 0 }];
  }
  const word = token.text.toLowerCase();
  const costs = new Map<number, number>();
  // No syllable is longer than 7 letters: longer runs are names, foreign words or merged words.
  const spellings = channel.ocr && word.length <= MAX_OCR_WORD ? variants(word, confusionTable()) : new Map([[word, 0]]);
  // A typed word is not respelled in the other tone placement (`hoá` stays, `hòa` stays).
  const style = hasMarks(word) ? toneKey(word) : undefined;
  for (const [spelling, weight] of spellings) {
    const base = stripMarks(spelling);
    const marked = spelling !== base;
    for (const id of model.byBase.get(base) ?? []) {
      const form = model.vocab[id];
      if (form !== word && toneKey(form) === style) continue;
      const cost = weight + (form === spelling ? 0 : channel.ocr ? ocrMarkCost(spelling, form) : marked ? REMARK_TYPED : channel.stripCost);
      if (cost > (costs.get(id) ?? -Infinity)) costs.set(id, cost);
    }
  }
  const own = model.ids.get(word);
  if (own !== undefined) costs.set(own, 0);
  if (!costs.size) return keepAcronym(token, model, channel);
  const pattern = casePattern(token.text);
  if (inside && pattern !== 'upper') {
    for (const [id, cost] of costs) costs.set(id, cost + CASE_WEIGHT * model.caseCost(id, pattern === 'title'));
  }
  return [...costs]
    .sort((x, y) => y[1] + model.unigram(y[0]) - (x[1] + model.unigram(x[0])))
    .slice(0, MAX_CANDIDATES)
    .map(([id, cost]) => ({ form: model.vocab[id], id, cost }));
}
