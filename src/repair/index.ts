/**
 * Diacritic and OCR repair of Vietnamese text: candidates per token from the
 * syllable inventory (the model's vocabulary) and, for OCR output, a learnt
 * OCR channel adapted to the document, chosen by a syllable 4-gram model
 * with beam search. Line breaks, numbers,
 * codes, addresses and abbreviations are kept; every rewritten character
 * maps back to the input.
 */
import { TextRewriter } from '../doc/model.ts';
import { assessText, markedRatio } from './assess.ts';
import { keepAcronym, placementShown, quarterWord, romanQuarter, wordCandidates, type Channel } from './candidates.ts';
import { loadChannel, OcrChannel } from './channel.ts';
import { decode, type Candidate } from './decode.ts';
import { adaptChannel } from './learn-channel.ts';
import { dropStampNoise } from './noise.ts';
import { LanguageModel, readModel } from './lm.ts';
import { applyCase, casePattern, firstAfter, hasMarks, isSyllable, tokenize, toneStyleOf, type CasePattern, tonePlacement, type StyledRhyme, type Token, type TonePlacement, type ToneStyle } from './text.ts';
import { stripMarks } from '../lang/fold.ts';

export { assessText } from './assess.ts';
export { syllableAccuracy, syllables } from './score.ts';
export { LanguageModel } from './lm.ts';
export { stripMarks } from '../lang/fold.ts';

export interface RepairOptions {
  /** Hypotheses kept per position. @default 16 */
  readonly beam?: number;
  /** Flag a token when the model gives its choice less than this probability. @default 0.9 */
  readonly flagBelow?: number;
  /**
   * Share of marks the text has lost, 0 (typed with marks) to 1 (stripped);
   * estimated from the text when absent. @example 1
   */
  readonly stripped?: number;
  /** Read digits and symbols inside words as OCR misreadings (`s6` = số); detected when absent. */
  readonly ocr?: boolean;
  /** Adapt the OCR channel to the text before the final reading. @default true */
  readonly adapt?: boolean;
}

export interface RepairFlag {
  /** Output offsets of the token. */
  start: number;
  end: number;
  original: string;
  chosen: string;
  candidates: { text: string; score: number }[];
  /** The model's probability for the chosen spelling, 0..1. */
  confidence: number;
}

export interface RepairResult {
  text: string;
  /** For each output offset, and one past the end, the input offset. */
  toInput: Int32Array;
  flags: RepairFlag[];
}

function spell(candidate: Candidate, original: string, pattern: CasePattern): string {
  // The model's own spelling of the word as written keeps the writer's case (`5G`, `MobiFone`).
  if (candidate.form === null || candidate.form === original.toLowerCase()) return original;
  return candidate.literal ? candidate.form : applyCase(candidate.form, pattern);
}

let defaultModel: LanguageModel | undefined;

/** The committed model (data/lm/model.bin.gz) unless a path is given; the default is loaded once. */
export function loadModel(path?: string): LanguageModel {
  if (path) return readModel(path);
  defaultModel ??= readModel();
  return defaultModel;
}

/** Marked syllables in typed Vietnamese; the share observed against it says how many marks were lost. */
const TYPICAL_MARKED = 0.85;
/** How many syllables of the whole text a line's own estimate is worth. */
const LINE_PRIOR = 8;
/** Longest all-caps word in OCR'd running text that may be a misread syllable rather than an acronym. */
const MAX_OCR_CAPS = 4;
/** Words showing one tone placement of a rhyme that make it the text's own. */
const MIN_STYLE_EVIDENCE = 3;
/** Share of a line's letters in capitals that makes it a heading. */
const HEADING_CAPITALS = 0.8;
/** Words read at least this surely teach the channel how this scan misreads. */
const ADAPT_CONFIDENCE = 0.9;
/** Readings of the document, each teaching the next how the scan misreads. */
const ADAPT_ROUNDS = 1;
/** How many of the document's letters the prior channel is worth when adapting. */
const ADAPT_WEIGHT = 30;

interface Slot {
  token: Token;
  /** Case pattern of the input word, restored on the output. */
  pattern: CasePattern;
  /** Not the first word of its sentence or clause: its case tells a name. */
  inside: boolean;
  /** Capitals among lowercase words are an acronym (`MU`, `CD`), not a shouted syllable. */
  acronym: boolean;
  previous?: Token;
  /** log10 P(written without marks | marked syllable) on this line. */
  stripCost: number;
}

/** Sentences, or runs of wrapped lines, each decoded on its own. */
function segmentsOf(text: string, stripped: number | undefined, ocr: boolean): Slot[][] {
  const whole = markedRatio(text);
  const segments: Slot[][] = [];
  let segment: Slot[] = [];
  const flush = () => {
    if (segment.length) segments.push(segment);
    segment = [];
  };
  let initial = true;
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    const own = markedRatio(line);
    const ratio = (own.marked + LINE_PRIOR * whole.ratio) / (own.syllables + LINE_PRIOR);
    const stripCost = Math.log10(stripped ?? Math.min(1, Math.max(1e-4, 1 - ratio / TYPICAL_MARKED)));
    // A heading is set in capitals; OCR may still write a letter of it small (`CHi PAO`).
    const heading = (line.match(/\p{Lu}/gu)?.length ?? 0) >= HEADING_CAPITALS * (line.match(/\p{L}/gu)?.length ?? Infinity);
    const tokens = tokenize(line, offset, ocr);
    const upper = tokens.map((t) => t.kind === 'word' && casePattern(t.text) === 'upper');
    tokens.forEach((token, i) => {
      if (token.kind === 'stop') {
        flush();
        initial = true;
        return;
      }
      const pattern = casePattern(token.text);
      // Capitals beside capitals are a phrase set in capitals (a title beside the text), not an acronym.
      const acronym = upper[i] && !heading && !upper[i - 1] && !upper[i + 1];
      // Read as a word, capitals in running text were the OCR's misread marks (`BO` Bộ): only the first is the writer's.
      segment.push({ token, pattern: acronym ? 'title' : pattern, inside: !initial && segment.length > 0, acronym, previous: segment.at(-1)?.token, stripCost });
      initial = firstAfter(token, initial);
    });
    // A line break ends the sentence unless the next line carries on in lowercase.
    const next = lines[n + 1];
    if (next === undefined || !/^\s*\p{Ll}/u.test(next)) flush();
    offset += line.length + 1;
  });
  flush();
  return segments;
}

interface Reading {
  lattice: Candidate[][];
  best: number[];
  /** The model's probability for each choice, 1 where there was none to make. */
  confidence: number[];
  local: (Float64Array | null)[];
}

function read(segment: Slot[], model: LanguageModel, ocr: OcrChannel | null, style: TonePlacement, beam: number): Reading {
  const lattice = segment.map((slot, i) => {
    const channel: Channel = { stripCost: slot.stripCost, ocr, abbreviations: slot.stripCost > Math.log10(0.2), style };
    const quarter = romanQuarter(slot.token, slot.previous, model) ?? quarterWord(slot.token, segment[i + 1]?.token, model);
    if (quarter) return quarter;
    if (!slot.acronym) return wordCandidates(slot.token, model, channel, slot.inside);
    const kept = keepAcronym(slot.token, model, channel);
    // OCR writes marked vowels as capitals (`BO` Bộ, `VA` và): a short syllable-shaped one may be a word.
    return ocr && isSyllable(stripMarks(slot.token.text.toLowerCase())) && slot.token.text.length <= MAX_OCR_CAPS ? [...kept, ...wordCandidates(slot.token, model, channel, slot.inside)] : kept;
  });
  const { best, local } = decode(lattice, model, beam);
  const confidence = local.map((scores, i) => (scores ? posterior(scores)[best[i]] : 1));
  return { lattice, best, confidence, local };
}

/** log10 scores → shares summing to 1 (a softmax in base 10, shifted by the best so nothing overflows). */
function posterior(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  const shares = scores.map((s) => 10 ** (s - max));
  const total = shares.reduce((sum, w) => sum + w, 0);
  return shares.map((w) => w / total);
}

type PlacementShown = { rhyme: StyledRhyme; style: ToneStyle } | null;

/**
 * The tone placement the text's own words show, rhyme by rhyme (`hóa` or
 * `hoá`, `ủy` or `uỷ`): the traditional one, as CONTRACT.md writes `ủy`,
 * unless the modern one clearly prevails.
 */
function prevailingPlacement(shown: Iterable<PlacementShown>): TonePlacement {
  const counts = { oa: { modern: 0, traditional: 0 }, uy: { modern: 0, traditional: 0 } };
  for (const s of shown) if (s) counts[s.rhyme][s.style]++;
  const pick = ({ modern, traditional }: { modern: number; traditional: number }): ToneStyle => (modern >= MIN_STYLE_EVIDENCE && modern > 2 * traditional ? 'modern' : 'traditional');
  return tonePlacement(pick(counts.oa), pick(counts.uy));
}

/** Placements shown by the words typed with their marks. */
function typedPlacements(segments: Slot[][]): PlacementShown[] {
  return segments.flat().map(({ token }) => (token.kind === 'word' ? toneStyleOf(token.text.toLowerCase()) : null));
}

/** A word the first reading chose surely: a syllable, not a number or code kept as written. */
interface SureWord {
  id: number;
  printed: string;
  written: Token;
}

function sureWords(segments: Slot[][], readings: Reading[]): SureWord[] {
  const sure: SureWord[] = [];
  readings.forEach((r, k) =>
    r.best.forEach((c, i) => {
      const { form, literal, id } = r.lattice[i][c];
      if (form && !literal && r.confidence[i] >= ADAPT_CONFIDENCE && isSyllable(form)) sure.push({ id, printed: form, written: segments[k][i].token });
    }),
  );
  return sure;
}

/** Placements shown by the unmarked OCR'd words read surely: where a misread mark sat (`hod` hoá). */
function ocrPlacements(sure: SureWord[], model: LanguageModel, ocr: OcrChannel): PlacementShown[] {
  return sure.filter((w) => w.written.kind === 'word' && !hasMarks(w.written.text)).map((w) => placementShown(w.written.text, w.id, model, ocr));
}

export function repairText(input: string, model: LanguageModel, options: RepairOptions = {}): RepairResult {
  const ocrText = options.ocr ?? assessText(input).ocr;
  const cleaned = ocrText ? dropStampNoise(input) : null;
  const result = repairWords(cleaned?.text ?? input, model, ocrText, options);
  if (!cleaned) return result;
  // Offsets into the cleaned text, mapped on to the input.
  const toInput = result.toInput.map((o) => cleaned.toOld[o]);
  return { ...result, toInput };
}

function repairWords(text: string, model: LanguageModel, ocrText: boolean, options: RepairOptions): RepairResult {
  const beam = options.beam ?? 16;
  const flagBelow = options.flagBelow ?? 0.9;
  const segments = segmentsOf(text, options.stripped, ocrText);
  const typed = typedPlacements(segments);
  let style = prevailingPlacement(typed);
  let ocr = ocrText ? loadChannel() : null;
  let readings = segments.map((s) => read(s, model, ocr, style, beam));
  const prior = ocr;
  for (let round = 0; prior && options.adapt !== false && round < ADAPT_ROUNDS; round++) {
    // Each scan misreads in its own way: learn how from the words read surely, then read again.
    const sure = sureWords(segments, readings);
    style = prevailingPlacement([...typed, ...ocrPlacements(sure, model, prior)]);
    ocr = new OcrChannel(adaptChannel(prior.edits, sure.map((w) => ({ printed: w.printed, written: w.written.text })), ADAPT_WEIGHT));
    readings = segments.map((s) => read(s, model, ocr, style, beam));
  }

  const rewriter = new TextRewriter();
  const flags: RepairFlag[] = [];
  let copied = 0;
  segments.forEach((segment, k) => {
    const { lattice, best, confidence, local } = readings[k];
    segment.forEach((slot, i) => {
      const chosen = lattice[i][best[i]];
      const original = slot.token.text;
      const out = spell(chosen, original, slot.pattern);
      const start = rewriter.size + (slot.token.start - copied);
      rewriter.keep(text, copied, slot.token.start);
      if (out === original) rewriter.keep(text, slot.token.start, slot.token.end);
      else rewriter.replace(out, slot.token.start, slot.token.end);
      copied = slot.token.end;
      const scores = local[i];
      if (!scores || confidence[i] >= flagBelow) return;
      const shares = posterior(scores);
      const candidates = lattice[i]
        .map((c, n) => ({ text: spell(c, original, slot.pattern), score: shares[n] }))
        .sort((x, y) => y.score - x.score)
        .slice(0, 5);
      flags.push({ start, end: start + out.length, original, chosen: out, candidates, confidence: confidence[i] });
    });
  });
  rewriter.keep(text, copied, text.length);
  const { text: out, toOld } = rewriter.finish(text.length);
  return { text: out, toInput: toOld, flags };
}
