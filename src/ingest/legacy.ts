/**
 * Vietnamese text in the byte encodings that predate Unicode: Windows-1258,
 * TCVN3 (ABC, the .VnTime fonts) and VNI (VNI-Times). The bytes give no
 * label, so each decoding is tried and the one that reads as Vietnamese wins.
 */
import { quality, score } from './syllable.ts';

/** TCVN3 bytes for the Vietnamese letters it has (lower case, and the seven upper-case bases). */
const TCVN3_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';
const TCVN3_BYTES = [
  0xb5, 0xb8, 0xb6, 0xb7, 0xb9, 0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6, 0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb, 0xae,
  0xcc, 0xd0, 0xce, 0xcf, 0xd1, 0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6, 0xd7, 0xdd, 0xd8, 0xdc, 0xde,
  0xdf, 0xe3, 0xe1, 0xe2, 0xe4, 0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9, 0xac, 0xea, 0xed, 0xeb, 0xec, 0xee,
  0xef, 0xf3, 0xf1, 0xf2, 0xf4, 0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe,
  0xa1, 0xa2, 0xa7, 0xa3, 0xa4, 0xa5, 0xa6,
];
const TCVN3 = new Map(TCVN3_BYTES.map((b, i) => [b, TCVN3_LETTERS[i]]));

export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += TCVN3.get(b) ?? String.fromCharCode(b);
  // Capitals with tones were set in a separate font (.VnTimeH) with the
  // lower-case codes: a line, or a word, otherwise in capitals is in capitals.
  return out.replace(/[^\n]+/g, (line) =>
    !/[a-z]/.test(line) && (line.match(/\p{Lu}/gu)?.length ?? 0) > 1
      ? line.toUpperCase()
      : line.replace(/\p{L}+/gu, (w) => (!/[a-z]/.test(w) && (w.match(/\p{Lu}/gu)?.length ?? 0) > 1 ? w.toUpperCase() : w)));
}

/** VNI writes a base letter and then a mark byte; as Latin-1 the marks read as accented capitals and small letters. */
const VNI_MARKS: Record<string, string> = {
  ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323',
  â: '\u0302', á: '\u0302\u0301', à: '\u0302\u0300', å: '\u0302\u0309', ã: '\u0302\u0303', ä: '\u0302\u0323',
  ê: '\u0306', é: '\u0306\u0301', è: '\u0306\u0300', ú: '\u0306\u0309', ü: '\u0306\u0303', ë: '\u0306\u0323',
};
/** Letters VNI writes as one byte. */
const VNI_SINGLE: Record<string, string> = {
  ô: 'ơ', ö: 'ư', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ', ñ: 'đ',
};

export function decodeVni(bytes: Uint8Array): string {
  const latin = new TextDecoder('windows-1252').decode(bytes);
  let out = '';
  for (const ch of latin) {
    const lower = ch.toLowerCase();
    const base = out.at(-1)?.normalize('NFD')[0].toLowerCase();
    if (VNI_MARKS[lower] && base && 'aeouy'.includes(base)) out += VNI_MARKS[lower];
    else if (VNI_SINGLE[lower]) out += ch === lower ? VNI_SINGLE[lower] : VNI_SINGLE[lower].toUpperCase();
    else out += ch;
  }
  return out.normalize('NFC');
}

export function decodeWindows1258(bytes: Uint8Array): string {
  return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
}

const DECODERS = { 'windows-1258': decodeWindows1258, tcvn3: decodeTcvn3, vni: decodeVni };
export type LegacyEncoding = keyof typeof DECODERS;

export type LegacyResult = { encoding: LegacyEncoding; text: string } | { reason: string };

/**
 * Decode bytes that are not UTF-8. Accepts a decoding only when nearly all
 * its accented words are Vietnamese syllables and no other decoding comes close.
 */
export function decodeLegacy(bytes: Uint8Array): LegacyResult {
  const tried = (Object.keys(DECODERS) as LegacyEncoding[])
    .map((encoding) => {
      const text = DECODERS[encoding](bytes);
      const q = quality(text);
      return { encoding, text, q, score: score(q) };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = tried;
  if (best.q.accented < 3) return { reason: 'not UTF-8, and too little Vietnamese to tell its legacy encoding' };
  if (best.score < 0.9) return { reason: `not UTF-8, nor Windows-1258, TCVN3 or VNI Vietnamese (best guess ${best.encoding}: ${Math.round(best.score * 100)}% of accented words read as Vietnamese)` };
  if (next.score > best.score - 0.2) return { reason: `not UTF-8; cannot tell ${best.encoding} from ${next.encoding}` };
  return { encoding: best.encoding, text: best.text };
}
