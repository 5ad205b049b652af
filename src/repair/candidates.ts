/**
 * The channel model: for one token, the syllables it can stand for and
 * log10 P(token as written | syllable). A typed word may have lost its marks
 * (any syllable with the same letters); an OCR'd word may have lost marks,
 * carry wrong ones or have letters misread (the learnt OCR channel,
 * src/repair/channel.ts).
 */
import type { Candidate } from './decode.ts';
import type { LanguageModel } from './lm.ts';
import { indexOf, readBack, type Found, type OcrChannel } from './channel.ts';
import { casePattern, hasMarks, punctWord, restyle, toneKey, toneStyleOf, type StyledRhyme, type Token, type TonePlacement, type ToneStyle } from './text.ts';
import { stripMarks } from '../lang/fold.ts';

export interface Channel {
  /** log10 P(written without marks | a marked syllable): 0 for stripped text, about -4 for typed text. */
  readonly stripCost: number;
  /** The OCR channel to read words through; null for text that was typed. */
  readonly ocr: OcrChannel | null;
  /** Restore marks in abbreviations (`CQTTBCD` → `CQTTBCĐ`); only where marks were lost. */
  readonly abbreviations: boolean;
  /** Where to write a tone the text lost in `oa`, `oe`, `uy` (`hóa` or `hoá`): the document's own convention. */
  readonly style: TonePlacement;
}

/** Candidates kept per token, best by cost plus unigram probability. */
const MAX_CANDIDATES = 50;
/** log10 P(written with other marks | syllable) in typed text. */
const REMARK_TYPED = -4;
/** How much the case of a word inside a sentence counts (names are capitalised, other words not). */
const CASE_WEIGHT = 1;
/** Longest word read through the OCR channel: no syllable is longer than 7 letters, and merged words are not split. */
const MAX_OCR_WORD = 10;
/** log10 by which an OCR reading in the other tone placement must beat the document's to be written. */
const STYLE_EVIDENCE = 0.5;
/** Digit runs short enough to be a misread syllable. */
const OCR_DIGIT_WORD = /^\d{2,3}$/;
/**
 * log10 P(this numeral | a number): the model has one word for every number,
 * so a numeral weighed against syllables pays for being this one. Short
 * numerals in the training text carry about 2.07 log10 units of entropy.
 */
const NUMERAL_COST = -2;

/** A table per placement (four at most: placements are interned), kept across texts. */
const styledForms = new Map<TonePlacement, Map<string, string>>();
/** `restyle`, remembered: the same few thousand syllables come back on every line. */
function styled(form: string, style: TonePlacement): string {
  let forms = styledForms.get(style);
  if (!forms) styledForms.set(style, (forms = new Map()));
  let out = forms.get(form);
  if (out === undefined) forms.set(form, (out = restyle(form, style)));
  return out;
}

const readings = new WeakMap<OcrChannel, WeakMap<LanguageModel, Map<string, Found[]>>>();

/** The OCR channel's readings of a lowercase word, remembered (a page repeats its words). */
function readOcr(word: string, model: LanguageModel, channel: OcrChannel): Found[] {
  let byModel = readings.get(channel);
  if (!byModel) readings.set(channel, (byModel = new WeakMap()));
  let cache = byModel.get(model);
  if (!cache) byModel.set(model, (cache = new Map()));
  let found = cache.get(word);
  if (!found) cache.set(word, (found = readBack(word, indexOf(model), channel)));
  return found;
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
  const fixed = channel.abbreviations && !hasMarks(token.text) ? fixAbbreviation(token.text, model, channel.ocr !== null) : undefined;
  return [{ form: fixed ?? null, literal: true, id: model.ids.get(token.text.toLowerCase()) ?? model.unk, cost: 0 }];
}

/** Notices number quarters in Roman numerals: after `quý`, OCR's `11/2026`, `I1/2026`, `1/2026` are `II/2026`, `II/2026`, `I/2026`. */
export function romanQuarter(token: Token, previous: Token | undefined, model: LanguageModel): Candidate[] | undefined {
  if (!previous || stripMarks(previous.text.toLowerCase()) !== 'quy') return undefined;
  const m = /^([I1]{1,3}|[I1]V)(?=\/|$)/.exec(token.text);
  if (!m || !m[1].includes('1')) return undefined;
  return [{ form: m[1].replace(/1/g, 'I') + token.text.slice(m[1].length), literal: true, id: token.kind === 'code' ? model.unk : model.num, cost: 0 }];
}

/** A quarter's numeral as notices and their OCR write it: `I`–`IV`, `1`–`4`, `I1`, `11`, with or without `/2026`. */
const QUARTER_NUMERAL = /^(?:[I1]{1,3}|[I1]V|[1-4])(?:\/\d{4})?$/;

/** `quy` before a quarter's numeral is `quý` (quarter), never `quỹ` (fund) or `quy` (rule): `quý I/2027`. */
export function quarterWord(token: Token, next: Token | undefined, model: LanguageModel): Candidate[] | undefined {
  if (!next || stripMarks(token.text.toLowerCase()) !== 'quy' || !QUARTER_NUMERAL.test(next.text)) return undefined;
  return [{ form: 'quý', id: model.id('quý'), cost: 0 }];
}

/**
 * Candidates for one token. `inside`: the word is not the first of its sentence
 * or clause, so a capital says "name" and a lowercase letter says "not a name".
 */
export function wordCandidates(token: Token, model: LanguageModel, channel: Channel, inside = false): Candidate[] {
  if (token.kind === 'number') {
    // OCR writes short words as digits (`13` là, `16` rõ); the model weighs a number against them.
    if (!channel.ocr || !OCR_DIGIT_WORD.test(token.text)) return [{ form: null, id: model.num, cost: 0 }];
    const number: Candidate = { form: null, id: model.num, cost: NUMERAL_COST };
    return [number, ...[...ocrReadings(token.text, model, channel)].map(([id, [form, cost]]) => ({ form, id, cost }))];
  }
  if (token.kind === 'punct') return [{ form: null, id: model.id(punctWord(token.text)), cost: 0 }];
  if (token.kind === 'code') {
    const id = /^[\d./:-]+$/.test(token.text) ? model.num : model.unk;
    if (!channel.abbreviations) return [{ form: null, id, cost: 0 }];
    const fixed = token.text.replace(/\p{Lu}{2,}/gu, (run) => (hasMarks(run) ? run : fixAbbreviation(run, model, channel.ocr !== null) ?? run));
    return [{ form: fixed === token.text ? null : fixed, literal: true, id, cost: 0 }];
  }
  // A text repeats its words: the same word in the same conditions has the same candidates.
  const memo = memoFor(model, channel.ocr);
  if (memo.size > MAX_MEMO) memo.clear();
  const key = `${channel.stripCost}\t${channel.abbreviations ? 1 : 0}${channel.style.oa[0]}${channel.style.uy[0]}${inside ? 1 : 0}\t${token.text}`;
  let found = memo.get(key);
  if (!found) memo.set(key, (found = spellings(token, model, channel, inside)));
  return found;
}

/** Words remembered per model and OCR channel; bounded, for long-running processes. */
const MAX_MEMO = 1 << 16;
const memos = new WeakMap<LanguageModel, { typed: Map<string, Candidate[]>; ocr: WeakMap<OcrChannel, Map<string, Candidate[]>> }>();

function memoFor(model: LanguageModel, ocr: OcrChannel | null): Map<string, Candidate[]> {
  let byModel = memos.get(model);
  if (!byModel) memos.set(model, (byModel = { typed: new Map(), ocr: new WeakMap() }));
  if (!ocr) return byModel.typed;
  let memo = byModel.ocr.get(ocr);
  if (!memo) byModel.ocr.set(ocr, (memo = new Map()));
  return memo;
}

/** A word's candidates, best first (callers share the array: it is not to be changed). */
function spellings(token: Token, model: LanguageModel, channel: Channel, inside: boolean): Candidate[] {
  const word = token.text.toLowerCase();
  const costs = new Map<number, [form: string, cost: number]>();
  if (channel.ocr && [...word].length <= MAX_OCR_WORD) {
    for (const [id, reading] of ocrReadings(word, model, channel)) costs.set(id, reading);
  } else {
    const base = stripMarks(word);
    const marked = word !== base;
    // A typed word is not respelled in the other tone placement (`hoá` stays, `hòa` stays).
    const typed = marked ? toneKey(word) : undefined;
    for (const id of model.byBase.get(base) ?? []) {
      const form = styled(model.vocab[id], channel.style);
      if (typed !== undefined && form !== word && toneKey(form) === typed) continue;
      costs.set(id, [form, form === word ? 0 : marked ? REMARK_TYPED : channel.stripCost]);
    }
  }
  // A word the model knows as written (a name, a foreign word, a typed spelling) may stand as it is.
  const own = model.ids.get(word);
  if (own !== undefined && !costs.has(own)) costs.set(own, [word, 0]);
  if (!costs.size) return keepAcronym(token, model, channel);
  const pattern = casePattern(token.text);
  const scored = [...costs].map(([id, [form, cost]]) => ({ form, id, cost: inside && pattern !== 'upper' ? cost + CASE_WEIGHT * model.caseCost(id, pattern === 'title') : cost }));
  return scored.sort((x, y) => y.cost + model.unigram(y.id) - (x.cost + model.unigram(x.id))).slice(0, MAX_CANDIDATES);
}

/**
 * The OCR channel's readings of a word, one per model word: where both tone
 * placements were read, the document's unless the other is clearly likelier.
 */
function ocrReadings(word: string, model: LanguageModel, channel: Channel): Map<number, [form: string, cost: number]> {
  const weigh = (form: string, cost: number) => cost + (styled(form, channel.style) === form ? STYLE_EVIDENCE : 0);
  const best = new Map<number, [form: string, cost: number]>();
  for (const { id, form, cost } of readOcr(word, model, channel.ocr!)) {
    const held = best.get(id);
    if (!held || weigh(form, cost) > weigh(...held)) best.set(id, [form, cost]);
  }
  return best;
}

/**
 * The tone placement an OCR'd word shows for the syllable it was read as:
 * `hod` and `ho4` read back as `hoá` far likelier than as `hóa`, since the
 * misread mark sat on the `a`. Null where the letters do not tell (`hoa`).
 */
export function placementShown(written: string, id: number, model: LanguageModel, ocr: OcrChannel): { rhyme: StyledRhyme; style: ToneStyle } | null {
  const costs = new Map<ToneStyle, number>();
  let rhyme: StyledRhyme | undefined;
  for (const found of readOcr(written.toLowerCase(), model, ocr)) {
    const shown = found.id === id ? toneStyleOf(found.form) : null;
    if (!shown) continue;
    rhyme = shown.rhyme;
    costs.set(shown.style, Math.max(found.cost, costs.get(shown.style) ?? -Infinity));
  }
  const modern = costs.get('modern') ?? -Infinity;
  const traditional = costs.get('traditional') ?? -Infinity;
  if (!rhyme || Math.abs(modern - traditional) < STYLE_EVIDENCE) return null;
  return { rhyme, style: modern > traditional ? 'modern' : 'traditional' };
}
