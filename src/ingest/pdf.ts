/**
 * PDFs: each page's text layer is read with pdfjs; a page with no text
 * layer (a scan) or a garbage one (no ToUnicode map, mojibake) is rendered
 * and OCR'd instead.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError, type Message } from '../model.ts';
import type { Page } from './lines.ts';
import { ocrPages, passNote, type OcrOptions, type Pass } from './ocr.ts';
import { itemsToLines, joinHyphenated, removeRunning, type TextItem } from './pdf-text.ts';
import { OCR_DPI, renderPage } from './render.ts';
import { indexOf } from './sniff.ts';
import { quality, score } from './syllable.ts';

/** Below this share of readable words a text layer is garbage. */
const GARBAGE_SCORE = 0.6;

export interface PdfResult {
  pages: Page[];
  /** Pages read by OCR, and why. */
  ocr: { page: number; why: 'no text layer' | 'unreadable text layer'; pass: Pass }[];
}

const assets = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/`;

export async function readPdf(path: string, bytes: Uint8Array, options: OcrOptions = {}): Promise<PdfResult> {
  // pdfjs rebuilds a damaged cross-reference table and would read half a file without complaint.
  if (indexOf(bytes.subarray(Math.max(0, bytes.length - 2048)), '%%EOF') < 0) throw new InputError(path, 'truncated PDF (no end-of-file marker)');
  const doc = await open(path, bytes);
  try {
    const pages: Page[] = [];
    const heights: number[] = [];
    const needOcr: PdfResult['ocr'] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.view[3] - page.view[1];
      heights.push(height);
      const content = await page.getTextContent();
      const lines = itemsToLines(content.items.filter((i): i is TextItem & typeof i => 'str' in i), height);
      const text = lines.map((l) => l.text).join('\n');
      const readable = score(quality(text));
      if (!text.trim()) needOcr.push({ page: n, why: 'no text layer', pass: 'layout' });
      else if (readable < GARBAGE_SCORE) needOcr.push({ page: n, why: 'unreadable text layer', pass: 'layout' });
      pages.push({ number: n, lines });
    }
    if (needOcr.length) {
      const jobs = needOcr.map(({ page }) => ({ page, dpi: OCR_DPI, image: async () => renderPage(await doc.getPage(page)) }));
      for (const read of await ocrPages(path, jobs, options)) {
        pages[read.number - 1] = read;
        needOcr.find((o) => o.page === read.number)!.pass = read.pass;
      }
    }
    return { pages: joinHyphenated(removeRunning(pages, heights)), ocr: needOcr };
  } finally {
    await doc.destroy();
  }
}

async function open(path: string, bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({
      data: new Uint8Array(bytes),
      standardFontDataUrl: join(assets, 'standard_fonts/'),
      cMapUrl: join(assets, 'cmaps/'),
      cMapPacked: true,
      wasmUrl: join(assets, 'wasm/'),
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new InputError(path, 'encrypted PDF (needs a password): remove the protection first');
    throw new InputError(path, `damaged PDF (${(error as Error).message})`);
  }
}

/** Info messages that say which pages were OCR'd, over each page's text. */
export function ocrMessages(result: PdfResult, lines: { page: number; start: number; end: number }[]): Message[] {
  return result.ocr.map(({ page, why, pass }) => {
    const on = lines.filter((l) => l.page === page);
    return {
      reason: `page ${page}: ${why}, read by OCR${passNote(pass)}`,
      severity: 'info' as const,
      ruleId: 'ingest:ocr',
      start: on[0]?.start ?? 0,
      end: on.at(-1)?.end ?? 0,
    };
  });
}
