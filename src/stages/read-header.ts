/**
 * read-header: số ký hiệu, kind, issuer, place and date, title and signer,
 * read from the lines above the body and the signature block below it.
 */
import type { Doc } from '../doc/model.ts';
import { bodiesOf, canonicalIssuer, findAgencies, foldName, issuerOfNumber, knownIssuer, recaseCapitals } from '../lang/gazetteer.ts';
import kinds from '../../data/document-kinds.json' with { type: 'json' };
import kindCodes from '../../data/kind-codes.json' with { type: 'json' };
import agencies from '../../data/agencies.json' with { type: 'json' };
import { ADDRESSEES } from '../doc/clauses.ts';

/**
 * A document number after `Số:` (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
 * number, then the codes of kind and issuer joined by `/` and `-` —
 * `617/KH-UBND`, `11554/VPCP-V.I` (a Công văn: the issuer and its unit),
 * the Party's `20-TB/CQTTBCĐ`; a draft leaves the number blank (`/NQ-CP`).
 */
const NUMBER = /(?<![\p{L}])Số\s*:?\s*(\d*(?:[-/][\p{Lu}\p{Ll}0-9.&]+)+)/u;
/** An appendix names its notice: `(Kèm theo Thông báo số 17-TB/CQTTBCĐ …)`. */
const ATTACHED_NUMBER = /Kèm theo\s+\p{L}+(?:\s\p{L}+)?\s+số\s+(\d+(?:[-/][\p{Lu}\p{Ll}0-9.&]+)+)/u;
const LONG_DATE = /(?:^|,\s*|\s)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const SHORT_DATE = /\bngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
/** The motto's words, whichever lines a layout broke them over. */
const MOTTO_WORDS = /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc/gu;
/** The right column's motto, alone or merged after the left column's words. */
const MOTTO_AT_END = /(?:^|\s+)(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)$/u;

/** What a cited document's date follows on its line: its number (`văn bản số 2600/TTg-KTTH ngày …`), or the act it dates (`được Quốc hội thông qua ngày …`). */
const CITED_BEFORE = /\d+\s*[/-]\s*\p{L}[^\n]{0,40}$|(?:thông qua|ban hành|hiệu lực từ|hiệu lực kể từ)\s*$/u;

/**
 * The issue date: the first long date that is not a cited document's (a
 * title `… tại văn bản số 2600/TTg-KTTH ngày 30 tháng 12 năm 2009`); an
 * appendix's `(Kèm theo Thông báo số … ngày …)` is its notice's date and counts.
 */
function issueDate(headText: string): RegExpExecArray | null {
  const all = new RegExp(LONG_DATE.source, 'gu');
  for (let m = all.exec(headText); m; m = all.exec(headText)) {
    const before = headText.slice(Math.max(0, m.index - 60), m.index + m[0].indexOf('ngày'));
    const line = before.slice(before.lastIndexOf('\n') + 1);
    if (!CITED_BEFORE.test(line) || /Kèm theo/u.test(line)) return m;
  }
  return null;
}

export function readHeader(doc: Doc): Doc {
  const lines = doc.text.split('\n');
  const bodyAt = lines.findIndex((line) => line.length > 200 || /^([IVX]{1,5}\s*[.\-]\s|1\.\s|Điều 1\b)/u.test(line));
  const head = lines.slice(0, bodyAt < 0 ? Math.min(lines.length, 20) : bodyAt);
  const headText = head.join('\n');

  const written = (NUMBER.exec(headText) ?? ATTACHED_NUMBER.exec(headText))?.[1]?.replace(/\.$/u, '') ?? null;
  const number = written && written.includes('/') ? written : null;
  const long = issueDate(headText);
  // An appendix carries its notice's date in `(Kèm theo Thông báo số … ngày 29/12/2025 …)`; elsewhere a short date is a period, not the issue date.
  const short = long ? null : SHORT_DATE.exec(head.find((line) => /Kèm theo/u.test(line)) ?? '');
  const d = long ?? short;
  const issuedAt = d ? isoDate(Number(d[3]), Number(d[2]), Number(d[1])) : null;
  const place = long ? /(?:^|\s)([\p{Lu}][\p{L} .]*?),\s*ngày\s+\d/u.exec(headText)?.[1]?.replace(/^.*\b(?=(?:Hà Nội|TP\.|Thành phố))/u, '').trim() ?? null : null;

  const kindIndex = head.findIndex((line) => kinds.some((k) => line.trim() === k || line.trim().startsWith(`${k} `)));
  let kind: string | null = null;
  let title: string | null = null;
  if (kindIndex >= 0) {
    kind = kinds.find((k) => head[kindIndex].trim().startsWith(k)) ?? null;
    const rest = head[kindIndex].trim().slice(kind!.length).trim();
    const titleLines = rest ? [rest] : [];
    for (const line of head.slice(kindIndex + 1)) {
      // The title ends at a blank line, or where a report turns to its addressees (`Kính gửi:`).
      if (!line.trim() || line.length > 200 || ADDRESSEES.test(line)) break;
      titleLines.push(line.trim());
    }
    title = titleLines.join(' ') || null;
  } else {
    const attached = /Kèm theo\s+(\p{L}+(?:\s\p{Ll}+)?)\s+số/u.exec(headText);
    if (attached) kind = kinds.find((k) => k === attached[1].toUpperCase()) ?? null;
    const first = head.find((line) => line.trim() && !/^(PHỤ LỤC|Phụ lục)$/u.test(line.trim()) && !/^\(/.test(line));
    title = first?.trim() ?? null;
  }

  kind ??= kindOfNumber(number, headText) ?? kindOfTitle(head);
  // The left column's lines, with the motto taken out wherever a narrow or merged layout put its words.
  const numberAt = head.findIndex((line) => NUMBER.test(line));
  const above = head.slice(0, Math.min(...[kindIndex, numberAt, head.length].filter((i) => i >= 0)));
  const issuerLines = above
    .join('\n')
    .replace(MOTTO_WORDS, '\n')
    .split('\n')
    .map((line) => leftColumn(line.replace(/^#+\s*|[*_]+/gu, '')))
    .filter((line) => line && !/^-+$/u.test(line));
  const attachedTo = /\(Kèm theo[^()]*?\bcủa\s+([^()]+?)\s*\)/u.exec(headText)?.[1] ?? /của\s+(.+?)\)?$/mu.exec(headText)?.[1] ?? '';
  const issuer = issuingBody(issuerLines) ?? canonicalIssuer(issuerLines.join(' ')) ?? namedBody(issuerLines) ?? canonicalIssuer(attachedTo) ?? (number && issuerOfNumber(number));

  return { ...doc, header: { number, kind, issuer, issuedAt, place, title, signer: readSigner(doc), addressees: readAddressees(lines, head.length) } };
}

/** The kind a number's code names (`/CT-`, `/KH-`); a `V/v` subject under a number whose code is the issuer's own (`4240/UBND-VX`), or under a number OCR destroyed, is a Công văn's. */
function kindOfNumber(number: string | null, headText: string): string | null {
  // The kind's code comes right after the number (`617/KH-UBND`, `20-TB/CQTTBCĐ`); in `4800/TCT-TTr` it is the issuer's, and `TTr` its unit.
  const code = number?.split(/[-/]/u)[1];
  const byCode = kindCodes.codes as Record<string, string>;
  if (code && byCode[code]) return byCode[code];
  return /(?<![\p{L}])V\/v(?![\p{L}])/u.test(headText) ? 'CÔNG VĂN' : null;
}

/** A copy that lost its header still opens with its title, kind word first in sentence case (`Chỉ thị về …`, `Thông báo kết luận …`). */
function kindOfTitle(head: string[]): string | null {
  const first = head.find((line) => line.trim())?.trim().toUpperCase() ?? '';
  return kinds.find((k) => first.startsWith(`${k} `)) ?? null;
}

/**
 * The issuing body named by the genre's grammar (`ỦY BAN NHÂN DÂN / TỈNH
 * ĐỒNG THÁP`, `BỘ TÀI CHÍNH / TỔNG CỤC THUẾ`): the longest run of the left
 * column's last lines that one name covers whole; under a parent body the
 * lower line issues.
 */
function namedBody(lines: string[]): string | null {
  for (let k = lines.length - 1; k >= 0; k--) {
    const own = lines.slice(k).join(' ').replace(/[*_|]+|\s-+\s/gu, ' ').replace(/\s+/gu, ' ').trim();
    const mention = findAgencies(own).find((m) => m.start === 0 && m.end >= own.replace(/[\s.]+$/u, '').length);
    // `TỈNH ĐỒNG THÁP` under `ỦY BAN NHÂN DÂN` is the body's place, not a body.
    if (mention && !BARE_PLACE.test(foldName(mention.name))) return recaseCapitals(mention.name);
  }
  return null;
}
const BARE_PLACE = /^(?:tỉnh|thành phố)\s/u;

/**
 * `Kính gửi: …` (a Công văn) or `… điện:` (a Công điện): the bodies on its
 * lines, each line's names split by the gazetteer, up to the first line that
 * is not an addressee; `Đồng kính gửi` (copied for information) is not one.
 */
function readAddressees(lines: string[], headLength: number): string[] {
  const opens = lines.slice(0, headLength + 1).findIndex((line) => /^(?:[-•]\s*)?Kính gửi\s*:?|(?<![\p{L}])điện\s*:\s*$/u.test(line.trim()));
  if (opens < 0) return [];
  const first = lines[opens].trim().replace(/^.*?(?:Kính gửi\s*:?|điện\s*:)\s*/u, '');
  const items: string[] = [];
  if (first) items.push(first);
  for (const line of lines.slice(opens + 1, opens + 40)) {
    if (!/^[-•+]\s*/u.test(line.trim())) break;
    const item = line.trim().replace(/^[-•+]\s*/u, '');
    // A line ending in a comma was broken mid-list (`… các tỉnh: Gia Lai,` / `- Đắk Lắk và Khánh Hòa;`): it goes on.
    if (items.length && items[items.length - 1].endsWith(',')) items[items.length - 1] += ` ${item}`;
    else items.push(item);
  }
  const names: string[] = [];
  for (const item of items) {
    // An addressee line ends at its `;` or `.`; a title after ` - ` (`Bộ trưởng Bộ Tài chính - Phó Trưởng ban …`) is not another body.
    const words = item.split(/[;.](?:\s|$)/u)[0].split(/\s+-\s+(?=(?:Phó|Trưởng|Chủ tịch|Ủy viên|Thành viên|Thường trực)\s)/u)[0].trim();
    // Words between the gazetteer's names (`Bộ trưởng, Thủ trưởng cơ quan ngang bộ`) are a name of their own.
    // Words that run straight into a name (`Chánh` + `Văn phòng …`) are its title.
    let at = 0;
    for (const m of [...findAgencies(words), { start: words.length, end: words.length, name: '', written: '', collective: false }]) {
      const raw = words.slice(at, m.start);
      const gap = raw.replace(/^[\s,;:]+|[\s,;:]+$|^và\s+|\s+và$/gu, '').replace(/^và$/u, '');
      const title = m.name && gap && !/(?:[,;:]|\svà)\s*$/u.test(raw);
      // A long run of words is the letter's first sentence, merged into the line: the addressees end there.
      if (gap.length > 80 || /(?<![\p{L}])(?:của|tại|về|có|để|theo|xét)(?![\p{L}])/iu.test(gap)) break;
      if (/\p{L}{2}/u.test(gap) && !title) names.push(gap.charAt(0).toUpperCase() + gap.slice(1));
      if (m.name) names.push(...(title ? [`${gap} ${m.name}`] : bodiesOf(m)));
      at = m.end;
    }
  }
  return [...new Set(names)];
}

/**
 * The header block's left column, as capitals: a scan or a PDF merges it with
 * the right column on one line (`BAN CHỈ ĐẠO TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT
 * NAM`, `ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ Hà Nội, ngày 16 tháng 3 năm
 * 2026`): the place and date are the first words not in capitals, the motto
 * stands at the end.
 */
function leftColumn(line: string): string {
  const words = line.trim().split(/\s+/u);
  const caps = words.findIndex((w) => !isAllCaps(w) && /\p{L}/u.test(w));
  return (caps < 0 ? words : words.slice(0, caps)).join(' ').replace(MOTTO_AT_END, '').trim();
}

/**
 * The issuing body of a Party document's header: the body named last, under
 * the body above it (`BAN CHẤP HÀNH TRUNG ƯƠNG / BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ
 * …`). When it names that body by a short form (`BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ
 * PHÁT TRIỂN … / CƠ QUAN THƯỜNG TRỰC BAN CHỈ ĐẠO`), the short form stands for
 * the full name above.
 */
function issuingBody(lines: string[]): string | null {
  for (let k = lines.length - 1; k >= 0; k--) {
    const own = lines.slice(k).join(' ');
    const above = lines.slice(0, k).join(' ');
    const expanded = above ? expandShortForm(own, above) : null;
    const found = (expanded && knownIssuer(expanded)) ?? knownIssuer(own);
    if (found) return found;
  }
  return null;
}

/** `CƠ QUAN THƯỜNG TRỰC BAN CHỈ ĐẠO` under `BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ …`: its last words begin the name above, so they stand for all of it. */
function expandShortForm(own: string, above: string): string | null {
  const words = own.split(' ');
  const aboveWords = above.split(' ');
  for (let n = Math.min(words.length - 1, aboveWords.length - 1); n >= 2; n--) {
    const tail = words.slice(words.length - n);
    if (tail.every((w, i) => w === aboveWords[i])) return [...words.slice(0, words.length - n), ...aboveWords].join(' ');
  }
  return null;
}

const NAME = `(?:${agencies.surnames.join('|')})(?:\\s\\p{Lu}\\p{Ll}*){1,3}`;
/** A signer's name merged into a recipients line by a two-column layout: `- Đảng ủy Công an Trung ương, Phạm Gia Túc`. */
const MERGED_NAME = new RegExp(`,\\s+(?:\\S\\s+)?(${NAME})$`, 'u');

/**
 * The signer's name is the last Title Case line of the signature block, which
 * stands in the recipients block segment found (`Nơi nhận` up to an appendix),
 * else in the last lines; a two-column layout may have merged the name into a
 * recipients line.
 */
function readSigner(doc: Doc): string | null {
  const block = doc.root?.children.find((c) => c.kind === 'recipients');
  const lines = block ? doc.text.slice(block.start, block.end).split('\n') : doc.text.split('\n').slice(-12);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (/^(\p{Lu}\p{Ll}+)(\s\p{Lu}\p{Ll}*){1,4}$/u.test(line)) return line;
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const merged = MERGED_NAME.exec(lines[i].trim());
    if (merged) return merged[1];
  }
  return null;
}

function isAllCaps(line: string): boolean {
  return /\p{L}{2}/u.test(line) && line === line.toUpperCase();
}

export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
