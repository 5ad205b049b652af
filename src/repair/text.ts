/**
 * Vietnamese orthography helpers shared by the trainer and the engine:
 * stripping marks, case patterns, syllable shape, and the tokenizer that
 * both training and repair use (so the model sees tokens the way repair does).
 */

import { stripMarks } from '../lang/fold.ts';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** True when the word carries a tone, a vowel mark or đ. */
export function hasMarks(word: string): boolean {
  return stripMarks(word) !== word;
}

const ONSET = '(?:ngh|ng|gh|gi|ch|kh|nh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?';
/** Vowel clusters (marks stripped) that end in a glide and so take no final consonant. */
const OPEN = 'ieu|yeu|oai|oay|oao|oeo|uay|uoi|uou|uya|uyu|uai|uao|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu|ya';
const CLOSABLE = 'uye|ie|ye|uo|oa|oe|ue|uy|oo|ua|a|e|i|o|u|y';
const SYLLABLE_BASE = new RegExp(`^${ONSET}(?:${OPEN}|(?:${CLOSABLE})(?:ch|ng|nh|c|m|n|p|t)?)$`);

/** The letters of the Vietnamese alphabet, tones aside. */
const ALPHABET = /^[aăâbcdđeêghiklmnoôơpqrstuưvxy]+$/;

/**
 * Whether a lowercase word has the shape of a Vietnamese syllable: letters
 * of the alphabet (no `ǎ` with a caron), onset, one of the vowel clusters of
 * the orthography, coda, at most one tone. Loose about where a mark sits
 * (`hoá` and `hòa` both pass): the language model decides between those.
 */
export function isSyllable(word: string): boolean {
  const nfd = word.normalize('NFD');
  if ((nfd.match(TONES) ?? []).length > 1) return false;
  return ALPHABET.test(nfd.replace(TONES, '').normalize('NFC')) && SYLLABLE_BASE.test(stripMarks(word));
}

/**
 * The word with its tone mark moved to the end: `hoá` and `hòa`, `uỷ` and `ủy`
 * (old and new tone placement) get the same key.
 */
export function toneKey(word: string): string {
  const nfd = word.normalize('NFD');
  const tones = nfd.match(TONES) ?? [];
  return nfd.replace(TONES, '').normalize('NFC') + tones.join('');
}

/**
 * Where a syllable's tone sits in the open rhymes `oa`, `oe`, `uy` (not
 * after `q`): the traditional placement (kiểu cũ) marks the first vowel
 * (`hóa`, `thủy`), the modern one (kiểu mới) the second (`hoá`, `thuỷ`).
 * Elsewhere both agree.
 */
export type ToneStyle = 'traditional' | 'modern';

/**
 * The rhymes whose placement a writer settles: `oa` with `oe`, and `uy` on
 * its own, since many who write `hoá` keep the `Ủy ban` of official names.
 */
export type StyledRhyme = 'oa' | 'uy';
/** A text's convention, rhyme by rhyme. */
export type TonePlacement = Readonly<Record<StyledRhyme, ToneStyle>>;

const placements = new Map<string, TonePlacement>();
/** The one object for a placement, so that tables of spellings can be keyed by it. */
export function tonePlacement(oa: ToneStyle, uy: ToneStyle): TonePlacement {
  const key = `${oa}/${uy}`;
  let placement = placements.get(key);
  if (!placement) placements.set(key, (placement = Object.freeze({ oa, uy })));
  return placement;
}

const STYLED_RHYME = /^((?:[^aeiouyăâêôơư]*[^aeiouyăâêôơưq])?)(o[ae]|uy)$/;

/** The syllable written in the given convention; unchanged when the conventions agree. */
export function restyle(word: string, style: ToneStyle | TonePlacement): string {
  const nfd = word.normalize('NFD');
  const tone = nfd.match(TONES);
  if (!tone || tone.length !== 1) return word;
  const bare = nfd.replace(TONES, '').normalize('NFC');
  const m = STYLED_RHYME.exec(bare.toLowerCase());
  if (!m) return word;
  const chosen = typeof style === 'string' ? style : style[m[2] === 'uy' ? 'uy' : 'oa'];
  const at = m[1].length + (chosen === 'traditional' ? 1 : 2);
  return (bare.slice(0, at) + tone[0] + bare.slice(at)).normalize('NFC');
}

/** The convention a marked syllable was typed in and its rhyme, or null when the conventions agree on it. */
export function toneStyleOf(word: string): { rhyme: StyledRhyme; style: ToneStyle } | null {
  const modern = restyle(word, 'modern');
  if (modern === restyle(word, 'traditional')) return null;
  const rhyme = /uy$/.test(stripMarks(word.toLowerCase())) ? 'uy' : 'oa';
  return { rhyme, style: word.normalize('NFC') === modern ? 'modern' : 'traditional' };
}

export type CasePattern = 'lower' | 'title' | 'upper';

export function casePattern(word: string): CasePattern {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  const first = letters.charAt(0);
  return first && first !== first.toLowerCase() ? 'title' : 'lower';
}

export function applyCase(word: string, pattern: CasePattern): string {
  if (pattern === 'upper') return word.toUpperCase();
  if (pattern === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

export type TokenKind =
  /** A run of letters (and, in OCR text, digits or `&` standing for letters). */
  | 'word'
  /** Digits only. */
  | 'number'
  /** Letters joined to digits or other letters by `/ . - @ _ :` — codes, dates, addresses. */
  | 'code'
  /** Sentence-ending punctuation: the language model's context restarts after it. */
  | 'stop'
  /** Commas, colons, dashes, brackets and quotes: words of the model, which reads across them. */
  | 'punct';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

/** Letters, and in OCR text digits or symbols standing for letters. */
const LETTER = '\\p{L}\\p{M}\\d&¢¥€';
/** OCR writes a horned o as `@` (`nu@c` nước, `Thu@ng` Thường): a letter there, not an address's joiner. */
const OCR_LETTER = `${LETTER}@`;
const CONSONANTS = 'bcdfghjklmnpqrstvxzđBCDFGHJKLMNPQRSTVXZĐ';

function tokenPattern(letter: string, joiners: string, word: string): RegExp {
  return new RegExp(`<\\/?[A-Za-z][^<>]*>|[${letter}]+(?:[${joiners}][${letter}]+)+|${word}|[.!?…]+|[,;:()"“”–-]`, 'gu');
}

const TOKEN = tokenPattern(LETTER, '-./@_:', `[${LETTER}]+`);
/**
 * In OCR'd text an apostrophe between letters is a misread horn or hook
 * (`tru’c` trực, `nu’éc` nước): part of the word, as the learnt channel reads
 * it (data/repair/channel.tsv has `ự` → `u’`, `ơ` → `o'`). Unless consonants
 * and a vowel follow it: that begins the next syllable (`co'so` cơ sở).
 */
const OCR_TOKEN = tokenPattern(OCR_LETTER, '-./_:', `[${OCR_LETTER}]+(?:['’‘](?![${CONSONANTS}]+(?![${CONSONANTS}])[${OCR_LETTER}])[${OCR_LETTER}]+)*`);

/** Words joined by slashes (`trường/viện`, `bài toán/nhiệm vụ`): alternatives, not a code, unless all capitals (`NQ/TW`). */
const SLASHED_WORDS = /^[\p{L}\p{M}]+(?:\/[\p{L}\p{M}]+)+$/u;

/** Tokens of one line; markup tags (`<sup>`) and other symbols are skipped. */
export function tokenize(line: string, offset = 0, ocr = false): Token[] {
  const tokens: Token[] = [];
  for (const m of line.matchAll(ocr ? OCR_TOKEN : TOKEN)) {
    const text = m[0];
    if (text.startsWith('<')) continue;
    const start = offset + m.index;
    if (SLASHED_WORDS.test(text) && /\p{Ll}/u.test(text)) {
      let at = start;
      text.split('/').forEach((word, i) => {
        if (i) tokens.push({ kind: 'punct', start: at - 1, end: at, text: '/' });
        tokens.push({ kind: 'word', start: at, end: at + word.length, text: word });
        at += word.length + 1;
      });
      continue;
    }
    let kind: TokenKind;
    if (/^[.!?…]+$/.test(text)) kind = 'stop';
    else if (/^[,;:()"“”–-]$/.test(text)) kind = 'punct';
    else if ((ocr ? /[-./_:]/ : /[-./@_:]/).test(text)) kind = 'code';
    else if (/^\d+$/.test(text)) kind = 'number';
    else kind = 'word';
    tokens.push({ kind, start, end: start + text.length, text });
  }
  return tokens;
}

/**
 * Whether the word after `token` stands first in its sentence or clause,
 * where a capital is not a name's (`first`: whether `token` did): after a
 * stop, a quote, bracket, colon or dash, and after a leading number (`1.`, a
 * footnote mark) or enumerator (`(1)` in running text) in that position.
 */
export function firstAfter(token: Token, first: boolean): boolean {
  if (token.kind === 'stop') return true;
  if (token.kind === 'punct' && token.text !== ',' && token.text !== ')' && token.text !== ';') return true;
  return first && (token.kind === 'number' || token.text === ')');
}

/** Special vocabulary entries, always the first ids of a model. */
export const BOS = '<s>';
export const EOS = '</s>';
export const UNK = '<unk>';
export const NUM = '<num>';
export const SPECIALS = [BOS, EOS, UNK, NUM] as const;

/** The model's word for a punctuation token (curly quotes as straight ones, dashes as hyphens). */
export function punctWord(text: string): string {
  return text === '“' || text === '”' ? '"' : text === '–' ? '-' : text;
}
