/**
 * read-header: số ký hiệu, kind, issuer, place and date, title and signer,
 * read from the lines above the body and the signature block below it.
 */
import type { Doc } from '../model.ts';
import type { DocumentHeader } from '../schema.ts';
import { canonicalIssuer } from '../gazetteer.ts';
import kinds from '../../data/document-kinds.json' with { type: 'json' };

/** A document number: digits, a kind code, then the issuer's code (`20-TB/CQTTBCĐ`, `02-CTr/BCĐTW`). */
const NUMBER = /\b[Ss]ố:?\s*(\d+[A-Za-zĐđ0-9.]*-[\p{Lu}\p{Ll}0-9]+\/[\p{Lu}0-9][\p{Lu}\p{Ll}0-9-]*)/u;
const LONG_DATE = /(?:^|,\s*|\s)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const SHORT_DATE = /\bngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const MOTTO = /^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc)/u;

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
      if (!line.trim() || line.length > 200) break;
      titleLines.push(line.trim());
    }
    title = titleLines.join(' ') || null;
  } else {
    const attached = /Kèm theo\s+(\p{L}+(?:\s\p{Ll}+)?)\s+số/u.exec(headText);
    if (attached) kind = kinds.find((k) => k === attached[1].toUpperCase()) ?? null;
    const first = head.find((line) => line.trim() && !/^(PHỤ LỤC|Phụ lục)$/u.test(line.trim()) && !/^\(/.test(line));
    title = first?.trim() ?? null;
  }

  const issuerLines = head.slice(0, kindIndex >= 0 ? kindIndex : head.length).filter((line) => isAllCaps(line) && !MOTTO.test(line) && !NUMBER.test(line) && !LONG_DATE.test(line));
  const issuer = canonicalIssuer(issuerLines.join(' ')) ?? canonicalIssuer(/của\s+(.+?)\)?$/mu.exec(headText)?.[1] ?? '');

  return { ...doc, header: { number, kind, issuer, issuedAt, place, title, signer: readSigner(lines) } };
}

/** The signer's name is the last Title Case line of the signature block. */
function readSigner(lines: string[]): string | null {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
    const line = lines[i].trim();
    if (/^(\p{Lu}\p{Ll}+)(\s\p{Lu}\p{Ll}*){1,4}$/u.test(line)) return line;
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
