/**
 * Markdown, parsed with unified + remark-parse: the working text is built
 * from the tree, each character from the source offset it stands at (mdast
 * nodes carry `position.start.offset`/`end.offset`), so a task still points
 * at its words in the .md file.
 *
 * Emphasis, strong and headings become their plain words. List markers
 * (`1.`, `-`, `+`) are copied from the source, since in a notice they are
 * the clause markers the segmenter reads; and the line endings between
 * blocks are copied as they stand, since blank lines tell paragraphs from
 * wrapped lines. Footnote calls (`<sup>N</sup>`) leave the running text;
 * a call that opens a line opens the footnote's body, which becomes a note.
 */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { DEFAULT_LIMITS, overLimit, type Limits } from './limits.ts';
import { applyRewrite, createDoc, TextRewriter, type Doc, type Note } from '../doc/model.ts';

/** How deep a tree's nodes nest, walked with a stack (no recursion). */
function treeDepth(root: Nodes): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A converter's YAML front matter (`---` / `title: …` / `---`) at the file's start. */
const FRONT_MATTER = /^---\n(?:[\w-]+:[^\n]*\n)+---\n/u;

export function readMarkdown(path: string, source: string, limits: Limits = DEFAULT_LIMITS): Doc {
  // The front matter is the file's, not the document's: read as blank lines, offsets unchanged.
  const body = source.replace(FRONT_MATTER, (m) => m.replace(/[^\n]/g, ' '));
  const tree = unified().use(remarkParse).parse(body);
  // The walk below recurses into quotes and lists: refuse nesting past the depth limit first.
  const depth = treeDepth(tree);
  if (depth > limits.maxDepth) throw overLimit(path, limits, 'maxDepth', `Markdown blocks nested ${depth} deep`);
  const writer = new TextRewriter();
  const notes: Note[] = [];
  new TreeText(body, writer, notes).blocks(tree.children, 0, body.length);
  const { text, toOld } = writer.finish(source.length);
  return { ...applyRewrite(createDoc(path, source, 'markdown'), text, toOld), notes };
}

/** `&amp;`, `&#7889;`, `&#x1EA1;`: one character in a value, several in the source. */
const CHARACTER_REFERENCE = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

const start = (node: Nodes) => node.position!.start.offset!;
const end = (node: Nodes) => node.position!.end.offset!;

/** A footnote call: `<sup>`, a number, `</sup>`, as three nodes from `at`. */
function footnoteLabel(nodes: PhrasingContent[], at: number): string | null {
  const [open, label, close] = nodes.slice(at, at + 3);
  if (open?.type !== 'html' || open.value.toLowerCase() !== '<sup>') return null;
  if (close?.type !== 'html' || close.value.toLowerCase() !== '</sup>') return null;
  return label?.type === 'text' && /^\d+$/.test(label.value) ? label.value : null;
}

/** Writes a tree's words into a TextRewriter whose "old text" is the source. */
class TreeText {
  constructor(
    private readonly source: string,
    private readonly writer: TextRewriter,
    private readonly notes: Note[],
  ) {}

  /** Blocks in order, with the line endings between them (and before the first, after the last) as in the source. */
  blocks(nodes: RootContent[], from: number, to: number): void {
    let at = from;
    for (const node of nodes) {
      this.lineEndings(at, start(node));
      this.block(node);
      at = end(node);
    }
    this.lineEndings(at, to);
  }

  private block(node: RootContent): void {
    switch (node.type) {
      case 'paragraph':
        this.paragraph(node);
        return;
      case 'heading':
        this.inline(node.children);
        return;
      case 'list':
      case 'blockquote':
        this.blocks(node.children, start(node), end(node));
        return;
      case 'listItem': {
        // The marker is the clause number: `1.`, `-`, `+` as written.
        const first = node.children[0];
        this.writer.keep(this.source, start(node), first ? start(first) : end(node));
        if (first) this.blocks(node.children, start(first), end(node));
        return;
      }
      case 'code':
      case 'html':
        this.literal(node.value, start(node), end(node));
        return;
      default:
        // Thematic breaks and link definitions hold no words.
        return;
    }
  }

  private inline(nodes: PhrasingContent[]): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (footnoteLabel(nodes, i)) {
        i += 2;
        continue;
      }
      switch (node.type) {
        case 'text':
          this.literal(node.value, start(node), end(node), true);
          break;
        case 'inlineCode':
          this.literal(node.value, start(node), end(node));
          break;
        case 'break':
          this.lineEndings(start(node), end(node));
          break;
        case 'html':
          // Other inline tags are markup, not words; `<br>` still ends a line.
          if (/^<br\s*\/?>$/i.test(node.value)) this.writer.replace('\n', start(node));
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          this.inline(node.children);
          break;
        default:
          // Images and footnote references hold no words of the text.
          break;
      }
    }
  }

  /**
   * A footnote body stands on its own line after the page that calls it, as
   * a paragraph of its own or (without a blank line before) at the end of
   * the paragraph above: from the call that opens its line to the end of
   * the paragraph, wrapped lines included.
   */
  private paragraph(node: Paragraph): void {
    const nodes = node.children;
    const call = nodes.findIndex((_, i) => footnoteLabel(nodes, i) !== null && this.opensLine(start(nodes[i])));
    if (call < 0) {
      this.inline(nodes);
      return;
    }
    this.inline(nodes.slice(0, call));
    const body = new TextRewriter();
    new TreeText(this.source, body, this.notes).inline(nodes.slice(call + 3));
    const { text } = body.finish(this.source.length);
    this.notes.push({ label: footnoteLabel(nodes, call)!, text: text.replace(/\s*\n\s*/g, ' ').trim(), start: start(nodes[call]), end: end(node) });
  }

  private opensLine(offset: number): boolean {
    return !this.source.slice(this.source.lastIndexOf('\n', offset - 1) + 1, offset).trim();
  }

  private lineEndings(from: number, to: number): void {
    for (let i = from; i < to; i++) if (this.source[i] === '\n' || this.source[i] === '\r') this.writer.keep(this.source, i, i + 1);
  }

  /**
   * Copies a literal's value, each character from where it stands in the
   * source. A value can lack what the source has around it (escaping
   * backslashes, the indentation of a list item's lines, spaces before a
   * line break) and spells a character reference (`&amp;`) as the character.
   * With `dropStrayAsterisks`, an asterisk the parser could not pair
   * (`Kính gửi:*`, half of an emphasis that a conversion broke) is dropped as
   * the mark it is; an escaped one (`\*`) stays.
   */
  private literal(value: string, from: number, to: number, dropStrayAsterisks = false): void {
    const source = this.source;
    if (source.slice(from, to) === value && !(dropStrayAsterisks && value.includes('*'))) {
      this.writer.keep(source, from, to);
      return;
    }
    let at = from;
    for (const c of value) {
      let found = source.startsWith(c, at) ? at : -1;
      const reference = found < 0 ? CHARACTER_REFERENCE.exec(source.slice(at, at + 40)) : null;
      if (found < 0 && !reference) found = source.indexOf(c, at);
      if (found >= 0 && found < to) {
        at = found + c.length;
        if (!(dropStrayAsterisks && c === '*' && source[found - 1] !== '\\')) this.writer.keep(source, found, at);
      } else {
        this.writer.replace(c, Math.min(at, to - 1));
        if (reference) at += reference[0].length;
      }
    }
  }
}
