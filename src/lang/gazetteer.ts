/**
 * Agency names (data/agencies.json): canonical full names, their aliases and
 * abbreviations, collective addressees, and the list form `Các Bộ: Nội vụ,
 * Giáo dục và Đào tạo` that names several ministries at once.
 */
import data from '../../data/agencies.json' with { type: 'json' };
import grammar from '../../data/agency-grammar.json' with { type: 'json' };
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
  /** The bodies the words stand for when they are several (`Gia Lai` after `Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh:`); else only `name`. */
  members?: string[];
}

/** The bodies a mention names: its members, or its one name. */
export const bodiesOf = (m: AgencyMention): string[] => m.members ?? [m.name];

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
const LIST_INTROS = data.listIntros.map((l) => ({ re: new RegExp(l.pattern, 'gu'), prefix: l.prefix, names: (l as { names?: string }).names }));

export function findAgencies(text: string): AgencyMention[] {
  const folded = foldName(text);
  const mentions: AgencyMention[] = [];
  let group = 0;
  for (const intro of LIST_INTROS) {
    for (const m of folded.matchAll(intro.re)) {
      if (mentions.some((x) => m.index! < x.end && m.index! + m[0].length > x.start)) continue;
      const prefix = intro.prefix.replace('$1', () => recaseCapitals(capitalise(m[1] ?? '')));
      const found =
        intro.names === 'open'
          ? openList(text, m.index! + m[0].length, m.index!, prefix)
          : intro.names === 'provinceOffices'
            ? officesInProvinces(text, folded, m.index! + m[0].length, m.index!, m[1])
            : namedList(text, folded, m.index! + m[0].length, m.index!, prefix, intro.names);
      group++;
      for (const mention of found) mentions.push({ ...mention, group });
    }
  }
  const candidates: AgencyMention[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(folded); m; m = MENTION.exec(folded)) {
    const entry = byForm.get(m[0])!;
    const written = modernUy(text.slice(m.index, m.index + m[0].length));
    candidates.push({ start: m.index, end: m.index + m[0].length, name: entry.collective ? capitalise(written) : entry.name, written, collective: entry.collective });
  }
  candidates.push(...grammarMentions(text, folded, candidates));
  // The longest reading of a stretch wins: `Sở Xây dựng tỉnh Gia Lai` over `tỉnh Gia Lai`.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const c of candidates) if (!mentions.some((x) => c.start < x.end && c.end > x.start)) mentions.push(c);
  return withReach(text, mentions.sort((a, b) => a.start - b.start)).map(canonicalSpelling);
}

/** A mention's name and members with each province in its canonical spelling (`… tỉnh Đăk Lăk` → `… tỉnh Đắk Lắk`). */
function canonicalSpelling(m: AgencyMention): AgencyMention {
  // foldName keeps length, so a match in the folded name is the same stretch of the name.
  const respell = (name: string) => {
    let out = name;
    for (const hit of [...foldName(name).matchAll(OTHER_SPELLING)].reverse()) out = out.slice(0, hit.index) + PROVINCE_NAME.get(hit[0]) + out.slice(hit.index + hit[0].length);
    return out;
  };
  const name = respell(m.name);
  const members = m.members?.map(respell);
  return name === m.name && members?.every((x, k) => x === m.members![k]) !== false ? m : { ...m, name, ...(members ? { members } : {}) };
}

/** Places right after a body's name, with no separator, are its reach (`Cục Thuế các tỉnh, thành phố trực thuộc Trung ương`): one body in each, not another body. */
function withReach(text: string, mentions: AgencyMention[]): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    if (last && !last.collective && m.collective && m.start === last.end + 1 && text[last.end] === ' ' && REACH.test(foldName(m.written))) {
      out[out.length - 1] = { ...last, end: m.end, name: `${last.name} ${m.written}`, written: `${last.written} ${m.written}` };
    } else out.push(m);
  }
  return out;
}

const foldedAlternation = (forms: readonly string[]) => [...new Set(forms.map(foldName))].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
/** `các tỉnh, thành phố …` after a name: where the body is. */
const REACH = new RegExp(`^các\\s+(?:${foldedAlternation(grammar.levels)})(?![\\p{L}\\p{N}])`, 'u');
const canonicalOf = (pairs: [string, string][]) => new Map(pairs.map(([form, name]) => [foldName(form), name]));
const LOCAL_BODY_NAME = canonicalOf([...grammar.localBodies.map((b): [string, string] => [b, b]), ...Object.entries(grammar.localBodyAbbreviations)]);
const SECTOR_NAME = canonicalOf([...grammar.sectors.map((s): [string, string] => [s, s]), ...Object.entries(grammar.sectorAbbreviations)]);
/** Every written form of a province's name with its canonical spelling. */
const PROVINCE_FORMS: [string, string][] = [...grammar.provinces.map((p): [string, string] => [p, p]), ...Object.entries(grammar.provinceSpellings)];
const PROVINCE_NAME = canonicalOf(PROVINCE_FORMS);
/** A province name written in another spelling (`Đăk Lăk`), at a word boundary. */
const OTHER_SPELLING = new RegExp(`(?<![\\p{L}])(?:${foldedAlternation(Object.keys(grammar.provinceSpellings))})(?![\\p{L}])`, 'gu');
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const SEP = '(?:\\s*,\\s*(?:và\\s+)?|\\s+và\\s+|\\s*-\\s*|\\s*\\/\\s*)';
/** Office holders before a body, several sharing it (`Giám đốc, Thủ trưởng các sở, ban ngành`). */
const OFFICE_HOLDER = `(?:${foldedAlternation(grammar.officeHolders)})`;
/** Office holders that stand alone before a comma and another office holder (`Bộ trưởng, Thủ trưởng cơ quan ngang bộ`: the ministers are a body of their own). */
const STANDALONE = `(?:${foldedAlternation(grammar.standaloneOfficeHolders)})(?=\\s*,\\s*${OFFICE_HOLDER}\\s)`;
const OFFICE = `(?:(?!${STANDALONE})${OFFICE_HOLDER}(?:\\s*,\\s*${OFFICE_HOLDER})*\\s+)?`;
const PROVINCE = `(?:${foldedAlternation(PROVINCE_FORMS.map(([form]) => form))})`;
const PLACE = `(?:${foldedAlternation(grammar.placeWords)})(?:\\s+${PROVINCE})?`;
/** `… các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng`: the provinces of a stretch of the country. */
const PROVINCE_RANGE = `\\s+từ\\s+${PROVINCE}\\s+đến\\s+${PROVINCE}`;
const LEVEL = `(?:các\\s+)?(?:${foldedAlternation(grammar.levels)})`;
const UNIT = `(?:${foldedAlternation(grammar.collectiveUnits)})`;
const TAILS = `(?:\\s+(?:${foldedAlternation(grammar.collectiveTails)}))*`;
/**
 * The grammar's readings, each with the canonical name it gives:
 * `Bộ/Sở + sector (+ place)`, `Ủy ban nhân dân + level or place`, a
 * province's body with its place, a province itself, `các + unit nouns`.
 */
const COLLECTIVE_SEP = '(?:\\s*,\\s*|\\s*-\\s*|\\s*/\\s*|\\s+và\\s+(?=địa phương))';
const RULES: { re: RegExp; name: (m: RegExpExecArray, written: string) => string; collective?: boolean; anyCase?: boolean; before?: RegExp }[] = [
  {
    re: new RegExp(`${B}(${OFFICE})(${foldedAlternation(grammar.sectorHeads)})\\s+(${foldedAlternation([...grammar.sectors, ...Object.keys(grammar.sectorAbbreviations)])})((?:\\s+${PLACE})?)${E}`, 'gu'),
    name: (m, w) => `${officeOf(w, m[1])}${capitalise(m[2])} ${SECTOR_NAME.get(m[3])}${placeOf(w, m[0].length - m[4].length)}`,
  },
  {
    re: new RegExp(`${B}(${OFFICE})(${foldedAlternation(grammar.localGovernment)})((?:\\s+(?:(?:${foldedAlternation(grammar.placeWords)})\\s+${PROVINCE}|${PROVINCE}|${LEVEL}(?:${SEP}${LEVEL})*(?:\\s+(?:${foldedAlternation(grammar.levelTails)}))?(?:${PROVINCE_RANGE})?))?)${E}`, 'gu'),
    // `xã / phường / thị trấn` is written with commas, as the levels are listed elsewhere.
    name: (m, w) => `${officeOf(w, m[1])}${(grammar.localGovernmentNames as Record<string, string>)[m[2]] ?? capitalise(w.slice(m[1].length, m[1].length + m[2].length))}${w.slice(m[1].length + m[2].length).replace(/\s*\/\s*/gu, ', ')}`,
  },
  {
    re: new RegExp(`${B}(${OFFICE})(${foldedAlternation([...grammar.localBodies, ...Object.keys(grammar.localBodyAbbreviations)])})((?:\\s+${PLACE})?)${E}`, 'gu'),
    name: (m, w) => `${officeOf(w, m[1])}${LOCAL_BODY_NAME.get(m[2])}${placeOf(w, m[0].length - m[3].length)}`,
  },
  // A province by its name, in any case: the name's capital marks it (`thành phố Đà Nẵng cần tập trung …`).
  { re: new RegExp(`${B}(tỉnh|thành phố|tp\\.?)\\s+(${PROVINCE})${E}`, 'gu'), name: (m) => `${m[1] === 'tỉnh' ? 'Tỉnh' : 'Thành phố'} ${PROVINCE_NAME.get(m[2])}`, anyCase: true },
  // `Các Cục Thuế`: a province's body in the plural, one in each province.
  { re: new RegExp(`${B}(?:các|những)\\s+(?:${foldedAlternation(grammar.localBodies)})${TAILS}${E}`, 'gu'), name: (m, w) => capitalise(w), collective: true, anyCase: true },
  // A new `các` starts a new collective (`các cấp ủy, tổ chức đảng, các cơ quan …` is two).
  { re: new RegExp(`${B}(${OFFICE})(?:các|những)\\s+${UNIT}(?:${COLLECTIVE_SEP}${UNIT})*${TAILS}${E}`, 'gu'), name: (m, w) => capitalise(w), collective: true, anyCase: true },
  { re: new RegExp(`${B}(${OFFICE})${UNIT}(?:${COLLECTIVE_SEP}${UNIT})+${TAILS}${E}`, 'gu'), name: (m, w) => capitalise(w), collective: true },
  // `Thủ trưởng cơ quan ngang bộ`, `Giám đốc sở`: an office holder over a kind of body, one in each.
  // It ends the phrase: before `, chính quyền các bộ …` the office holder is over a longer list, read as one collective.
  { re: new RegExp(`${B}${OFFICE_HOLDER}\\s+${UNIT}(?:${COLLECTIVE_SEP}${UNIT})*${TAILS}${E}`, 'gu'), name: (m, w) => capitalise(w), collective: true, before: /^(?!\s*,\s*\p{Ll})/u },
];
/** One pattern per head noun: `Ban` + `Quản lý …` must still be tried where `Ban Quản lý` + `dự án` is not followed by a capital. */
const NAMED_HEADS = grammar.namedHeads.map((h) => new RegExp(`${B}${escapeRegExp(foldName(h))}\\s+`, 'gu'));
const NAME_STOP = new RegExp(`^(?:${foldedAlternation(grammar.nameStops)})${E}`, 'u');

/** Mentions by the grammar; a head noun's open reading yields to a listed name that starts at the same place (`Văn phòng Chính phủ` in `Văn phòng Chính phủ công bố …`). */
function grammarMentions(text: string, folded: string, listed: readonly AgencyMention[]): AgencyMention[] {
  const listedStarts = new Set(listed.map((c) => c.start));
  const found: AgencyMention[] = [];
  const startsCapital = (at: number) => /\p{Lu}/u.test(text[at] ?? '');
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      // A name starts with a capital (`Công an tỉnh`, not `lực lượng công an`); a collective opens with `các` in any case.
      if (!rule.anyCase && !startsCapital(m.index)) continue;
      if (rule.before && !rule.before.test(text.slice(m.index + m[0].length))) continue;
      let end = m.index + m[0].length;
      if (rule.collective) {
        // `Bộ, ngành, địa phương, Bộ Nội vụ đã …`: a unit noun before a capitalised word heads the next name, not this list.
        const cut = /(?:\s*,\s*|\s+và\s+)\p{L}+$/u.exec(text.slice(m.index, end));
        if (cut && /^\s+\p{Lu}/u.test(text.slice(end)) && /^\p{Lu}/u.test(text.slice(m.index + cut.index + cut[0].search(/\p{L}/u)))) end = m.index + cut.index;
      }
      const written = modernUy(text.slice(m.index, end)).replace(/\s+/gu, ' ');
      found.push({ start: m.index, end, name: rule.name(m, written), written, collective: !!rule.collective });
    }
  }
  for (const m of folded.matchAll(STANDALONE_AT)) {
    if (startsCapital(m.index!)) found.push({ start: m.index!, end: m.index! + m[0].length, name: capitalise(text.slice(m.index!, m.index! + m[0].length)), written: text.slice(m.index!, m.index! + m[0].length), collective: false });
  }
  // `Cục Đường bộ Việt Nam`, `Vụ Công nghiệp nhẹ`: a head noun, then the name's words up to a verb or function word.
  const named = new Map<number, AgencyMention>();
  for (const head of NAMED_HEADS) {
    for (const m of folded.matchAll(head)) {
      if (listedStarts.has(m.index!) || !startsCapital(m.index!) || !/^(?:[\p{Lu}\p{N}]|ở\s+\p{Lu})/u.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 4))) continue;
      let end = nameEnd(text, folded, m.index! + m[0].length);
      if (end <= m.index! + m[0].length || (named.get(m.index!)?.end ?? 0) >= end) continue;
      // A name that holds a listed body's name ends where that name ends, commas and all, and carries it canonical
      // (`Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách`, `… Ủy ban KH,CN&MT`).
      const inner = listed.find((c) => !c.collective && c.start > m.index! && c.start < end && c.end > end);
      if (inner) end = inner.end;
      const written = modernUy(text.slice(m.index!, end)).replace(/\s+/gu, ' ');
      const name = spelledOut(inner ? `${modernUy(text.slice(m.index!, inner.start)).replace(/\s+/gu, ' ')}${inner.name}` : written);
      named.set(m.index!, { start: m.index!, end, name, written, collective: false });
    }
  }
  found.push(...named.values());
  return found;
}

/** `Trường THPT Cao Lãnh 2` is the Trường Trung học phổ thông Cao Lãnh 2: the abbreviations inside a proper name, written out. */
const NAME_ABBREVIATION = new RegExp(`(?<![\\p{L}])(?:${Object.keys(grammar.nameAbbreviations).map(escapeRegExp).join('|')})(?![\\p{L}])`, 'gu');
const spelledOut = (name: string) => name.replace(NAME_ABBREVIATION, (a) => (grammar.nameAbbreviations as Record<string, string>)[a]);

const STANDALONE_AT = new RegExp(`${B}${STANDALONE}`, 'gu');
const HEAD_AFTER = new RegExp(`^(?:${[...grammar.namedHeads, ...grammar.sectorHeads].map(escapeRegExp).join('|')})\\s+\\p{Lu}`, 'u');
const FIELD_LIST = /^(,\s+)(?=\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?(?:,\s+\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?)*\s+và\s+\p{Lu})/u;
/** Where a proper name that starts at `at` ends: capitalised words, numbers, and the lower-case syllables after them up to a stop word. */
function nameEnd(text: string, folded: string, at: number): number {
  const word = /[\p{L}\p{N}][\p{L}\p{N}&.]*/uy;
  let end = at;
  let pos = at;
  for (let words = 0; words < 12; words++) {
    // `Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam`: fields named in a comma list closed by `và` are one name.
    const fields = words ? FIELD_LIST.exec(text.slice(pos)) : null;
    const gap = fields ? fields[1] : (/^(?:\s+và\s+|\s*-\s*|\s+)/u.exec(text.slice(pos))?.[0] ?? '');
    const next = pos + (words ? gap.length : 0);
    if (words && !gap) break;
    // `Cục Hàng hải và Cục Hàng không`: `và` before a head noun joins two bodies, not two words of one name.
    if (/và/u.test(gap) && HEAD_AFTER.test(text.slice(next))) break;
    word.lastIndex = next;
    const w = word.exec(text);
    if (!w) break;
    const capital = /^[\p{Lu}\p{N}]/u.test(w[0]);
    // `và` joins only capitalised words: `Khoa học và Công nghệ`, not `… và các địa phương`; a dash also joins
    // the lower-case second half of a department's name (`Vụ Kế hoạch - tài chính`, `Vụ Pháp luật dân sự - kinh tế`).
    // `ở` joins a name to its place when a capital follows (`Tổ đảng ở Thường trực …`, `Cơ quan đại diện ở Nước ngoài`).
    const joinsPlace = w[0] === 'ở' && /^\s+[\p{Lu}]/u.test(text.slice(next + 1));
    if (!capital && !joinsPlace && (words === 0 || (gap.trim() && gap.trim() !== '-') || NAME_STOP.test(folded.slice(next)))) break;
    end = next + w[0].replace(/\.$/u, '').length;
    pos = end;
  }
  return end;
}

/** `Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam;`: each member up to the next comma, until the sentence ends. */
function openList(text: string, at: number, listStart: number, prefix: string): AgencyMention[] {
  const end = /[;.\n]|$/u.exec(text.slice(at))!.index + at;
  const found: AgencyMention[] = [];
  let pos = at;
  for (const part of text.slice(at, end).split(',')) {
    const lead = part.length - part.trimStart().length;
    const name = part.trim();
    if (name && /^[\p{Lu}\p{N}]/u.test(name)) found.push({ start: found.length ? pos + lead : listStart, end: pos + lead + name.length, name: prefix + name, written: name, collective: false });
    pos += part.length + 1;
  }
  return found;
}

/** Lists whose members are named without their head (`các tỉnh Nghệ An, Quảng Ngãi`, `các Sở: Tài chính, Nội vụ`). */
const shortTable = (forms: [string, string][]) => forms.map(([form, name]) => ({ folded: foldName(form), name })).sort((a, b) => b.folded.length - a.folded.length);
const SHORT_NAMES: Record<string, { folded: string; name: string }[]> = {
  provinces: shortTable(PROVINCE_FORMS),
  sectors: shortTable([...grammar.sectors.map((s): [string, string] => [s, s]), ...Object.entries(grammar.sectorAbbreviations)]),
};

// People's councils and committees carry their place, not a proper name, after the head (`Ủy ban nhân dân tỉnh …`).
const SELF_NAMED = new RegExp(`^(?:${foldName('ủy ban nhân dân')}|${foldName('hội đồng nhân dân')})`, 'u');

/**
 * A name read from a header's capitals (`ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP`)
 * in the case the genre writes it: the first word and the province capital,
 * the rest lower case, except the proper names a sector or place holds.
 */
export function recaseCapitals(name: string): string {
  if (name !== name.toUpperCase()) return name;
  let out = name.toLowerCase().replace(/^./u, (c) => c.toUpperCase());
  // A head noun's proper name starts with a capital (`TỔNG CỤC THUẾ` → `Tổng cục Thuế`).
  const head = NAMED_HEADS.map((re) => new RegExp(`^${re.source.slice(B.length)}`, 'u').exec(foldName(out))?.[0]).filter(Boolean).sort((a, b) => b!.length - a!.length)[0];
  if (head && !SELF_NAMED.test(foldName(out))) out = out.slice(0, head.length) + out.charAt(head.length).toUpperCase() + out.slice(head.length + 1);
  for (const [folded, proper] of [...PROVINCE_NAME, ...SECTOR_NAME].sort((a, b) => b[0].length - a[0].length)) {
    const at = foldName(out).indexOf(folded);
    if (at > 0 && !/\p{L}/u.test(out[at - 1]) && !/\p{L}/u.test(out[at + folded.length] ?? '')) out = out.slice(0, at) + proper + out.slice(at + folded.length);
  }
  return out.replace(/(?<![\p{L}])(?:chính phủ|việt nam|trung ương|quốc hội|đảng)(?![\p{L}])/gu, (w) => PROPER_WORDS[w] ?? w);
}

const PROPER_WORDS: Record<string, string> = { 'chính phủ': 'Chính phủ', 'việt nam': 'Việt Nam', 'trung ương': 'Trung ương', 'quốc hội': 'Quốc hội', đảng: 'Đảng' };

function officeOf(written: string, foldedOffice: string): string {
  return foldedOffice ? capitalise(written.slice(0, foldedOffice.length)) : '';
}

/** The place words after a name as written, the province in its canonical spelling. */
function placeOf(written: string, at: number): string {
  return written.slice(at).replace(/^\s+/u, ' ');
}

/**
 * The names after `Các Bộ:` or `Các cơ quan:` (`Nội vụ, Giáo dục và Đào tạo,
 * Văn phòng Chính phủ`): at each step the longest ministry short name or full
 * agency name. The first mention starts at the list's introduction.
 */
function namedList(text: string, folded: string, at: number, listStart: number, prefix: string, names?: string): AgencyMention[] {
  const found: AgencyMention[] = [];
  const table = names ? SHORT_NAMES[names] : MINISTRY_SHORT;
  let pos = at;
  for (;;) {
    MENTION.lastIndex = pos;
    const full = names ? null : MENTION.exec(folded);
    const short = table.find((s) => folded.startsWith(s.folded, pos) && !/[\p{L}]/u.test(folded[pos + s.folded.length] ?? ''));
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

const OFFICES = grammar.provinceOffices.map((o) => ({ ...o, folded: foldName(o.written) }));
const CITIES = new Set(grammar.cities);

/**
 * `Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và
 * Khánh Hòa`: each province named stands for each office in it, in a
 * centrally-run city under the city's titles (`Bí thư Thành ủy Đà Nẵng`).
 */
function officesInProvinces(text: string, folded: string, at: number, listStart: number, offices: string): AgencyMention[] {
  const held = OFFICES.filter((o) => offices.includes(o.folded));
  // A copy may break the list with a stray dash at a line start (`Gia Lai,\n- Đắk Lắk`).
  const provinces = namedList(text, folded.replace(/,\s*\n\s*-\s+/gu, (m) => `,${' '.repeat(m.length - 1)}`), at, listStart, '', 'provinces');
  return provinces.map((p) => ({ ...p, collective: false, members: held.map((o) => `${CITIES.has(p.name) ? o.city : o.province}${p.name}`), name: `${CITIES.has(p.name) ? held[0].city : held[0].province}${p.name}` }));
}

/** The forms a canonical name is written in (its aliases, a ministry's name without `Bộ`), folded, longest first; [] for a name the gazetteer does not list. */
export function aliasesOf(name: string): string[] {
  return [...(formsOf.get(name) ?? []), ...MINISTRY_SHORT.filter((s) => s.name === name).map((s) => s.folded)];
}
const formsOf = new Map<string, string[]>();
for (const e of entries) formsOf.set(e.name, [...(formsOf.get(e.name) ?? []), e.folded]);

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
