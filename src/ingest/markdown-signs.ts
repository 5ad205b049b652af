/**
 * Whether a text is Markdown, told by its marks: kept apart from markdown.ts
 * so that a plain text is recognised without loading remark.
 */

/** Headings, bold, a `<sup>` footnote call, two list items in a row, a link, a GFM footnote body. */
const MARKDOWN_SIGNS = /^\s{0,3}#{1,6}\s|\*\*[^*\n]+\*\*|<sup>\d+<\/sup>|^\s{0,3}(?:[-*+]|\d+\.)\s.*\n\s{0,3}(?:[-*+]|\d+\.)\s|\[[^\]\n]+\]\([^)\n]+\)|^\[\^[^\]]+\]:/m;

/**
 * remark's parser pairs emphasis marks in time that grows with the square of
 * their number in a paragraph (5,000 unpaired `*` take 6 s, 20,000 take 97 s):
 * past these counts a text is not Markdown anyone wrote, and is read as plain text.
 */
const MAX_EMPHASIS_MARKS = { paragraph: 1000, text: 20_000 };

/** Text is read as Markdown when its marks say so, whatever the file is called. */
export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.test(text) && !tooManyEmphasisMarks(text);
}

function tooManyEmphasisMarks(text: string): boolean {
  let total = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const marks = paragraph.match(/[*_]/g)?.length ?? 0;
    if (marks > MAX_EMPHASIS_MARKS.paragraph) return true;
    total += marks;
  }
  return total > MAX_EMPHASIS_MARKS.text;
}
