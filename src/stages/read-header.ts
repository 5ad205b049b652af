/**
 * read-header: số ký hiệu, kind, issuer, place and date, title and signer,
 * read from the lines above the body and the signature block below it.
 */
import type { Doc } from '../model.ts';
import { canonicalIssuer, issuerOfNumber, knownIssuer } from '../gazetteer.ts';
import kinds from '../../data/document-kinds.json' with { type: 'json' };
import agencies from '../../data/agencies.json' with { type: 'json' };
import { ADDRESSEES } from './segment.ts';

/** A document number: digits, a kind code, then the issuer's code (`20-TB/CQTTBCĐ`, `02-CTr/BCĐTW`). */
const NUMBER = /\b[Ss]ố:?\s*(\d+[A-Za-zĐđ0-9.]*-[\p{Lu}\p{Ll}0-9]+\/[\p{Lu}0-9][\p{Lu}\p{Ll}0-9-]*)/u;
const LONG_DATE = /(?:^|,\s*|\s)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const SHORT_DATE = /\bngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
/** The right column's motto, alone or merged after the left column's words. */
const MOTTO_AT_END = /(?:^|\s+)(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)$/u;

export function readHeader(doc: Doc): Doc {
  const lines = doc.text.split('\n');
  const bodyAt = lines.findIndex((line) => line.length > 200 || /^([IVX]{1,5}\s*[.\-]\s|1\.\s|Điều 1\b)/u.test(line));
  const head = lines.slice(0, bodyAt < 0 ? Math.min(lines.length, 20) : bodyAt);
  const headText = head.join('\n');

  const number = NUMBER.exec(headText)?.[1] ?? null;
  const long = LONG_DATE.exec(headText);
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

  const issuerLines = head
    .slice(0, kindIndex >= 0 ? kindIndex : head.length)
    .map(leftColumn)
    .filter((line) => line && !NUMBER.test(line));
  const attachedTo = /\(Kèm theo[^()]*?\bcủa\s+([^()]+?)\s*\)/u.exec(headText)?.[1] ?? /của\s+(.+?)\)?$/mu.exec(headText)?.[1] ?? '';
  const issuer = issuingBody(issuerLines) ?? canonicalIssuer(issuerLines.join(' ')) ?? canonicalIssuer(attachedTo) ?? (number && issuerOfNumber(number));

  return { ...doc, header: { number, kind, issuer, issuedAt, place, title, signer: readSigner(doc), addressees: [] } };
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
