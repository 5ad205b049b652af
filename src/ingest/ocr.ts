/**
 * OCR of page images with tesseract.js and Vietnamese trained data from disk.
 * Pages run concurrently on a pool of workers (one per core by default)
 * through p-queue; a page that yields little Vietnamese is read again as one
 * block, then cleaned up, keeping the best reading.
 */
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { createWorker, OEM, PSM, type Line as TesseractLine, type Page as TesseractPage, type Worker } from 'tesseract.js';
import { InputError } from '../doc/model.ts';
import { cleanup, isBlank } from './cleanup.ts';
import type { Page, PageLine } from './lines.ts';
import { isSyllable, quality, score } from './syllable.ts';
import { findTessdata, INSTALL_HINT } from './tessdata.ts';

export interface OcrOptions {
  /** Folder holding `vie.traineddata`. @default the system's tessdata folders */
  readonly tessdata?: string;
  /** Pages read at once. @default the number of cores */
  readonly workers?: number;
  /** Called after each page, e.g. to draw a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface OcrJob {
  page: number;
  /** PNG, JPEG or TIFF bytes; produced only when a worker is free, so pages are not all held at once. */
  image: () => Promise<Buffer>;
  dpi: number;
}

/** How a page was finally read: page layout analysis, the page as one block, or a cleaned-up image as one block. */
export type Pass = 'layout' | 'block' | 'cleaned';

export interface OcrPage extends Page {
  pass: Pass;
  /** Why the page could not be read at all (an image the decoder or tesseract refused); its lines are then empty. */
  failed?: string;
}

/**
 * A further pass follows when a reading has fewer letters than LITTLE_TEXT,
 * a poor share of Vietnamese words, mostly non-letters, or a hole taller
 * than an inch between lines: on a noisy scan tesseract's layout analysis
 * drops whole paragraphs as non-text and reports high confidence on what it
 * kept, so confidence alone says nothing.
 */
const LITTLE_TEXT = 80;
const POOR_SCORE = 0.75;
const HOLE_POINTS = 72;
/** Text is mostly letters; specks read as text are mostly dots and quotes. */
const MIN_DENSITY = 0.5;
/** A later reading must be clearly better to replace an earlier one. */
const BETTER_BY = 1.1;
/** Below these the best reading is noise read as text (one-block mode reads specks as letters): no text. */
const NO_TEXT = 20;
const NOISE_SCORE = 0.7;

export async function ocrPages(path: string, jobs: OcrJob[], options: OcrOptions = {}): Promise<OcrPage[]> {
  const langPath = findTessdata(options.tessdata);
  if (!langPath) {
    const where = options.tessdata ? `no vie.traineddata in ${options.tessdata}` : 'Vietnamese OCR data (vie.traineddata) not found';
    throw new InputError(path, `${where}: ${INSTALL_HINT}`);
  }
  const size = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  const idle: Worker[] = [];
  const all: Promise<Worker>[] = [];
  const acquire = (): Promise<Worker> => {
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    all.push(startWorker(langPath));
    return all[all.length - 1];
  };
  const queue = new PQueue({ concurrency: size });
  let done = 0;
  try {
    return await Promise.all(jobs.map((job) => queue.add(async () => {
      const worker = await acquire();
      try {
        return await readPage(worker, job);
      } catch (error) {
        // A damaged image fails in the decoder or in tesseract, not in chidao: the caller says what it means for the file.
        return { number: job.page, lines: [], pass: 'layout' as const, failed: ((error as Error)?.message ?? String(error)).split('\n')[0].slice(0, 200) };
      } finally {
        idle.push(worker);
        options.onProgress?.(++done, jobs.length);
      }
    })));
  } finally {
    queue.clear();
    await Promise.all(all.map(async (w) => (await w).terminate()));
  }
}

async function startWorker(langPath: string): Promise<Worker> {
  // gzip:false and cacheMethod:'none' read the plain file in place and write nothing to the working folder.
  // Without an errorHandler tesseract.js rethrows a failed job (an image its decoder refuses) outside the
  // job's promise, which ends the process; with one, the job's promise rejects and the page says why.
  return createWorker('vie', OEM.LSTM_ONLY, { langPath, gzip: false, cacheMethod: 'none', errorHandler: () => {} });
}

async function readPage(worker: Worker, job: OcrJob): Promise<OcrPage> {
  const image = await job.image();
  const passes: [Pass, () => Promise<Reading | null>][] = [
    ['layout', () => recognise(worker, image, job.dpi, PSM.AUTO)],
    // Measured on a heavy scan: 73% CER with layout analysis, 3.5% as one block.
    ['block', () => recognise(worker, image, job.dpi, PSM.SINGLE_BLOCK)],
    ['cleaned', async () => {
      const cleaned = await cleanup(image).catch(() => null); // e.g. a TIFF, which the canvas cannot decode
      return cleaned && recognise(worker, cleaned.png, job.dpi * cleaned.scale, PSM.SINGLE_BLOCK);
    }],
  ];
  let best: Reading | null = null;
  let pass: Pass = 'layout';
  for (const [name, read] of passes) {
    const reading = await read();
    if (reading && (!best || weight(reading) > weight(best) * BETTER_BY)) [best, pass] = [reading, name];
    if (best && good(best)) break;
    // A poor first reading of a page with no ink: the further passes would only read specks.
    if (name === 'layout' && (await isBlank(image))) break;
  }
  const lines = best && best.letters >= NO_TEXT && best.score >= NOISE_SCORE && best.density >= MIN_DENSITY ? best.lines : [];
  return { number: job.page, lines, pass };
}

/** How a message says which pass was kept: nothing for the usual one. */
export function passNote(pass: Pass): string {
  return pass === 'layout' ? '' : pass === 'block' ? ' (a poor scan, read as one block)' : ' (a poor scan, read after cleanup)';
}

interface Reading {
  lines: PageLine[];
  letters: number;
  score: number;
  /** Tallest vertical gap between consecutive lines, in points. */
  hole: number;
  /** Letters among the characters that are not white space. */
  density: number;
}

const good = (r: Reading) => r.letters >= LITTLE_TEXT && r.score >= POOR_SCORE && r.hole < HOLE_POINTS && r.density >= MIN_DENSITY;
const weight = (r: Reading) => r.letters * r.score;

async function recognise(worker: Worker, image: Buffer, dpi: number, mode: PSM): Promise<Reading> {
  // Without the resolution tesseract guesses from the pixels and misreads small text.
  await worker.setParameters({ tessedit_pageseg_mode: mode, user_defined_dpi: String(Math.round(dpi)) });
  const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
  const lines = toLines(data, 72 / dpi);
  const text = lines.map((l) => l.text).join('\n');
  const q = quality(text);
  const tops = [...lines].sort((a, b) => a.bbox.y0 - b.bbox.y0);
  const hole = Math.max(0, ...tops.slice(1).map((l, i) => l.bbox.y0 - tops[i].bbox.y1));
  const density = q.letters / (text.replace(/\s/g, '').length || 1);
  return { lines, letters: q.letters, score: score(q), hole, density };
}

/** Tesseract's paragraphs and lines, boxes converted from pixels to points. */
function toLines(data: TesseractPage, pt: number): PageLine[] {
  const lines: PageLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      paragraph.lines.forEach((line, i) => {
        const text = lineText(line).replace(/\s+/g, ' ').trim().normalize('NFC');
        if (!text) return;
        const { x0, y0, x1, y1 } = line.bbox;
        lines.push({ text, bbox: { x0: x0 * pt, y0: y0 * pt, x1: x1 * pt, y1: y1 * pt }, paragraph: i === 0 && lines.length > 0 });
      });
    }
  }
  return lines;
}

/** Of the usual gap between words on a line, the share below which two "words" are one. */
const SPLIT_GAP = 0.35;

/**
 * A line's words, with the words tesseract split inside a syllable joined
 * again. On skewed scans it cuts a capital from the rest of its syllable
 * (`Hà N ội`, `Duy N gọc`, measured: a 4 px gap where words are 19–23 px
 * apart at 300 dpi), which breaks names for every later stage. Two words are
 * joined only when the gap between their boxes is a small share of the
 * line's usual gap and together they make one Vietnamese syllable.
 */
export function lineText(line: Pick<TesseractLine, 'text' | 'words'>): string {
  const words = (line.words ?? []).filter((w) => w.text.trim());
  if (words.length < 2) return line.text;
  const gaps = words.slice(1).map((w, i) => w.bbox.x0 - words[i].bbox.x1);
  const sorted = [...gaps].sort((a, b) => a - b);
  const height = Math.max(...words.map((w) => w.bbox.y1 - w.bbox.y0));
  // With few words on the line their gaps say little: compare with the height of the letters.
  const tight = gaps.length >= 3 ? sorted[Math.floor(sorted.length / 2)] * SPLIT_GAP : height * 0.1;
  let text = words[0].text.trim();
  words.slice(1).forEach((word, i) => {
    const piece = word.text.trim();
    const before = text.match(/\p{L}+$/u)?.[0];
    const after = piece.match(/^\p{L}+/u)?.[0];
    const joined = gaps[i] < tight && before && after && isSyllable((before + after).normalize('NFC'));
    text += joined ? piece : ` ${piece}`;
  });
  return text;
}
