/**
 * OCR for real (tesseract.js + Debian's vie.traineddata, offline) on scans
 * made from the seed: two mild pages, one heavy page, kept few for speed.
 *
 * The scanned pages are 2 and 3 of the seed as the text-layer PDF sets it
 * (test/fixtures/make.ts): pages 1 and 2 hold the header and Part I (results
 * and shortcomings), where the golden file has no task; page 2 ends with the
 * heading of Part II and page 3 holds its first seven tasks, so pages 2–3 are
 * the first two pages that can test tasks, with their clause paths (`II.…`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../src/extract-file.ts';
import { FIELDS, pairTasks, scoreTasks, tokenF1 } from '../src/eval/score.ts';
import { InputError, type Doc } from '../src/doc/model.ts';
import { isBlank } from '../src/ingest/cleanup.ts';
import { ingest } from '../src/ingest/index.ts';
import type { GoldenTask } from '../src/schema.ts';
import { cer } from './fixtures/cer.ts';
import { encodeTcvn3 } from './fixtures/legacy-encode.ts';
import { degrade, HEAVY, imageMagick, makeScanPdf, makeTextPdf, MILD, renderPages, tempDir } from './fixtures/make.ts';
import { textPdf } from './fixtures/pdf-writer.ts';
import { chidao, ROOT } from './helpers.ts';

const pageText = (doc: Doc, pages: number[]) => doc.lines!.filter((l) => pages.includes(l.page)).map((l) => doc.source.slice(l.start, l.end)).join('\n');
/** Words only: Markdown marks of the golden text (`**01/7/2025**`) are not on paper, line breaks are spaces. */
const flat = (s: string) => s.normalize('NFC').replace(/\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)/g, '').replace(/\s+/g, ' ').trim();
const GOLDEN: GoldenTask[] = JSON.parse(readFileSync(join(ROOT, 'golden/04-TB-BCDTW.tasks.json'), 'utf8')).tasks;
/** The golden tasks whose whole text is on the given text's pages. */
const goldenOn = (text: string) => GOLDEN.filter((t) => flat(text).includes(flat(t.text)));


describe('ocr', { timeout: 120_000 }, () => {
  let dir: string;
  let textLayer: Doc;
  let pngs: Buffer[];
  beforeAll(async () => {
    dir = tempDir();
    const pdf = makeTextPdf(dir);
    textLayer = await ingest(pdf);
    pngs = renderPages(pdf, 2, 3);
  });

  it('reads a two-page mild scan (1.5° skew, blur, noise, JPEG 70, 300 dpi): CER under 1%, tasks F1 ≥ 0.95 per field', async () => {
    const doc = await extractFile(makeScanPdf(dir, pngs.map((p) => degrade(p, MILD)), MILD.dpi), { ingest: { workers: 2 } });
    expect(doc.format).toBe('pdf-ocr');
    const reference = pageText(textLayer, [2, 3]);
    expect(cer(doc.source, reference)).toBeLessThan(0.01);
    // The working text, after the repair stage.
    expect(doc.repaired).toBe(true);
    expect(cer(doc.text, reference)).toBeLessThan(0.01);
    expect(doc.messages.filter((m) => m.ruleId === 'ingest:ocr').map((m) => m.reason)).toEqual(['page 1: no text layer, read by OCR', 'page 2: no text layer, read by OCR']);
    const line = doc.lines!.find((l) => doc.source.slice(l.start, l.end) === '1. Về công tác lãnh đạo, chỉ đạo')!;
    expect(line.page).toBe(2);
    // Set at x = 64 pt; the 1.5° skew moves it a little.
    expect(Math.abs(line.bbox!.x0 - 64)).toBeLessThan(20);

    // Golden tasks wholly on the two pages; II.1.c starts at the foot of page 3 and ends on page 4,
    // so it is left out, and so is the predicted task that pairs with it (its words are cut).
    const golden = goldenOn(reference);
    expect(golden.map((t) => t.clause)).toEqual(['II.p1', 'II.1.a', 'II.1.b.1', 'II.1.b.2', 'II.1.b.3', 'II.1.b.4', 'II.1.b.5']);
    const cut = new Set(pairTasks(doc.tasks!, GOLDEN).filter(([, g]) => !golden.includes(g)).map(([p]) => p));
    const predicted = doc.tasks!.filter((t) => !cut.has(t));
    expect(doc.tasks!.length - predicted.length).toBeLessThanOrEqual(1);
    const scores = scoreTasks(predicted, golden);
    for (const field of FIELDS) expect(scores[field].f, field).toBeGreaterThanOrEqual(0.95);
  });

  it('reads a heavy scan (2.5° skew, 180 dpi, heavy noise, JPEG 45) in a second pass: CER under 6%, and extract gives its tasks', async () => {
    const file = join(dir, 'heavy.jpg');
    writeFileSync(file, degrade(pngs[1], HEAVY));
    const doc = await ingest(file);
    expect(doc.format).toBe('image-ocr');
    expect(doc.messages[0].reason).toBe('read by OCR (a poor scan, read as one block)');
    // The reference lacks the running header and footer the image still has: about 1% of the error.
    const reference = pageText(textLayer, [3]);
    expect(cer(doc.text, reference)).toBeLessThan(0.06);

    const out = join(dir, 'heavy.json');
    const extract = await chidao('extract', file, '-o', out);
    expect(extract).toMatchObject({ code: 0, stderr: '' });
    const { tasks } = JSON.parse(readFileSync(out, 'utf8')) as { tasks: { text: string; responsible: string[] }[] };
    // Without page 2 the Part II heading is missing, so clause paths differ: every golden task of the page
    // pairs with a task by its words, as the scorer pairs them (token F1 ≥ 0.5). II.p1 pairs at 0.73: OCR
    // read the full stop before `Trên cơ sở đó` as a comma, so the list's lead-in swallows its last sentences.
    const golden = goldenOn(reference);
    expect(golden).toHaveLength(7);
    for (const g of golden) expect({ clause: g.clause, found: tasks.some((t) => tokenF1(t.text, g.text) >= 0.5) }).toEqual({ clause: g.clause, found: true });
    expect(tasks.find((t) => t.text.startsWith('Đồng chí Nguyễn Duy Ngọc'))?.responsible).toEqual(['Nguyễn Duy Ngọc', 'Lê Hoài Trung', 'Phạm Gia Túc']);
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

  it('refuses an image with no text: one line naming the file, exit 2, no output file', async () => {
    const file = join(dir, 'blank.png');
    execFileSync(imageMagick(), ['-seed', '3', '-size', '1240x1754', 'xc:white', '-attenuate', '0.1', '+noise', 'Gaussian', file]);
    const out = join(dir, 'blank.json');
    const { code, stdout, stderr } = await chidao('extract', file, '-o', out);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`chidao: ${file}: no text found in the image\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('tells a blank page from a faint one before the slow passes', async () => {
    const blank = execFileSync(imageMagick(), ['-seed', '3', '-size', '1240x1754', 'xc:white', '-attenuate', '0.1', '+noise', 'Gaussian', 'png:-'], { maxBuffer: 64 << 20 });
    expect(await isBlank(blank)).toBe(true);
    // Text printed at 60% grey on an off-white page is still ink (the heavy scan's noise is covered above: it is read).
    const faint = execFileSync(imageMagick(), ['png:-', '+level', '60%,97%', 'png:-'], { input: pngs[0], maxBuffer: 64 << 20 });
    expect(await isBlank(faint)).toBe(false);
  });

  it('says how to install the Vietnamese data when it is missing', async () => {
    const error = await ingest(join(dir, 'heavy.jpg'), { tessdata: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).reason).toMatch(/^no vie.traineddata in .*apt-get install tesseract-ocr-vie/);
  });
});

