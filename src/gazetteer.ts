/**
 * Agency names (data/agencies.json): canonical full names, their aliases and
 * abbreviations, collective addressees, and the list form `Các Bộ: Nội vụ,
 * Giáo dục và Đào tạo` that names several ministries at once.
 */
import data from '../data/agencies.json' with { type: 'json' };
import { escapeRegExp } from './words.ts';

export interface AgencyMention {
  start: number;
  end: number;
  /** Canonical name (collectives: as written, capitalised). */
  name: string;
  /** The words as the text has them (with `ủy`). */
  written: string;
  collective: boolean;
  /** Mentions read from one enumeration (`Các đảng ủy ở Trung ương (A; B; C)`) share this number. */
  group?: number;
}

/**
 * Lower case with the tone mark on the second vowel of `oa`, `oe`, `uy`
 * (`uỷ` → `ủy`, `hoá` → `hóa`): both spellings are in use. Keeps length.
 */
export function foldName(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/([oóòỏõọ])([ae])(?![\p{L}])/gu, (_, o: string, v: string) => moveTone(o, v))
    .replace(/([uúùủũụ])(y)(?![\p{L}])/gu, (_, u: string, v: string) => moveTone(u, v));
}

const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
function moveTone(first: string, second: string): string {
  const decomposed = first.normalize('NFD');
  const tone = [...decomposed].find((c) => TONES.includes(c));
  if (!tone) return first + second;
  return decomposed.replace(tone, '').normalize('NFC') + (second + tone).normalize('NFC');
}

interface Entry {
  folded: string;
  name: string;
  collective: boolean;
}

const entries: Entry[] = [];
for (const agency of data.agencies) {
  for (const form of [agency.name, ...agency.aliases]) entries.push({ folded: foldName(form), name: agency.name, collective: false });
}
for (const form of data.collectives) entries.push({ folded: foldName(form), name: form, collective: true });
entries.sort((a, b) => b.folded.length - a.folded.length);
const byForm = new Map(entries.map((e) => [e.folded, e]));
const MENTION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${entries.map((e) => escapeRegExp(e.folded)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** The ministries' names without `Bộ`, for `Các Bộ: Nội vụ, Ngoại giao`. */
const MINISTRY_SHORT = data.agencies
  .filter((a) => a.name.startsWith('Bộ '))
  .map((a) => ({ folded: foldName(a.name.slice(3)), name: a.name }))
  .sort((a, b) => b.folded.length - a.folded.length);
const LIST_INTROS = data.listIntros.map((l) => ({ re: new RegExp(l.pattern, 'gu'), prefix: l.prefix }));

export function findAgencies(text: string): AgencyMention[] {
  const folded = foldName(text);
  const mentions: AgencyMention[] = [];
  let group = 0;
  for (const intro of LIST_INTROS) {
    for (const m of folded.matchAll(intro.re)) {
      if (mentions.some((x) => m.index! < x.end && m.index! + m[0].length > x.start)) continue;
      const found = namedList(text, folded, m.index! + m[0].length, m.index!, intro.prefix);
      group++;
      for (const mention of found) mentions.push({ ...mention, group });
    }
  }
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(folded); m; m = MENTION.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (mentions.some((x) => start < x.end && end > x.start)) continue;
    const entry = byForm.get(m[0])!;
    const written = modernUy(text.slice(start, end));
    mentions.push({ start, end, name: entry.collective ? capitalise(written) : entry.name, written, collective: entry.collective });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * The names after `Các Bộ:` or `Các cơ quan:` (`Nội vụ, Giáo dục và Đào tạo,
 * Văn phòng Chính phủ`): at each step the longest ministry short name or full
 * agency name. The first mention starts at the list's introduction.
 */
function namedList(text: string, folded: string, at: number, listStart: number, prefix: string): AgencyMention[] {
  const found: AgencyMention[] = [];
  let pos = at;
  for (;;) {
    MENTION.lastIndex = pos;
    const full = MENTION.exec(folded);
    const short = MINISTRY_SHORT.find((s) => folded.startsWith(s.folded, pos) && !/[\p{L}]/u.test(folded[pos + s.folded.length] ?? ''));
    const hit = full && full.index === pos && (!short || full[0].length >= short.folded.length) ? { length: full[0].length, name: byForm.get(full[0])!.name } : short ? { length: short.folded.length, name: short.name } : null;
    if (!hit) break;
    const start = found.length ? pos : listStart;
    found.push({ start, end: pos + hit.length, name: prefix + hit.name, written: text.slice(start, pos + hit.length), collective: false });
    pos += hit.length;
    const sep = /^(?:\s*[,;]\s*|\s+và\s+)/u.exec(folded.slice(pos));
    if (!sep) break;
    pos += sep[0].length;
  }
  return found;
}

export function canonicalAgency(name: string): string | null {
  const entry = byForm.get(foldName(name.trim()));
  return entry ? entry.name : null;
}

/** The issuer list's canonical form of a name, and nothing else (no agency alias). */
export function knownIssuer(text: string): string | null {
  const folded = foldName(text.replace(/\s+/g, ' ').trim());
  return folded ? (data.issuers.find((i) => foldName(i) === folded) ?? null) : null;
}

/**
 * The issuer a document number names by its last part, the issuing body's
 * registered code (`20-TB/CQTTBCĐ`): what a header whose name the scan
 * garbled, or a report that prints only its number, still says.
 */
export function issuerOfNumber(number: string): string | null {
  const codes: Record<string, string> = data.issuerCodes;
  return codes[number.slice(number.lastIndexOf('/') + 1)] ?? null;
}

/** The issuer list's form of a name, else its canonical agency name. */
export function canonicalIssuer(text: string): string | null {
  return knownIssuer(text) ?? canonicalAgency(text);
}

/** Canonical names write `ủy`, not `uỷ` (CONTRACT.md); collectives are otherwise kept as written. */
export function modernUy(s: string): string {
  return s.replace(/([uU])([ýỳỷỹỵ])(?!\p{L})/gu, (_, u: string, y: string) => `${(u + y.normalize('NFD').slice(1)).normalize('NFC')}y`);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
