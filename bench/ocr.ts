/**
 * OCR throughput: a 10-page scanned PDF (mild scans of the seed) read with
 * 1 and 2 workers. Prints pages per second, the cores kept busy (CPU time of
 * the process, tesseract's worker threads included, over wall time), the
 * character error rate against the text layer, and peak memory.
 * Run: npx tsx bench/ocr.ts   (needs scripts/setup-ocr.sh)
 */
import { availableParallelism, loadavg } from 'node:os';
import { cpuUsage, resourceUsage } from 'node:process';
import { ingest } from '../src/ingest/index.ts';
import { cer } from '../test/fixtures/cer.ts';
import { degrade, makeScanPdf, makeTextPdf, MILD, renderPages, seedText, tempDir } from '../test/fixtures/make.ts';

const PAGES = 10;
const dir = tempDir();
// The seed fills 11 pages at 12 pt.
const pdf = makeTextPdf(dir, seedText());
const textLayer = await ingest(pdf);
const reference = textLayer.lines!.filter((l) => l.page <= PAGES).map((l) => textLayer.text.slice(l.start, l.end)).join('\n');
const scans = renderPages(pdf, 1, PAGES).map((png) => degrade(png, MILD));
const scanned = makeScanPdf(dir, scans, MILD.dpi, 'bench.pdf');

const before = loadavg()[0];
const rows: string[][] = [];
for (const workers of [1, 2]) {
  const cpu = cpuUsage();
  const start = performance.now();
  const doc = await ingest(scanned, { workers });
  const seconds = (performance.now() - start) / 1000;
  const used = cpuUsage(cpu);
  const cores = (used.user + used.system) / 1e6 / seconds;
  const pages = new Set(doc.lines!.map((l) => l.page)).size;
  const retried = doc.messages.filter((m) => m.reason.includes('poor scan')).length;
  // maxRSS covers the main thread and tesseract's worker threads (one process); it only grows, so the
  // 2-worker figure is the larger of the two runs.
  const peak = Math.round(resourceUsage().maxRSS / 1024);
  rows.push([String(workers), String(pages), String(retried), seconds.toFixed(1), (pages / seconds).toFixed(2), cores.toFixed(2), `${(cer(doc.text, reference) * 100).toFixed(2)}%`, `${peak} MiB`]);
}
const header = ['workers', 'pages', 'read twice', 'seconds', 'pages/s', 'cores busy', 'CER', 'peak RSS'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log([line(header), ...rows.map(line)].join('\n'));
console.log(`${availableParallelism()} cores; load average ${before.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (other processes share the cores)`);
