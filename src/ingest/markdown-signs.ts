/**
 * Whether a text is Markdown, told by its marks: kept apart from markdown.ts
 * so that a plain text is recognised without loading remark.
 */

/** Headings, bold, a `<sup>` footnote call, two list items in a row, a link, a GFM footnote body. */
const MARKDOWN_SIGNS = /^\s{0,3}#{1,6}\s|\*\*[^*\n]+\*\*|<sup>\d+<\/sup>|^\s{0,3}(?:[-*+]|\d+\.)\s.*\n\s{0,3}(?:[-*+]|\d+\.)\s|\[[^\]\n]+\]\([^)\n]+\)|^\[\^[^\]]+\]:/m;

/**
 * remark's parser pairs emphasis runs (a run: `**`, `_`) in time that grows
 * with the square of their number in a paragraph (5,000 alternating `*_` runs
 * take 1.3 s, 50,000 minutes): past these counts a text is not Markdown anyone
 * wrote, and is read as plain text. A web page's dump of bold labels holds
 * about a thousand runs in one paragraph.
 */
const MAX_EMPHASIS_RUNS = { paragraph: 5000, text: 40_000 };

/** Text is read as Markdown when its marks say so, whatever the file is called. */
export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.test(text) && !tooManyEmphasisRuns(text);
}

function tooManyEmphasisRuns(text: string): boolean {
  let total = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const runs = paragraph.match(/\*+|_+/g)?.length ?? 0;
    if (runs > MAX_EMPHASIS_RUNS.paragraph) return true;
    total += runs;
  }
  return total > MAX_EMPHASIS_RUNS.text;
}
