/**
 * `npm run make:ocr-pairs`: pages of clean Vietnamese and what an English
 * OCR model reads from them, the aligned pairs the repair channel is learnt
 * from (`npm run learn:channel`).
 *
 * Scanned notices reach the secretariat read by OCR set up for English,
 * which writes `s6` for số, `Pang` for Đảng and `dugc` for được. This
 * reproduces that channel on text the project ships: the clean seeds (not
 * 19-BC, which is near-parallel to the 20-TB test notice, and never the 20-TB
 * OCR itself) and a slice of the Wikipedia source, typeset as A4 pages in
 * Times-like and other serifs, some in capitals, some blurred or scanned at
 * 150–200 dpi, and read by tesseract.js with Debian's eng.traineddata.
 * Tesseract is deterministic, so the same pages give the same file.
 *
 *   tsx scripts/make-ocr-pairs.ts [--out data/repair/ocr-pairs.jsonl.gz]
 *
 * Needs `apt-get install tesseract-ocr-eng fonts-liberation2 fonts-dejavu-core`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import PQueue from 'p-queue';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

const ROOT = resolve(import.meta.dirname, '..');
const TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
/** Times-like faces, as notices are typeset, and one wider serif. */
const FONTS = {
  regular: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
  bold: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf',
  italic: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf',
  dejavu: '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
} as const;

/** Clean text the project ships, typed with its marks. */
const SEEDS = ['corpus/17-TB-CQTTBCD-phu-luc.draft.txt', 'corpus/17-TB-CQTTBCD-phu-luc.txt', 'corpus/04-TB-BCDTW.txt'];
const WIKI = 'data/lm/sources/viwiki-2017.txt.gz';
/** Characters of Wikipedia text to typeset: about as much as the seeds, for words the notices lack. */
const WIKI_CHARS = 160_000;

const DPI = 300;
const PAGE = { width: 2480, height: 3508, margin: 236 };

/** A page as typeset (its layout) and as the OCR read it. */
export interface OcrPair extends Layout {
  source: string;
  page: number;
  /** The lines as typeset. */
  text: string;
  /** What the OCR read. */
  ocr: string;
}

const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'data/repair/ocr-pairs.jsonl.gz') } } });

for (const [what, path] of [['tesseract-ocr-eng', join(TESSDATA, 'eng.traineddata')], ['fonts-liberation2', FONTS.regular], ['fonts-dejavu-core', FONTS.dejavu]]) {
  if (!existsSync(path)) {
    console.error(`make-ocr-pairs: ${path} not found: sudo apt-get install --no-install-recommends ${what}`);
    process.exit(2);
  }
}
for (const [name, file] of Object.entries(FONTS)) GlobalFonts.registerFromPath(file, `serif-${name}`);

/** Paragraphs as printed: Markdown emphasis is not on paper, line-wrapped paragraphs are one. */
function paragraphs(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)/g, '')
    .split(/\n\s*\n|\n(?=\s*(?:[-+•]|\d+\.|[a-zđ]\)|\(\d+\)|[IVX]+[.-]))/u)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 1);
}

function wikiParagraphs(): string[] {
  const articles = gunzipSync(readFileSync(join(ROOT, WIKI))).toString('utf8').split(/\n\s*\n/);
  // Every 97th article from a fixed start: varied subjects, the same ones every run.
  const out: string[] = [];
  let chars = 0;
  for (let i = 13; i < articles.length && chars < WIKI_CHARS; i += 97) {
    for (const p of paragraphs(articles[i])) {
      if (p.length < 80) continue;
      out.push(p);
      chars += p.length;
    }
  }
  return out;
}

interface Layout {
  font: keyof typeof FONTS;
  pt: number;
  /** Set in capitals, as notices set their headings. */
  upper: boolean;
  /** Gaussian blur in pixels at 300 dpi. */
  blur: number;
  /** The resolution the page was scanned at. */
  dpi: number;
}

/** Page n's typesetting: mostly regular 13–14 pt, some bold, italic, another face or capitals, blurred or scanned coarser. */
function layoutOf(n: number): Layout {
  const font = n % 6 === 5 ? 'bold' : n % 9 === 4 ? 'italic' : n % 7 === 2 ? 'dejavu' : 'regular';
  return { font, pt: n % 2 ? 14 : 13, upper: n % 5 === 3, blur: [0, 0.6, 1, 1.4][n % 4], dpi: n % 11 === 7 ? 150 : n % 4 === 3 ? 200 : DPI };
}

const pixels = (layout: Layout) => (layout.pt * DPI) / 72;
const LEADING = 1.4;

/** Greedy line breaking by measured width, page by page, each page in its own layout. */
function paginate(paras: string[], firstPage: number): { layout: Layout; lines: string[] }[] {
  const ctx = createCanvas(10, 10).getContext('2d');
  const words = paras.map((p) => p.split(' '));
  const pages: { layout: Layout; lines: string[] }[] = [];
  let para = 0;
  let word = 0;
  while (para < words.length) {
    const layout = layoutOf(firstPage + pages.length);
    ctx.font = `${pixels(layout)}px serif-${layout.font}`;
    const perPage = Math.floor((PAGE.height - 2 * PAGE.margin) / (pixels(layout) * LEADING));
    const lines: string[] = [];
    while (lines.length < perPage && para < words.length) {
      let line = '';
      for (; word < words[para].length; word++) {
        const next = line ? `${line} ${words[para][word]}` : words[para][word];
        const shown = layout.upper ? next.toUpperCase() : next;
        if (line && ctx.measureText(shown).width > PAGE.width - 2 * PAGE.margin) break;
        line = next;
      }
      lines.push(layout.upper ? line.toUpperCase() : line);
      if (word >= words[para].length) [para, word] = [para + 1, 0];
    }
    pages.push({ layout, lines });
  }
  return pages;
}

async function render(lines: string[], layout: Layout): Promise<Buffer> {
  const px = pixels(layout);
  const canvas = createCanvas(PAGE.width, PAGE.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, PAGE.width, PAGE.height);
  ctx.fillStyle = 'black';
  ctx.font = `${px}px serif-${layout.font}`;
  if (layout.blur) ctx.filter = `blur(${layout.blur}px)`;
  lines.forEach((line, i) => ctx.fillText(line, PAGE.margin, PAGE.margin + (i + 1) * px * LEADING));
  if (layout.dpi === DPI) return canvas.encode('png');
  // A coarser scan: the page drawn down to that resolution.
  const scale = layout.dpi / DPI;
  const small = createCanvas(Math.round(PAGE.width * scale), Math.round(PAGE.height * scale));
  small.getContext('2d').drawImage(canvas, 0, 0, small.width, small.height);
  return small.encode('png');
}

const jobs: { source: string; page: number; layout: Layout; lines: string[] }[] = [];
for (const [source, paras] of [...SEEDS.map((s) => [s, paragraphs(readFileSync(join(ROOT, s), 'utf8'))] as const), [WIKI, wikiParagraphs()] as const]) {
  paginate(paras, jobs.length).forEach((page, i) => jobs.push({ source, page: i + 1, ...page }));
}

const workers: Worker[] = [];
const idle: Worker[] = [];
const queue = new PQueue({ concurrency: availableParallelism() });
const started = performance.now();
let done = 0;
const pairs = await Promise.all(
  jobs.map((job) =>
    queue.add(async (): Promise<OcrPair> => {
      let worker = idle.pop();
      if (!worker) {
        worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath: TESSDATA, gzip: false, cacheMethod: 'none' });
        workers.push(worker);
      }
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: String(job.layout.dpi) });
      const { data } = await worker.recognize(await render(job.lines, job.layout));
      idle.push(worker);
      if (process.stderr.isTTY) process.stderr.write(`\rmake-ocr-pairs: ${++done}/${jobs.length} pages`);
      return { source: job.source, page: job.page, ...job.layout, text: job.lines.join('\n'), ocr: data.text.normalize('NFC').trim() };
    }),
  ),
);
await Promise.all(workers.map((w) => w.terminate()));
writeFileSync(values.out!, gzipSync(pairs.map((p) => JSON.stringify(p)).join('\n') + '\n', { level: 9 }));
console.error(`\nmake-ocr-pairs: ${pairs.length} pages in ${((performance.now() - started) / 1000).toFixed(0)} s -> ${values.out}`);
