/**
 * A web page's own content as plain text, with paragraph breaks: the page is
 * parsed into a light tree, chrome (navigation, menus, related-news lists,
 * footers) is cut, and the block that holds most of the running text wins,
 * as Readability does. Nesting deeper than the depth limit is refused, so
 * the recursive walks below never go deeper than that limit.
 */
import { overLimit, type Limits } from './limits.ts';

interface Element {
  tag: string;
  attrs: string;
  children: Node[];
  parent?: Element;
  depth: number;
}
type Node = Element | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas']);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'button', 'select', 'dialog']);
const CHROME_NAMES = /\b(?:nav|navbar|menu|breadcrumbs?|footer|header|sidebar|side-bar|related|lien-quan|tinlienquan|tin-khac|tin-moi|other-news|share|social|comments?|advert\w*|ads?|banner|widget|tags|pagination|login|search|qr-?code|counter|thong-ke|statistics?)\b/i;
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'center', 'tbody', 'thead']);
/** Opening one of these closes an open one of the same kind (HTML's optional end tags). */
const SELF_CLOSING = new Set(['p', 'li', 'tr', 'td', 'th', 'dt', 'dd', 'option']);

export function htmlToText(path: string, html: string, limits: Limits): string {
  return tidy(render(mainContent(parse(path, html, limits))));
}

/** All of a fragment's text (HTML we made ourselves, e.g. from a .docx: no chrome to cut). */
export function bodyText(path: string, html: string, limits: Limits): string {
  return tidy(parse(path, html, limits).children.map(render).join(''));
}

function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function parse(path: string, html: string, limits: Limits): Element {
  const root: Element = { tag: '#root', attrs: '', children: [], depth: 0 };
  let open = root;
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|[^<]+|</g;
  let skipUntil = '';
  for (const m of html.matchAll(token)) {
    const [raw, closing, name, attrs] = m;
    const tag = name?.toLowerCase();
    if (skipUntil) {
      if (closing && tag === skipUntil) skipUntil = '';
      continue;
    }
    if (!tag) {
      if (!raw.startsWith('<!') && !raw.startsWith('<?')) open.children.push(raw === '<' ? '<' : decodeEntities(raw));
      continue;
    }
    if (closing) {
      for (let e: Element | undefined = open; e && e !== root; e = e.parent) {
        if (e.tag === tag) {
          open = e.parent ?? root;
          break;
        }
      }
      continue;
    }
    if (SKIPPED.has(tag)) {
      if (!attrs.trimEnd().endsWith('/')) skipUntil = tag;
      continue;
    }
    if (SELF_CLOSING.has(tag) && open.tag === tag) open = open.parent ?? root;
    const element: Element = { tag, attrs, children: [], parent: open, depth: open.depth + 1 };
    if (element.depth > limits.maxDepth) throw overLimit(path, limits, 'maxDepth', `HTML elements nested ${element.depth} deep`);
    open.children.push(element);
    if (!VOID.has(tag) && !attrs.trimEnd().endsWith('/')) open = element;
  }
  return root;
}

function isChrome(e: Element): boolean {
  if (CHROME_TAGS.has(e.tag)) return true;
  const names = [...e.attrs.matchAll(/\b(?:class|id|role)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)].map((m) => m[1].replace(/['"]/g, '')).join(' ');
  return CHROME_NAMES.test(names.replace(/_/g, '-')) || /\brole\s*=\s*["']?(?:navigation|banner|contentinfo|complementary)/i.test(e.attrs);
}

function textLength(node: Node, links = false): number {
  if (typeof node === 'string') return node.trim().length;
  if (isChrome(node)) return 0;
  if (links && node.tag === 'a') return 0;
  return node.children.reduce((n, c) => n + textLength(c, links), 0);
}

/** The element whose paragraphs carry the most text that is not links. */
function mainContent(root: Element): Element {
  const scores = new Map<Element, number>();
  const visit = (e: Element) => {
    if (isChrome(e)) return;
    const own = e.children.reduce((n, c) => n + (typeof c === 'string' ? c.trim().length : BLOCK.has(c.tag) ? 0 : textLength(c, true)), 0);
    if (own > 25 && e.parent) {
      scores.set(e.parent, (scores.get(e.parent) ?? 0) + own);
      if (e.parent.parent) scores.set(e.parent.parent, (scores.get(e.parent.parent) ?? 0) + own / 2);
    }
    for (const c of e.children) if (typeof c !== 'string') visit(c);
  };
  visit(root);
  let best = root;
  let top = 0;
  for (const [e, s] of scores) if (s > top) [best, top] = [e, s];
  return best;
}

function render(node: Node): string {
  if (typeof node === 'string') return node.replace(/\s+/g, ' ');
  if (isChrome(node)) return '';
  if (node.tag === 'br') return '\n';
  const inner = node.children.map(render).join('');
  // A block that is mostly links (a list of other news) is not content.
  if (BLOCK.has(node.tag) && node.tag !== '#root') {
    const all = textLength(node);
    if (all > 0 && textLength(node, true) < all * 0.5) return '';
  }
  if (node.tag === 'td' || node.tag === 'th') return `${inner.trim()}\t`;
  if (node.tag === 'li' || node.tag === 'tr' || node.tag === 'dt' || node.tag === 'dd') return `\n${inner.trim()}\n`;
  return BLOCK.has(node.tag) ? `\n\n${inner.trim()}\n\n` : inner;
}

/** HTML 4's Latin-1 entities, in code-point order from U+00A0. */
const LATIN1 = 'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(' ');
const ENTITIES = new Map<string, string>([
  ...LATIN1.map((name, i) => [name, String.fromCharCode(0xa0 + i)] as [string, string]),
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['ndash', '–'], ['mdash', '—'], ['hellip', '…'],
  ['lsquo', '‘'], ['rsquo', '’'], ['ldquo', '“'], ['rdquo', '”'], ['bull', '•'], ['Dstrok', 'Đ'], ['dstrok', 'đ'],
]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z][a-z\d]*);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES.get(name) ?? whole;
  });
}
