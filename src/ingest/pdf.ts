/**
 * PDFs: each page's text layer is read with pdfjs; a page with no text
 * layer (a scan) or a garbage one (no ToUnicode map, mojibake) is rendered
 * and OCR'd instead.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError, type Message } from '../doc/model.ts';
import { overLimit, type Limits } from './limits.ts';
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
  /** Damaged pages left out, what pdfjs or the OCR said, and what pdfjs threw (for CHIDAO_DEBUG). */
  skipped: { page: number; reason: string; error?: unknown }[];
}

const assets = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/`;

export async function readPdf(path: string, bytes: Uint8Array, options: OcrOptions, limits: Limits): Promise<PdfResult> {
  // pdfjs rebuilds a damaged cross-reference table and would read half a file without complaint.
  if (indexOf(bytes.subarray(Math.max(0, bytes.length - 2048)), '%%EOF') < 0) throw new InputError(path, 'truncated PDF (no end-of-file marker)');
  const doc = await open(path, bytes);
  try {
    if (doc.numPages > limits.maxPages) throw overLimit(path, limits, 'maxPages', `${doc.numPages} pages`);
    const pages: Page[] = [];
    const sizes: { width: number; height: number }[] = [];
    const needOcr: PdfResult['ocr'] = [];
    const skipped: PdfResult['skipped'] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      // A damaged page is left out and the rest read: pdfjs throws for it here, or OCR does below.
      let page: PDFPageProxy;
      let content: Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (error) {
        skipped.push({ page: n, reason: reasonOf(error), error });
        sizes[n - 1] = { width: 0, height: 0 };
        pages.push({ number: n, lines: [] });
        continue;
      }
      const [x0, y0, x1, y1] = page.view;
      sizes[n - 1] = { width: x1 - x0, height: y1 - y0 };
      const lines = itemsToLines(content.items.filter((i): i is TextItem & typeof i => 'str' in i), y1 - y0);
      const text = lines.map((l) => l.text).join('\n');
      const readable = score(quality(text));
      if (!text.trim()) needOcr.push({ page: n, why: 'no text layer', pass: 'layout' });
      else if (readable < GARBAGE_SCORE) needOcr.push({ page: n, why: 'unreadable text layer', pass: 'layout' });
      pages.push({ number: n, lines });
    }
    if (needOcr.length) {
      // pdfjs decodes a page's images whole before any size could be checked: a header that lies about them is refused here.
      const image = largestImage(bytes);
      if (image && image.width * image.height > limits.maxPixels) throw overLimit(path, limits, 'maxPixels', `an image of ${image.width} × ${image.height} pixels in the PDF`);
      const jobs = needOcr.map(({ page }) => {
        const dpi = renderDpi(sizes[page - 1], limits.maxPixels);
        return { page, dpi, image: async () => renderPage(await doc.getPage(page), dpi) };
      });
      for (const read of await ocrPages(path, jobs, options)) {
        if (read.failed) skipped.push({ page: read.number, reason: read.failed });
        pages[read.number - 1] = read;
        needOcr.find((o) => o.page === read.number)!.pass = read.pass;
      }
    }
    if (skipped.length === doc.numPages) throw new InputError(path, `damaged PDF: no page could be read (page ${skipped[0].page}: ${skipped[0].reason})`, { cause: skipped[0].error });
    skipped.sort((a, b) => a.page - b.page);
    const kept = needOcr.filter((o) => !skipped.some((s) => s.page === o.page));
    return { pages: joinHyphenated(removeRunning(pages, sizes.map((s) => s.height))), ocr: kept, skipped };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

/**
 * The largest image the PDF declares, read from its objects' dictionaries.
 * An image is a stream, and a stream is never inside an object stream, so
 * each image's dictionary stands in the file's bytes just before its
 * `stream` keyword; sizes given as indirect references are not followed.
 */
export function largestImage(bytes: Uint8Array): { width: number; height: number } | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let largest: { width: number; height: number } | null = null;
  for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
    if (text.startsWith('endstream', at - 3)) continue;
    const head = text.slice(Math.max(0, at - 4096), at);
    const dictionary = head.slice(head.lastIndexOf(' obj') + 1);
    if (!/\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    const width = Number(/\/Width\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)?.[1] ?? 0);
    const height = Number(/\/Height\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)?.[1] ?? 0);
    if (!largest || width * height > largest.width * largest.height) largest = { width, height };
  }
  return largest;
}

/** OCR's resolution, lowered for a page so large (a poster, or a damaged page box) that it would pass the pixel limit. */
function renderDpi({ width, height }: { width: number; height: number }, maxPixels: number): number {
  const fits = 72 * Math.sqrt(maxPixels / Math.max(1, width * height));
  return Math.min(OCR_DPI, fits);
}

/** What a library threw, as one line for a message. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.split('\n')[0].slice(0, 200);
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
    throw new InputError(path, `damaged PDF (${(error as Error).message})`, { cause: error });
  }
}

/** Info messages that say which pages were OCR'd, over each page's text, and warnings for the pages left out. */
export function ocrMessages(result: PdfResult, lines: { page: number; start: number; end: number }[]): Message[] {
  const skipped = result.skipped.map(({ page, reason }) => ({ reason: `page ${page}: damaged, left out (${reason})`, severity: 'warning' as const, ruleId: 'ingest:pdf-page', start: 0, end: 0 }));
  return [...skipped, ...result.ocr.map(({ page, why, pass }) => {
    const on = lines.filter((l) => l.page === page);
    return {
      reason: `page ${page}: ${why}, read by OCR${passNote(pass)}`,
      severity: 'info' as const,
      ruleId: 'ingest:ocr',
      start: on[0]?.start ?? 0,
      end: on.at(-1)?.end ?? 0,
    };
  })];
}
