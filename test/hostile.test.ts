/**
 * Hostile and broken input (issue 14): every limit refuses with one line that
 * names it and its flag, damaged parts are a reason, not a trace, and a
 * damaged PDF page is left out with a warning. Fixtures are made here; the
 * fuzz harness (scripts/fuzz.ts) covers the same families at scale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { ingestBytes, type IngestOptions } from '../src/ingest/index.ts';
import { LIMIT_FLAGS, limitsFromFlags } from '../src/ingest/limits.ts';
import { InputError } from '../src/doc/model.ts';
import { seedText, tempDir } from './fixtures/make.ts';
import { imagePdf, textPdf } from './fixtures/pdf-writer.ts';
import { deflated, zip, zipDeflated } from './fixtures/zip-writer.ts';
import { chidao } from './helpers.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const PARAGRAPH = '<w:p><w:r><w:t>1. Giao Bộ Tài chính chủ trì.</w:t></w:r></w:p>';

function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(header);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

function jpeg(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01]);
  sof.writeUInt16BE(height, 7);
  sof.writeUInt16BE(width, 9);
  return sof;
}

function tiff(width: number, height: number): Buffer {
  const b = Buffer.alloc(38);
  b.write('II*\0', 0, 'latin1');
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(2, 8);
  [[256, width], [257, height]].forEach(([tag, value], i) => {
    b.writeUInt16LE(tag, 10 + i * 12);
    b.writeUInt16LE(4, 12 + i * 12);
    b.writeUInt32LE(1, 14 + i * 12);
    b.writeUInt32LE(value, 18 + i * 12);
  });
  return b;
}

/** A small page image, as a scanner would put into a PDF. */
function pageJpeg(): Buffer {
  const canvas = createCanvas(200, 280);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, 200, 280);
  return canvas.toBuffer('image/jpeg');
}

/** The PDF with every image's dictionary claiming `pixels` by `pixels`: what a damaged or hostile header says. */
const claimingSize = (pdf: Buffer, pixels: number) =>
  Buffer.from(pdf.toString('latin1').replace(/\/Width\s+\d+/g, `/Width ${pixels}`).replace(/\/Height\s+\d+/g, `/Height ${pixels}`), 'latin1');

const twoPages = () => textPdf(seedText().slice(0, 4000));

async function refusal(name: string, bytes: Buffer, options: IngestOptions = {}): Promise<string> {
  const error = await ingestBytes(name, bytes, options).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  const { reason } = error as InputError;
  expect(reason).not.toMatch(/\n/);
  return reason;
}

describe('limits', () => {
  const cases: [what: string, name: string, bytes: () => Buffer, options: IngestOptions, flag: string][] = [
    ['a file over the byte limit', 'big.txt', () => Buffer.from('1. Giao Bộ Tài chính chủ trì.\n'.repeat(10)), { maxBytes: 100 }, 'max-bytes'],
    ['text over the character limit', 'long.txt', () => Buffer.from('1. Giao Bộ Tài chính chủ trì.\n'.repeat(10)), { maxChars: 100 }, 'max-chars'],
    ['HTML nested 600 deep', 'deep.html', () => Buffer.from(`<html><body>${'<div>'.repeat(600)}1. Giao Bộ Tài chính.${'</div>'.repeat(600)}</body></html>`), {}, 'max-depth'],
    ['Markdown quotes nested 600 deep', 'deep.md', () => Buffer.from(`# Thông báo\n\n${'>'.repeat(600)} **1.** Giao Bộ Tài chính.\n`), {}, 'max-depth'],
    ['a PDF over the page limit', 'long.pdf', twoPages, { maxPages: 1 }, 'max-pages'],
    ['a PNG whose header claims 30,000 × 30,000', 'huge.png', () => png(30_000, 30_000), {}, 'max-pixels'],
    ['a JPEG whose header claims 60,000 × 60,000', 'huge.jpg', () => jpeg(60_000, 60_000), {}, 'max-pixels'],
    ['a TIFF whose header claims 100,000 × 100,000', 'huge.tif', () => tiff(100_000, 100_000), {}, 'max-pixels'],
    ['a scanned PDF whose image claims 30,000 × 30,000', 'huge-scan.pdf', () => claimingSize(imagePdf([pageJpeg()], 150), 30_000), {}, 'max-pixels'],
    ['a .docx whose document.xml inflates past the limit', 'bomb.docx', () => zipDeflated([deflated('word/document.xml', documentXml(PARAGRAPH.repeat(20_000)))]), { maxInflatedBytes: 1 << 20 }, 'max-inflated-bytes'],
    ['a .docx with a stored entry past the limit', 'stored.docx', () => zip({ 'word/document.xml': documentXml(PARAGRAPH.repeat(100)) }), { maxInflatedBytes: 1000 }, 'max-inflated-bytes'],
    ['a .docx of too many entries', 'many.docx', () => zipDeflated([deflated('word/document.xml', documentXml(PARAGRAPH)), ...Array.from({ length: 30 }, (_, i) => deflated(`word/media/${i}.xml`, '<a/>'))]), { maxZipEntries: 10 }, 'max-zip-entries'],
    ['a .docx whose XML nests 600 deep', 'deep.docx', () => zipDeflated([deflated('word/document.xml', documentXml(`${'<w:sdt><w:sdtContent>'.repeat(300)}${PARAGRAPH}${'</w:sdtContent></w:sdt>'.repeat(300)}`))]), {}, 'max-depth'],
  ];
  it.each(cases)('refuses %s (%s), naming the limit and its flag', async (_, name, bytes, options, flag) => {
    expect(await refusal(name, bytes(), options)).toMatch(new RegExp(`over the limit of \\d+.* \\(raise it with --${flag}\\)$`));
  });

  it('reads what is within the limits', async () => {
    const doc = await ingestBytes('ok.docx', zipDeflated([deflated('word/document.xml', documentXml(PARAGRAPH.repeat(50)))]), { maxInflatedBytes: 1 << 20, maxZipEntries: 1 });
    expect(doc.text).toContain('Giao Bộ Tài chính chủ trì.');
  });

  it.each([
    ['64M', 64 * 2 ** 20],
    ['2k', 2048],
    ['1000', 1000],
  ])('reads --max-bytes %s', (value, bytes) => {
    expect(limitsFromFlags({ [LIMIT_FLAGS.maxBytes]: value })).toEqual({ maxBytes: bytes });
  });

  it.each(['0', '-1', '1.5', 'lots', '99999999999G'])('refuses --max-pages %s, naming the flag', (value) => {
    expect(() => limitsFromFlags({ [LIMIT_FLAGS.maxPages]: value })).toThrow(/^--max-pages: takes a positive whole number/);
  });
});

describe('emphasis runs', () => {
  // A web page's dump bolds every label (about a thousand runs in one paragraph, as in the Công điện dumps of the corpus); a generated file's unpaired runs by the ten thousand would take remark minutes.
  const label = (i: number) => `**Nhãn ${i}:**\n|\nGiá trị ${i}\n|\n`;
  it.each([
    ['a dump of 1,500 bold labels in one paragraph', 'markdown', `# Công điện\n\n${Array.from({ length: 1500 }, (_, i) => label(i)).join('')}1. Giao Bộ Tài chính chủ trì.\n`],
    ['50,000 alternating unclosed runs', 'text', `# Thông báo\n\n**${'*_'.repeat(50_000)} 1. Giao Bộ Tài chính.\n`],
  ])('reads %s as %s', async (_, format, text) => {
    expect((await ingestBytes('page.md', Buffer.from(text))).format).toBe(format);
  });
});

describe('damaged parts', () => {
  it.each([
    ['a .docx whose directory points past its end', 'far.docx', () => {
      const bytes = zip({ 'word/document.xml': documentXml(PARAGRAPH) });
      bytes.writeUInt32LE(0x7fffffff, bytes.readUInt32LE(bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16) + 42);
      return bytes;
    }, 'damaged .docx (word/document.xml: no local header)'],
    ['a .docx whose deflated data is garbage', 'garbage.docx', () => zipDeflated([{ ...deflated('word/document.xml', documentXml(PARAGRAPH)), deflated: Buffer.alloc(64, 0xff) }]), 'damaged .docx (word/document.xml:'],
    ['a TIFF cut after its magic number', 'cut.tif', () => Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08]), 'damaged TIFF image (no size in its header)'],
    ['a PNG whose pixels are cut off', 'cut.png', () => {
      const canvas = createCanvas(400, 200);
      canvas.getContext('2d').fillRect(0, 0, 400, 100);
      const whole = canvas.toBuffer('image/png');
      return whole.subarray(0, whole.length >> 1);
    }, 'damaged PNG image ('],
  ])('refuses %s with a reason', async (_, name, bytes, expected) => {
    expect(await refusal(name, bytes())).toContain(expected);
  });

  it('leaves out a damaged page of a PDF with a warning naming it, and reads the rest', async () => {
    const pdf = twoPages().toString('latin1').replace(/9 0 obj\s*<<[^]*?endobj/, '9 0 obj\n42\nendobj');
    const doc = await ingestBytes('page2.pdf', Buffer.from(pdf, 'latin1'));
    expect(doc.messages.filter((m) => m.ruleId === 'ingest:pdf-page').map((m) => [m.severity, m.reason])).toEqual([['warning', expect.stringMatching(/^page 2: damaged, left out \(/)]]);
    expect(doc.text).toContain(seedText().slice(0, 40));
  });
});

describe('limits through the CLI', () => {
  const dir = tempDir();

  it('refuses a file past --max-bytes with one line, exit 2, the existing output file untouched', async () => {
    const file = join(dir, 'notice.txt');
    const out = join(dir, 'kept.json');
    writeFileSync(file, seedText());
    writeFileSync(out, 'previous result\n');
    const { code, stderr } = await chidao('extract', file, '--max-bytes', '1K', '-o', out);
    expect([code, stderr]).toEqual([2, `chidao: ${file}: too large (${readFileSync(file).length} bytes), over the limit of 1024 bytes (raise it with --max-bytes)\n`]);
    expect(readFileSync(out, 'utf8')).toBe('previous result\n');
  });

  it('refuses 100,000 nested divs with one line naming --max-depth, exit 2, no output file', async () => {
    const file = join(dir, 'deep.html');
    const out = join(dir, 'deep.json');
    writeFileSync(file, `<html><body>${'<div>'.repeat(100_000)}1. Giao Bộ Tài chính.${'</div>'.repeat(100_000)}</body></html>`);
    const { code, stderr } = await chidao('extract', file, '-o', out);
    expect([code, stderr]).toEqual([2, `chidao: ${file}: HTML elements nested 513 deep, over the limit of 512 (raise it with --max-depth)\n`]);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a limit flag that is not a number, naming it', async () => {
    const { code, stderr } = await chidao('extract', join(dir, 'notice.txt'), '--max-pages', 'many');
    expect([code, stderr]).toEqual([2, 'chidao: --max-pages: takes a positive whole number (a K, M or G suffix counts in 1024s), not "many"\n']);
  });
});
