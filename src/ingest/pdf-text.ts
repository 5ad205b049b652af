/**
 * A PDF page's text items become lines in reading order: items on one
 * baseline join into a line (far-apart runs on one baseline, like the two
 * header columns of a notice, stay separate lines), a wider gap between lines
 * starts a paragraph, and across pages the running headers, footers and page
 * numbers are dropped.
 */
import type { Box, Page, PageLine } from './lines.ts';

/** What pdfjs gives for a text item, reduced to what we use. */
export interface TextItem {
  str: string;
  /** [a, b, c, d, e, f]: e, f is the baseline origin in PDF space (y up). */
  transform: number[];
  width: number;
  height: number;
}

interface Run {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

export function itemsToLines(items: TextItem[], pageHeight: number): PageLine[] {
  const runs: Run[] = items
    .filter((item) => item.str.length > 0)
    .map((item) => {
      const size = Math.hypot(item.transform[2], item.transform[3]) || item.height || 10;
      return { text: item.str, x0: item.transform[4], x1: item.transform[4] + item.width, baseline: pageHeight - item.transform[5], size };
    })
    .sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: Run[][] = [];
  for (const run of runs) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0].baseline - run.baseline) < row[0].size * 0.4) row.push(run);
    else rows.push([run]);
  }
  const lines: (PageLine & { baseline: number; size: number })[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    let current: Run[] = [];
    const flush = () => {
      const text = joinRuns(current).replace(/\s+/g, ' ').trim();
      if (text) {
        const size = current.reduce((most, r) => Math.max(most, r.size), 0);
        const bbox: Box = { x0: current[0].x0, y0: current[0].baseline - size * 0.8, x1: current.reduce((most, r) => Math.max(most, r.x1), -Infinity), y1: current[0].baseline + size * 0.2 };
        lines.push({ text: text.normalize('NFC'), bbox, baseline: current[0].baseline, size });
      }
      current = [];
    };
    for (const run of row) {
      const prev = current.at(-1);
      if (prev && run.x0 - prev.x1 > prev.size * 3) flush();
      current.push(run);
    }
    flush();
  }
  // A paragraph starts where the gap to the previous baseline is clearly wider than the usual one.
  const gaps = lines.slice(1).map((l, i) => l.baseline - lines[i].baseline).filter((g) => g > 0).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  return lines.map(({ baseline, size, ...line }, i) => {
    const gap = i ? baseline - lines[i - 1].baseline : 0;
    return { ...line, paragraph: i > 0 && gap > Math.max(usual * 1.4, size * 1.6) };
  });
}

function joinRuns(runs: Run[]): string {
  let text = '';
  runs.forEach((run, i) => {
    const prev = runs[i - 1];
    const space = prev && run.x0 - prev.x1 > prev.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text);
    text += (space ? ' ' : '') + run.text;
  });
  return text;
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:trang|page)\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/i;

/**
 * Drop running headers and footers: lines in the top or bottom eighth of the
 * page that recur (digits aside) at the same height on several pages, and
 * lone page numbers there.
 */
export function removeRunning(pages: Page[], pageHeights: number[]): Page[] {
  const margin = (p: number, line: PageLine) => line.bbox.y1 < pageHeights[p] / 8 || line.bbox.y0 > (pageHeights[p] * 7) / 8;
  const key = (line: PageLine) => `${Math.round(line.bbox.y0 / 12)}:${line.text.replace(/\d+/g, '#').toLowerCase()}`;
  const seen = new Map<string, Set<number>>();
  pages.forEach((page, p) => {
    for (const line of page.lines) if (margin(p, line)) seen.set(key(line), (seen.get(key(line)) ?? new Set()).add(p));
  });
  const recurring = (line: PageLine) => pages.length > 1 && (seen.get(key(line))?.size ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page, p) => {
    const lines = page.lines.filter((line) => !(margin(p, line) && (recurring(line) || PAGE_NUMBER.test(line.text))));
    return { ...page, lines: lines.map((line, i) => (i === 0 ? { ...line, paragraph: false } : line)) };
  });
}

/**
 * Rejoin a word split at a line end: `Infu-` + `sion` → `Infusion`, the lines
 * joined without the hyphen when both sides are lower-case letters; `57-` +
 * `NQ/TW` joined keeping it. A soft hyphen always goes.
 */
export function joinHyphenated(pages: Page[]): Page[] {
  return pages.map((page) => {
    const lines = page.lines.map((line) => ({ ...line }));
    for (let i = 0; i + 1 < lines.length; i++) {
      const line = lines[i];
      const next = lines[i + 1];
      if (next.paragraph) continue;
      if (line.text.endsWith('\u00ad')) {
        line.text = line.text.slice(0, -1);
        next.joined = true;
      } else if (/[\p{L}\d]-$/u.test(line.text) && !/\s-$/.test(line.text)) {
        if (/\p{Ll}-$/u.test(line.text) && /^\p{Ll}/u.test(next.text)) line.text = line.text.slice(0, -1);
        next.joined = true;
      }
    }
    return { ...page, lines };
  });
}
