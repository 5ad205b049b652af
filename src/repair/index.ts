/**
 * Diacritic and OCR repair of Vietnamese text: candidates per token from the
 * syllable inventory (the model's vocabulary) and the OCR confusion table,
 * chosen by a syllable 4-gram model with beam search. Line breaks, numbers,
 * codes, addresses and abbreviations are kept; every rewritten character
 * maps back to the input.
 */
import { TextRewriter } from '../model.ts';
import { assessText, markedRatio } from './assess.ts';
import { keepAcronym, romanQuarter, wordCandidates, type Channel } from './candidates.ts';
import { decode, type Candidate } from './decode.ts';
import { LanguageModel, readModel } from './lm.ts';
import { applyCase, casePattern, opensClause, tokenize, type Token } from './text.ts';

export { assessText } from './assess.ts';
export { syllableAccuracy, syllables } from './score.ts';
export { LanguageModel } from './lm.ts';
export { stripMarks } from './text.ts';

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

function spell(candidate: Candidate, original: string, pattern: Slot['pattern']): string {
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

interface Slot {
  token: Token;
  candidates: Candidate[];
  /** Case pattern of the input word, restored on the output. */
  pattern: ReturnType<typeof casePattern>;
}

export function repairText(text: string, model: LanguageModel, options: RepairOptions = {}): RepairResult {
  const beam = options.beam ?? 16;
  const flagBelow = options.flagBelow ?? 0.9;
  const whole = markedRatio(text);
  const ocr = options.ocr ?? assessText(text).ocr;
  const rewriter = new TextRewriter();
  const flags: RepairFlag[] = [];
  let copied = 0;

  const lines = text.split('\n');
  let offset = 0;
  let segment: Slot[] = [];
  let initial = true;
  const flush = () => {
    if (!segment.length) return;
    const { best, local } = decode(segment.map((s) => s.candidates), model, beam);
    segment.forEach((slot, i) => {
      const chosen = slot.candidates[best[i]];
      const original = slot.token.text;
      const out = spell(chosen, original, slot.pattern);
      const start = rewriter.size + (slot.token.start - copied);
      rewriter.keep(text, copied, slot.token.start);
      if (out === original) rewriter.keep(text, slot.token.start, slot.token.end);
      else rewriter.replace(out, slot.token.start, slot.token.end);
      copied = slot.token.end;
      const scores = local[i];
      if (!scores) return;
      const max = Math.max(...scores);
      let total = 0;
      for (const s of scores) total += 10 ** (s - max);
      const confidence = 10 ** (scores[best[i]] - max) / total;
      if (confidence >= flagBelow) return;
      const candidates = slot.candidates
        .map((c, k) => ({ text: spell(c, original, slot.pattern), score: 10 ** (scores[k] - max) / total }))
        .sort((x, y) => y.score - x.score)
        .slice(0, 5);
      flags.push({ start, end: start + out.length, original, chosen: out, candidates, confidence });
    });
    segment = [];
  };

  lines.forEach((line, n) => {
    const tokens = tokenize(line, offset);
    const own = markedRatio(line);
    const ratio = (own.marked + LINE_PRIOR * whole.ratio) / (own.syllables + LINE_PRIOR);
    const stripped = options.stripped ?? Math.min(1, Math.max(1e-4, 1 - ratio / TYPICAL_MARKED));
    const channel: Channel = { stripCost: Math.log10(stripped), ocr, abbreviations: stripped > 0.2 };
    const heading = !/\p{Ll}/u.test(line);
    for (const token of tokens) {
      if (token.kind === 'stop') {
        flush();
        initial = true;
        continue;
      }
      const pattern = casePattern(token.text);
      // Capitals among lowercase words are an acronym (`MU`, `CD`), not a shouted syllable.
      const acronym = pattern === 'upper' && !heading && token.kind === 'word';
      const candidates =
        romanQuarter(token, segment.at(-1)?.token, model) ??
        (acronym ? keepAcronym(token, model, channel) : wordCandidates(token, model, channel, !initial && segment.length > 0));
      segment.push({ token, candidates, pattern });
      // A leading number (`1.`, a footnote mark) does not end the sentence's first position.
      initial = opensClause(token) || (initial && token.kind === 'number');
    }
    // A line break ends the sentence unless the next line carries on in lowercase.
    const next = lines[n + 1];
    if (next === undefined || !/^\s*\p{Ll}/u.test(next)) flush();
    offset += line.length + 1;
  });
  flush();
  rewriter.keep(text, copied, text.length);
  const { text: out, toOld } = rewriter.finish(text.length);
  return { text: out, toInput: toOld, flags };
}
