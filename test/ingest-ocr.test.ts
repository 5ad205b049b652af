/**
 * OCR for real (tesseract.js + Debian's vie.traineddata, offline) on scans
 * made from the seed: two mild pages, one heavy page, kept few for speed.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, type Doc } from '../src/model.ts';
import { ingest } from '../src/ingest/index.ts';
import { cer } from './fixtures/cer.ts';
import { encodeTcvn3 } from './fixtures/legacy-encode.ts';
import { degrade, HEAVY, imageMagick, makeScanPdf, makeTextPdf, MILD, renderPages, tempDir } from './fixtures/make.ts';
import { textPdf } from './fixtures/pdf-writer.ts';

const pageText = (doc: Doc, pages: number[]) => doc.lines!.filter((l) => pages.includes(l.page)).map((l) => doc.text.slice(l.start, l.end)).join('\n');

describe('ocr', { timeout: 120_000 }, () => {
  let dir: string;
  let textLayer: Doc;
  let pngs: Buffer[];
  beforeAll(async () => {
    dir = tempDir();
    const pdf = makeTextPdf(dir);
    textLayer = await ingest(pdf);
    pngs = renderPages(pdf, 1, 2);
  });

  it('reads a two-page mild scan (1.5° skew, blur, noise, JPEG 70, 300 dpi) with CER under 1%', async () => {
    const doc = await ingest(makeScanPdf(dir, pngs.map((p) => degrade(p, MILD)), MILD.dpi), { workers: 2 });
    expect(doc.format).toBe('pdf-ocr');
    expect(cer(doc.text, pageText(textLayer, [1, 2]))).toBeLessThan(0.01);
    expect(doc.messages.map((m) => m.reason)).toEqual(['page 1: no text layer, read by OCR', 'page 2: no text layer, read by OCR']);
    const line = doc.lines!.find((l) => doc.text.slice(l.start, l.end) === 'THÔNG BÁO')!;
    expect(line.page).toBe(1);
    // Set at x = 64 pt; the 1.5° skew moves it a little.
    expect(Math.abs(line.bbox!.x0 - 64)).toBeLessThan(20);
  });

  it('reads a heavy scan (2.5° skew, 180 dpi, heavy noise, JPEG 45) in a second pass, CER under 6%', async () => {
    const file = join(dir, 'heavy.jpg');
    writeFileSync(file, degrade(pngs[0], HEAVY));
    const doc = await ingest(file);
    expect(doc.format).toBe('image-ocr');
    expect(doc.messages[0].reason).toBe('read by OCR (a poor scan, read as one block)');
    // The reference lacks the running header and footer the image still has: about 2% of the error.
    expect(cer(doc.text, pageText(textLayer, [1]))).toBeLessThan(0.06);
  });

  it('OCRs a page whose text layer is garbage', async () => {
    const lie = (c: string) => String.fromCharCode(encodeTcvn3(c)[0]);
    const text = 'Bộ Khoa học và Công nghệ chủ trì, phối hợp với các bộ, ngành liên quan hoàn thành trong tháng 6/2025.';
    const file = join(dir, 'garbage.pdf');
    writeFileSync(file, textPdf(text, { lie, fontSize: 14 }));
    const doc = await ingest(file);
    expect(doc.messages[0].reason).toBe('page 1: unreadable text layer, read by OCR');
    expect(cer(doc.text, text)).toBeLessThan(0.03);
  });

  it('refuses an image with no text', async () => {
    const file = join(dir, 'blank.png');
    execFileSync(imageMagick(), ['-seed', '3', '-size', '1240x1754', 'xc:white', '-attenuate', '0.1', '+noise', 'Gaussian', file]);
    const error = await ingest(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).reason).toBe('no text found in the image');
  });

  it('says how to install the Vietnamese data when it is missing', async () => {
    const error = await ingest(join(dir, 'heavy.jpg'), { tessdata: dir }).catch((e: unknown) => e);
    expect((error as InputError).reason).toMatch(/^no vie.traineddata in .*apt-get install tesseract-ocr-vie/);
  });
});
