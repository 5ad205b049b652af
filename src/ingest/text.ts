/**
 * Bytes that are text: Unicode with or without a byte-order mark, or a
 * legacy Vietnamese encoding recognised by how its words read. Returns NFC.
 */
import { InputError } from '../doc/model.ts';
import { decodeLegacy } from './legacy.ts';

export interface DecodedText {
  text: string;
  /** The encoding read, e.g. `utf-8`, `utf-16le`, `tcvn3`. */
  encoding: string;
  /** UTF-8 with a few invalid bytes: each read as U+FFFD, at these offsets of `text`. */
  replaced?: number[];
}

/** Control characters no text file holds. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001a]/;

/** A file is still UTF-8 when at most this share of its non-ASCII characters were invalid bytes: a legacy encoding breaks at nearly every one. */
const MOSTLY_UTF8 = 0.05;

export function decodeText(path: string, bytes: Uint8Array): DecodedText {
  const bom = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (bom(0xef, 0xbb, 0xbf)) return utf(path, bytes.subarray(3), 'utf-8');
  if (bom(0xff, 0xfe)) return utf(path, bytes.subarray(2), 'utf-16le');
  if (bom(0xfe, 0xff)) return utf(path, bytes.subarray(2), 'utf-16be');
  const bomless16 = utf16WithoutBom(bytes);
  if (bomless16) return utf(path, bytes, bomless16);
  if (bytes.includes(0)) throw new InputError(path, 'binary file, not text');
  try {
    return utf(path, bytes, 'utf-8');
  } catch {
    const mostly = mostlyUtf8(path, bytes);
    if (mostly) return mostly;
    const legacy = decodeLegacy(bytes);
    if ('reason' in legacy) throw new InputError(path, legacy.reason);
    return { text: legacy.text, encoding: legacy.encoding };
  }
}

function utf(path: string, bytes: Uint8Array, encoding: string): DecodedText {
  if (encoding.startsWith('utf-16') && bytes.length % 2) throw new InputError(path, `truncated ${encoding.toUpperCase()} text (odd number of bytes)`);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    if (encoding === 'utf-8') throw error;
    throw new InputError(path, `not valid ${encoding.toUpperCase()} text`);
  }
  if (CONTROL_CHARACTERS.test(text)) throw new InputError(path, 'binary file, not text');
  return { text: text.normalize('NFC'), encoding };
}

/**
 * UTF-8 with a handful of damaged bytes (a bad copy, a truncated upload):
 * read with each bad sequence replaced, so the reader gets the document and
 * a warning, not a refusal. A legacy encoding read as UTF-8 breaks at nearly
 * every accented letter, far past that share.
 */
function mostlyUtf8(path: string, bytes: Uint8Array): DecodedText | null {
  const text = new TextDecoder('utf-8').decode(bytes).normalize('NFC');
  const replaced: number[] = [];
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) replaced.push(i);
  const nonAscii = text.match(/[^\x00-\x7f]/gu)?.length ?? 0;
  if (!replaced.length || replaced.length > nonAscii * MOSTLY_UTF8) return null;
  if (CONTROL_CHARACTERS.test(text)) throw new InputError(path, 'binary file, not text');
  return { text, encoding: 'utf-8', replaced };
}

/** UTF-16 saved without a mark: every other byte of ASCII text is zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero === 0) return 'utf-16be';
  return null;
}
