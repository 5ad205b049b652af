/**
 * Pages of positioned lines (from a PDF text layer or OCR) become one text
 * and the SourceLine list that points each line back to its page and box.
 */
import type { SourceLine } from '../doc/model.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One line of a page. Boxes are in points (1/72 inch) from the page's top-left corner. */
export interface PageLine {
  text: string;
  bbox: Box;
  /** A blank line goes before this one (a new paragraph). */
  paragraph?: boolean;
  /** The previous line ended in a split word: join without a line break. */
  joined?: boolean;
}

export interface Page {
  number: number;
  lines: PageLine[];
}

export function assemble(pages: Page[]): { text: string; lines: SourceLine[] } {
  let text = '';
  const lines: SourceLine[] = [];
  for (const page of pages) {
    for (const line of page.lines) {
      if (text && !line.joined) text += line.paragraph || line === page.lines[0] ? '\n\n' : '\n';
      const start = text.length;
      text += line.text;
      lines.push({ page: page.number, start, end: text.length, bbox: line.bbox });
    }
  }
  return { text: text ? `${text}\n` : '', lines };
}
