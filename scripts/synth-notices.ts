/**
 * Synthetic notices for scale tests: real letter items (`a) …` with their
 * sub-items) of the corpus's clean notices, regrouped under real point
 * headings, their agencies swapped for other agencies of the corpus and
 * their dates moved, under a new number and date. The same seed gives the
 * same notices.
 *
 *   tsx scripts/synth-notices.ts [--seed 1] [--count 100] --out DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../src/extract-file.ts';
import { canonicalAgency, findAgencies } from '../src/lang/gazetteer.ts';
import type { Clause } from '../src/doc/model.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Notices whose extraction matches their golden files; the OCR'd one is left out. */
const SOURCES = ['corpus/04-TB-BCDTW.txt', 'corpus/17-TB-CQTTBCD-phu-luc.txt'];
/** Swapped-in names are bodies, not the people or collectives the gazetteer also knows. */
const ORGANISATION = /^(Bộ|Ủy ban|Văn phòng|Ban|Viện|Đảng ủy|Hội đồng|Cơ quan|Tòa án|Viện kiểm sát|Kiểm toán|Ngân hàng|Thông tấn xã|Đài|Học viện|Đại học|Liên hiệp|Mặt trận|Tổng|Cục) /u;

export interface SynthOptions {
  /** @default 1 */
  readonly seed?: number;
  readonly count: number;
}

export interface SynthNotice {
  name: string;
  text: string;
}

interface Material {
  headings: string[];
  /** Letter items with their sub-items, as written after the marker. */
  items: string[];
  agencies: string[];
}

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const end = (c: Clause): number => Math.max(c.end, ...c.children.map(end));

async function gather(): Promise<Material> {
  const material: Material = { headings: [], items: [], agencies: [] };
  const agencies = new Set<string>();
  for (const source of SOURCES) {
    const doc = await extractFile(join(ROOT, source));
    const visit = (c: Clause) => {
      if (c.kind === 'point' && c.children.some((k) => k.kind === 'letter')) material.headings.push(doc.text.slice(c.start, c.end).replace(/\s+/g, ' ').trim());
      if (c.kind === 'letter') material.items.push(doc.text.slice(c.start, end(c)).trim());
      else c.children.forEach(visit);
    };
    visit(doc.root!);
    for (const t of doc.tasks!) for (const a of [...t.responsible, ...t.coordinating]) if (ORGANISATION.test(a) && canonicalAgency(a) === a) agencies.add(a);
  }
  material.agencies = [...agencies].sort();
  return material;
}

function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

/** Swap each named agency (the same one for the same name) and move every date. */
function rewrite(item: string, rng: () => number, m: Material, year: number): string {
  const swaps = new Map<string, string>();
  let out = '';
  let at = 0;
  for (const mention of findAgencies(item)) {
    if (mention.collective || canonicalAgency(mention.written) === null) continue;
    if (!swaps.has(mention.name)) swaps.set(mention.name, pick(rng, m.agencies));
    out += item.slice(at, mention.start) + swaps.get(mention.name);
    at = mention.end;
  }
  out += item.slice(at);
  const month = () => 1 + Math.floor(rng() * 12);
  const later = () => year + Math.floor(rng() * 2);
  return out
    .replace(/(\d{1,2})\/(\d{1,2})\/20\d\d/g, () => `${1 + Math.floor(rng() * 28)}/${month()}/${later()}`)
    .replace(/tháng (\d{1,2})\/20\d\d/g, () => `tháng ${month()}/${later()}`)
    .replace(/(quý [IV]+)\/20\d\d/g, (_, q: string) => `${q}/${later()}`)
    .replace(/năm 20\d\d/g, () => `năm ${later()}`);
}

function notice(index: number, seed: number, m: Material): SynthNotice {
  const rng = random(seed * 1_000_003 + index);
  const year = 2025 + Math.floor(rng() * 3);
  const [day, month] = [1 + Math.floor(rng() * 28), 1 + Math.floor(rng() * 12)];
  const number = `${index + 1}-TB/BCĐTH`;
  const points = Array.from({ length: 2 + Math.floor(rng() * 4) }, (_, p) => {
    const letters = Array.from({ length: 2 + Math.floor(rng() * 4) }, (_, l) => `${'abcdeg'[l]}) ${rewrite(pick(rng, m.items), rng, m, year)}`);
    return [`${p + 1}. ${pick(rng, m.headings)}`, ...letters].join('\n\n');
  });
  const text = [
    'BAN CHỈ ĐẠO TRUNG ƯƠNG',
    'VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,',
    'ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ',
    '',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    '',
    `Hà Nội, ngày ${day} tháng ${month} năm ${year}`,
    '',
    `Số ${number}`,
    '',
    'THÔNG BÁO',
    '',
    `KẾT LUẬN TẠI PHIÊN HỌP THỨ ${index + 1} CỦA BAN CHỈ ĐẠO`,
    '',
    'I- CÁC NHIỆM VỤ CẦN TẬP TRUNG THỰC HIỆN',
    '',
    points.join('\n\n'),
    '',
    'Nơi nhận:',
    '- Các thành viên Ban Chỉ đạo,',
    '- Lưu Ban Chỉ đạo.',
    '',
  ].join('\n');
  return { name: `synth-${seed}-${String(index + 1).padStart(5, '0')}.txt`, text };
}

export async function synthNotices(options: SynthOptions): Promise<SynthNotice[]> {
  const material = await gather();
  return Array.from({ length: options.count }, (_, i) => notice(i, options.seed ?? 1, material));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, count: { type: 'string', default: '100' }, out: { type: 'string' } } });
  if (!values.out) throw new Error('synth-notices: --out DIR is required');
  mkdirSync(values.out, { recursive: true });
  for (const n of await synthNotices({ seed: Number(values.seed), count: Number(values.count) })) writeFileSync(join(values.out, n.name), n.text);
}
