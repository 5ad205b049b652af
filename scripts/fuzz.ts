/**
 * Fuzzing `chidao extract` with hostile and damaged files: from a fixed seed,
 * mutants of corpus files and of a PDF, a scanned PDF, a .docx and a page
 * image made here (truncations, byte flips, oversize headers, zip bombs,
 * deep nesting, huge lines, mixed encodings), each run as a new user would,
 * `chidao extract FILE -o OUT`, in a child process under a time limit.
 *
 * Each case must: exit 0 or 2; print no stack trace; leave no output file
 * (and no temporary one) on failure, and an existing one unchanged; peak at
 * most 1.5 GiB (GNU time's maximum resident set); end within the time limit.
 *
 *   npm run fuzz                 the long run (the README's table)
 *   npm run fuzz -- --short      a seeded run under a minute, for CI
 *   npm run fuzz -- --seed 7 --family pdf --cases 40 --keep
 *
 * Exits 1 when any case breaks a rule, listing those cases.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crc32, createDeflateRaw } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { DEJAVU_SERIF, imagePdf, textPdf } from '../test/fixtures/pdf-writer.ts';
import { encodeTcvn3 } from '../test/fixtures/legacy-encode.ts';
import { makeDocx, seedText } from '../test/fixtures/make.ts';
import { deflated, zipDeflated } from '../test/fixtures/zip-writer.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const GiB = 1024 ** 3;
const MAX_RSS = 1.5 * GiB;

interface Case {
  family: string;
  name: string;
  ext: string;
  bytes: Buffer;
}

interface Outcome {
  c: Case;
  kind: 'success' | 'clean error' | 'crash' | 'hang';
  code: number | null;
  peak: number;
  seconds: number;
  problems: string[];
  stderr: string;
}

/** mulberry32: a small seeded generator, so a run is the same run everywhere. */
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

class Mutator {
  constructor(readonly rng: () => number) {}
  int(n: number): number {
    return Math.floor(this.rng() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  truncate(b: Buffer): Buffer {
    return b.subarray(0, 1 + this.int(b.length - 1));
  }
  flip(b: Buffer, n: number, from = 0): Buffer {
    const out = Buffer.from(b);
    for (let i = 0; i < n; i++) out[from + this.int(out.length - from)] = this.int(256);
    return out;
  }
  /** A run of another encoding's bytes (TCVN3, Latin-1, stray UTF-8 lead bytes) spliced in. */
  mixEncoding(b: Buffer, text: string): Buffer {
    const at = this.int(b.length);
    const junk = this.pick([encodeTcvn3(text.slice(0, 400)), Buffer.from(text.slice(0, 400), 'latin1'), Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0xff, 0xfe])]);
    return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
  }
}

/** A page of the seed text drawn as an image, for the OCR path (a scan, with no Debian tool). */
function pageImage(text: string): { png: Buffer; jpeg: Buffer } {
  GlobalFonts.registerFromPath(DEJAVU_SERIF, 'DejaVu Serif');
  const canvas = createCanvas(1240, 1754);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#000';
  g.font = '24px "DejaVu Serif"';
  const words = text.split(/\s+/);
  let line = '';
  let y = 120;
  for (const word of words) {
    if (g.measureText(`${line} ${word}`).width > 1040 && line) {
      g.fillText(line, 100, y);
      line = word;
      if ((y += 38) > 1650) break;
    } else line = line ? `${line} ${word}` : word;
  }
  return { png: canvas.toBuffer('image/png'), jpeg: canvas.toBuffer('image/jpeg', 80) };
}

/** A document.xml that inflates to `megabytes` MiB of one repeated paragraph, deflated a MiB at a time so the harness never holds it. */
async function docxBomb(megabytes: number): Promise<Buffer> {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraph = '<w:p><w:r><w:t>1. Giao Bộ Tài chính chủ trì.</w:t></w:r></w:p>';
  const chunk = Buffer.from(paragraph.repeat(Math.ceil((1 << 20) / paragraph.length)));
  const head = Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end(tail);
  crc = crc32(tail, crc);
  await done;
  return zipDeflated([{ name: 'word/document.xml', deflated: Buffer.concat(parts), size: head.length + chunk.length * megabytes + tail.length, crc }]);
}

/** Builds each large fixed input once, however many cases use it. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Every case of a run: `scale` 1 for the long run; the short run takes a few of each family. */
async function cases(seed: number, perFamily: number, dir: string): Promise<Case[]> {
  const m = new Mutator(random(seed));
  const text = seedText();
  const corpus = ['04-TB-BCDTW.txt', '19-BC-CQTTBCD.md', 'B-44-tb641-vpcp-2025-da-nang.txt', 'B-32-cv11554-vpcp-2025-buon-lau.txt'].map((f) => ({ f, bytes: readFileSync(join(ROOT, 'corpus', f)) }));
  // Two pages: a damaged text layer sends every page to OCR, and a bigger seed would measure OCR's speed, not its robustness.
  const pdf = textPdf(text.slice(0, 4000), { header: 'BAN CHỈ ĐẠO TRUNG ƯƠNG', footer: 'Trang {page}' });
  const image = pageImage(text);
  const scan = imagePdf([image.jpeg, image.jpeg], 150);
  const docx = readFileSync(makeDocx(join(dir, 'seed.docx'), text.split('\n').filter((l) => l.trim()).map((l, i) => [i % 7 === 0 ? 0 : null, l])));
  const bomb1g = await docxBomb(1024);
  const bomb200m = await docxBomb(200);
  const oneLine = once(() => Buffer.from(repeatTo(text.replace(/\s+/g, ' '), 10_000_000)));
  const huge = once(() => Buffer.from(repeatTo(`${text}\n`, 48_000_000)));
  const out: Case[] = [];
  const add = (family: string, name: string, ext: string, bytes: Buffer) => out.push({ family, name, ext, bytes });
  const each = (family: string, make: ((i: number) => [string, string, Buffer])[]) => {
    for (let i = 0; i < perFamily; i++) add(family, ...make[i % make.length](i));
  };

  each('text', [
    () => { const s = m.pick(corpus); return [`${s.f} truncated`, s.f.slice(-3), m.truncate(s.bytes)]; },
    () => { const s = m.pick(corpus); return [`${s.f} 50 bytes flipped`, s.f.slice(-3), m.flip(s.bytes, 50)]; },
    () => { const s = m.pick(corpus); return [`${s.f} 5 bytes flipped`, s.f.slice(-3), m.flip(s.bytes, 5)]; },
    () => { const s = m.pick(corpus); return [`${s.f} mixed encodings`, s.f.slice(-3), m.mixEncoding(s.bytes, text)]; },
    () => { const s = m.pick(corpus); return [`${s.f} with NUL bytes`, 'txt', Buffer.concat([s.bytes, Buffer.alloc(1 + m.int(64))])]; },
    () => { const s = m.pick(corpus); return [`${s.f} as UTF-16LE, odd length`, 'txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.bytes.toString('utf8'), 'utf16le'), Buffer.from([0x41])])]; },
  ]);
  each('huge', [
    () => ['one 900,000-character line', 'txt', Buffer.from(repeatTo(text.replace(/\s+/g, ' '), 900_000))],
    () => ['one 10 MB line', 'txt', oneLine()],
    () => ['48 MB of text', 'txt', huge()],
    () => ['2,000,000 blank lines', 'txt', Buffer.from(`1. Giao Bộ Tài chính chủ trì.${'\n'.repeat(2_000_000)}`)],
    () => ['one clause of 40,000 verbs without an object', 'txt', Buffer.from(`1. Giao Bộ Tài chính ${'xây dựng '.repeat(40_000)}.\n`)],
    () => ['100,000 one-letter clauses', 'txt', Buffer.from(Array.from({ length: 100_000 }, (_, i) => `${(i % 99) + 1}. Giao Bộ ${i} chủ trì.`).join('\n'))],
  ]);
  each('html', [
    () => ['100,000 nested divs', 'html', Buffer.from(`<html><body>${'<div>'.repeat(100_000)}1. Giao Bộ Tài chính chủ trì.${'</div>'.repeat(100_000)}</body></html>`)],
    () => ['100,000 unclosed <b>', 'html', Buffer.from(`<html><body><p>${'<b>x '.repeat(100_000)}</p></body></html>`)],
    () => ['300 nested divs around the notice', 'html', Buffer.from(`<html><body>${'<div>'.repeat(300)}${text.split('\n').map((l) => `<p>${l}</p>`).join('')}${'</div>'.repeat(300)}</body></html>`)],
    () => ['notice page truncated', 'html', m.truncate(Buffer.from(`<!doctype html><html><body><article>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</article></body></html>`))],
    () => ['a million entities', 'html', Buffer.from(`<html><body><p>${'&amp;&#x1F600;&nbsp;'.repeat(350_000)}</p></body></html>`)],
  ]);
  each('markdown', [
    () => ['10,000 nested quotes', 'md', Buffer.from(`# Thông báo\n\n${'>'.repeat(10_000)} 1. Giao Bộ Tài chính chủ trì.\n`)],
    () => ['5,000 nested list items', 'md', Buffer.from(`# Thông báo\n\n${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- Giao Bộ ${i}.`).join('\n')}\n`)],
    () => ['50,000 unclosed emphasis marks', 'md', Buffer.from(`# Thông báo\n\n**${'*_'.repeat(50_000)} 1. Giao Bộ Tài chính.\n`)],
    () => ['20,000 nested links', 'md', Buffer.from(`# Thông báo\n\n${'['.repeat(20_000)}x${'](y)'.repeat(20_000)}\n`)],
  ]);
  each('pdf', [
    () => ['50 bytes flipped', 'pdf', m.flip(pdf, 50, 16)],
    () => ['500 bytes flipped', 'pdf', m.flip(pdf, 500, 16)],
    () => ['truncated', 'pdf', m.truncate(pdf)],
    () => ['truncated, %%EOF kept', 'pdf', Buffer.concat([m.truncate(pdf), Buffer.from('\n%%EOF\n')])],
    () => ['page box 10^6 points', 'pdf', Buffer.from(pdf.toString('latin1').replace(/\/MediaBox\s*\[[^\]]*\]/g, '/MediaBox [0 0 1000000 1000000]'), 'latin1')],
    () => ['page box 1 point', 'pdf', Buffer.from(pdf.toString('latin1').replace(/\/MediaBox\s*\[[^\]]*\]/g, '/MediaBox [0 0 1 1]'), 'latin1')],
    () => ['/Count 10^7', 'pdf', Buffer.from(pdf.toString('latin1').replace(/\/Count\s+\d+/, '/Count 10000000'), 'latin1')],
  ]);
  each('scan', [
    () => ['scanned PDF, 50 bytes flipped', 'pdf', m.flip(scan, 50, 16)],
    () => ['scanned PDF, image stream cut', 'pdf', Buffer.concat([m.truncate(scan), Buffer.from('\n%%EOF\n')])],
    () => ['scanned PDF, page box 1 point', 'pdf', Buffer.from(scan.toString('latin1').replace(/\/MediaBox\s*\[[^\]]*\]/g, '/MediaBox [0 0 1 1]'), 'latin1')],
    () => ['scanned PDF, image claims 30,000 px', 'pdf', Buffer.from(scan.toString('latin1').replace(/\/Width\s+\d+/g, '/Width 30000').replace(/\/Height\s+\d+/g, '/Height 30000'), 'latin1')],
  ]);
  each('image', [
    () => ['PNG truncated', 'png', m.truncate(image.png)],
    () => ['PNG 50 bytes flipped', 'png', m.flip(image.png, 50, 33)],
    () => ['PNG header claims 30,000 × 30,000', 'png', withPngSize(image.png, 30_000, 30_000)],
    () => ['PNG header claims 1 × 1', 'png', withPngSize(image.png, 1, 1)],
    () => ['JPEG truncated', 'jpg', m.truncate(image.jpeg)],
    () => ['JPEG header claims 60,000 × 60,000', 'jpg', withJpegSize(image.jpeg, 60_000, 60_000)],
    () => ['TIFF header claims 100,000 × 100,000', 'tif', tiffHeader(100_000, 100_000)],
    () => ['TIFF header only', 'tif', Buffer.from([0x49, 0x49, 0x2a, 0x00])],
  ]);
  each('docx', [
    () => ['document.xml inflates to 1 GB', 'docx', bomb1g],
    () => ['document.xml inflates to 200 MB', 'docx', bomb200m],
    () => ['5,000 entries', 'docx', zipDeflated([deflated('word/document.xml', '<w:document/>'), ...Array.from({ length: 5000 }, (_, i) => deflated(`word/media/${i}.xml`, '<a/>'))])],
    () => ['XML nested 100,000 deep', 'docx', deepDocx()],
    () => ['truncated', 'docx', m.truncate(docx)],
    () => ['50 bytes flipped', 'docx', m.flip(docx, 50)],
    () => ['central directory points past the end', 'docx', pointPastEnd(docx)],
  ]);
  return out;
}

function repeatTo(s: string, length: number): string {
  return s.repeat(Math.ceil(length / s.length)).slice(0, length);
}

function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

function withJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i + 9 < out.length && out[i] === 0xff; i += 2 + out.readUInt16BE(i + 2)) {
    if (out[i + 1] === 0xc0 || out[i + 1] === 0xc2) {
      out.writeUInt16BE(Math.min(height, 65535), i + 5);
      out.writeUInt16BE(Math.min(width, 65535), i + 7);
      break;
    }
  }
  return out;
}

/** A little-endian TIFF whose first image claims this size and holds no pixels. */
function tiffHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  b.write('II*\0', 0, 'latin1');
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(2, 8);
  [[256, width], [257, height]].forEach(([tag, value], i) => {
    const e = 10 + i * 12;
    b.writeUInt16LE(tag, e);
    b.writeUInt16LE(4, e + 2);
    b.writeUInt32LE(1, e + 4);
    b.writeUInt32LE(value, e + 8);
  });
  return b;
}

function deepDocx(): Buffer {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const xml = Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>${'<w:sdt><w:sdtContent>'.repeat(50_000)}<w:p><w:r><w:t>1. Giao.</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(50_000)}</w:body></w:document>`);
  return zipDeflated([deflated('word/document.xml', xml)]);
}

function pointPastEnd(docx: Buffer): Buffer {
  const out = Buffer.from(docx);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const at = out.readUInt32LE(eocd + 16);
  out.writeUInt32LE(0x7fffffff, at + 42);
  return out;
}

const STACK_TRACE = /^\s+at .+(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

async function run(c: Case, dir: string, index: number, timeoutSeconds: number): Promise<Outcome> {
  const folder = join(dir, String(index));
  mkdirSync(folder);
  const file = join(folder, `in.${c.ext}`);
  writeFileSync(file, c.bytes);
  const out = join(folder, 'out.json');
  // Every other case has an output file already: a failure must leave it as it was.
  const before = index % 2 ? 'previous result\n' : null;
  if (before) writeFileSync(out, before);
  const timeFile = join(folder, 'time');
  const started = Date.now();
  const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%M', process.execPath, join(ROOT, 'bin/chidao.js'), 'extract', file, '-o', out], { cwd: folder, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 20_000) stderr += d.toString();
  });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, timeoutSeconds * 1000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  clearTimeout(timer);
  const seconds = (Date.now() - started) / 1000;
  const peak = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').match(/(\d+)\s*$/)?.[1] ?? 0) * 1024 : 0;
  const problems: string[] = [];
  if (hung) problems.push(`no end within ${timeoutSeconds} s`);
  else {
    if (code !== 0 && code !== 2) problems.push(`exit code ${code}`);
    if (STACK_TRACE.test(stderr) || /internal error/.test(stderr)) problems.push('stack trace or internal error on stderr');
    if (code !== 0) {
      const now = existsSync(out) ? readFileSync(out, 'utf8') : null;
      if (before === null && now !== null) problems.push('output file left after a failure');
      if (before !== null && now !== before) problems.push('existing output file changed by a failure');
    }
    if (readdirSync(folder).some((f) => f.endsWith('.tmp'))) problems.push('temporary file left');
  }
  if (peak > MAX_RSS) problems.push(`peak memory ${(peak / 2 ** 20).toFixed(0)} MiB`);
  const kind = hung ? 'hang' : problems.length || (code !== 0 && code !== 2) ? 'crash' : code === 0 ? 'success' : 'clean error';
  return { c, kind, code, peak, seconds, problems, stderr };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      short: { type: 'boolean', default: false },
      seed: { type: 'string', default: '14' },
      cases: { type: 'string' },
      family: { type: 'string' },
      timeout: { type: 'string', default: '60' },
      jobs: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const perFamily = Number(values.cases ?? (values.short ? 3 : 40));
  const dir = mkdtempSync(join(tmpdir(), 'chidao-fuzz-'));
  let all = await cases(Number(values.seed), perFamily, dir);
  if (values.family) all = all.filter((c) => c.family === values.family);
  // The short run leaves out what goes to OCR (scans, and text layers damaged into garbage): a page read takes
  // seconds on two cores, and the long run has them.
  if (values.short) all = all.filter((c) => c.family !== 'scan' && !(c.family === 'pdf' && /flipped/.test(c.name)));
  const jobs = Number(values.jobs ?? Math.max(1, Math.min(2, availableParallelism())));
  const outcomes: Outcome[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: jobs }, async () => {
    while (next < all.length) {
      const index = next++;
      const outcome = await run(all[index], dir, index, Number(values.timeout));
      outcomes.push(outcome);
      if (outcome.problems.length) process.stderr.write(`✗ ${outcome.c.family}: ${outcome.c.name}: ${outcome.problems.join('; ')}\n${outcome.stderr.split('\n').slice(0, 6).join('\n')}\n`);
    }
  }));
  process.stdout.write(`${table(outcomes)}\n\n${all.length} cases, seed ${values.seed}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else process.stdout.write(`cases kept in ${dir}\n`);
  return outcomes.some((o) => o.problems.length) ? 1 : 0;
}

function table(outcomes: Outcome[]): string {
  const families = [...new Set(outcomes.map((o) => o.c.family))];
  const rows = [...families.map((f) => outcomes.filter((o) => o.c.family === f)), outcomes].map((group, i) => {
    const count = (kind: Outcome['kind']) => group.filter((o) => o.kind === kind).length;
    const broken = group.filter((o) => o.problems.length && o.kind !== 'hang').length;
    return [i < families.length ? families[i] : 'all', group.length, count('clean error'), count('success'), broken, count('hang'), `${(Math.max(...group.map((o) => o.peak)) / 2 ** 20).toFixed(0)} MiB`, `${Math.max(...group.map((o) => o.seconds)).toFixed(1)} s`].map(String);
  });
  const header = ['family', 'cases', 'clean errors', 'successes', 'crashes', 'hangs', 'peak memory', 'slowest'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`, ...rows.map(line)].join('\n');
}

process.exitCode = await main();
