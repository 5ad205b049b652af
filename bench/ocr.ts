/**
 * OCR throughput: a 10-page scanned PDF (mild scans of the seed) read with
 * 1 and 2 workers; pages per second and the process's peak memory.
 * Run: npx tsx bench/ocr.ts   (needs scripts/setup-ocr.sh)
 */
import { resourceUsage } from 'node:process';
import { ingest } from '../src/ingest/index.ts';
import { degrade, makeScanPdf, makeTextPdf, MILD, renderPages, seedText, tempDir } from '../test/fixtures/make.ts';

const PAGES = 10;
const dir = tempDir();
// The seed fills 11 pages at 12 pt.
const pdf = makeTextPdf(dir, seedText());
const scans = renderPages(pdf, 1, PAGES).map((png) => degrade(png, MILD));
const scanned = makeScanPdf(dir, scans, MILD.dpi, 'bench.pdf');

const rows: string[][] = [];
for (const workers of [1, 2]) {
  const start = performance.now();
  const doc = await ingest(scanned, { workers });
  const seconds = (performance.now() - start) / 1000;
  const pages = new Set(doc.lines!.map((l) => l.page)).size;
  const retried = doc.messages.filter((m) => m.reason.includes('poor scan')).length;
  rows.push([String(workers), String(pages), String(retried), seconds.toFixed(1), (pages / seconds).toFixed(2)]);
}
// maxRSS covers the main thread and tesseract's worker threads (one process).
const peak = `${Math.round(resourceUsage().maxRSS / 1024)} MiB`;
const header = ['workers', 'pages', 'read twice', 'seconds', 'pages/s'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log([line(header), ...rows.map(line), `peak memory (RSS): ${peak}`].join('\n'));
