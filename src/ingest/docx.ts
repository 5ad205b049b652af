/**
 * Word files through mammoth, with list numbers written into the text:
 * clause numbers (`1.`, `a)`, `II-`) often live in Word's list numbering,
 * which mammoth reduces to "ordered or not". The labels are computed here
 * from numbering.xml and put in front of each paragraph before mammoth
 * renders it.
 */
import mammoth from 'mammoth';
import { InputError } from '../doc/model.ts';
import { bodyText } from './html.ts';
import { overLimit, type Limits } from './limits.ts';
import { readZip, ZipError, type ZipEntry } from './zip.ts';

export async function readDocx(path: string, bytes: Buffer, limits: Limits): Promise<{ text: string; warnings: string[] }> {
  const zip = readZip(bytes);
  if (!zip) throw new InputError(path, 'damaged zip archive (a .docx must be a complete zip)');
  if (!zip.has('word/document.xml')) throw new InputError(path, 'a zip archive, but not a Word .docx (no word/document.xml)');
  const parts = unzipChecked(path, zip, limits);
  const xml = (name: string) => parts.get(name) ?? '';
  let labels: (string | null)[];
  try {
    labels = listLabels(xml('word/document.xml'), xml('word/numbering.xml'), xml('word/styles.xml'));
  } catch (error) {
    throw new InputError(path, `damaged .docx (${(error as Error).message})`);
  }
  let k = 0;
  const labelParagraph = (paragraph: MammothParagraph) => {
    const label = labels[k++];
    if (!label) return paragraph;
    return { ...paragraph, numbering: null, children: [{ type: 'run', children: [{ type: 'text', value: `${label} ` }] }, ...paragraph.children] };
  };
  let result;
  try {
    const transformDocument = (mammoth as unknown as MammothTransforms).transforms.paragraph(labelParagraph);
    // Images are not text: an empty <img> each, so mammoth never unzips them (nor holds them as base64).
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
    result = await mammoth.convertToHtml({ buffer: bytes }, { transformDocument, convertImage, ignoreEmptyParagraphs: false } as Parameters<typeof mammoth.convertToHtml>[1]);
  } catch (error) {
    throw new InputError(path, `damaged .docx (${(error as Error).message})`, { cause: error });
  }
  const warnings = result.messages.filter((m) => m.type === 'warning').map((m) => m.message);
  if (k !== labels.length) warnings.push(`list numbers may be misplaced: ${labels.length} paragraphs in document.xml, ${k} read`);
  return { text: bodyText(path, result.value, limits), warnings };
}

/**
 * The parts mammoth parses (XML and relationships; images it never reads)
 * unzipped once, before mammoth unzips them again: within the entry count
 * and unzipped size limits, and nested no deeper than the depth limit, since
 * mammoth's XML reader recurses. Returns their text.
 */
function unzipChecked(path: string, zip: Map<string, ZipEntry>, limits: Limits): Map<string, string> {
  if (zip.size > limits.maxZipEntries) throw overLimit(path, limits, 'maxZipEntries', `${zip.size} entries in the zip archive`);
  const xml = new Map<string, string>();
  let total = 0;
  for (const [name, entry] of zip) {
    if (!/\.(?:xml|rels)$/i.test(name)) continue;
    let data: Buffer;
    try {
      data = entry.read(limits.maxInflatedBytes - total);
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      if (error.tooLarge) throw overLimit(path, limits, 'maxInflatedBytes', `unzipped size too large (at ${name})`);
      throw new InputError(path, `damaged .docx (${error.reason})`);
    }
    total += data.length;
    const text = data.toString('utf8');
    const depth = xmlDepth(text);
    if (depth > limits.maxDepth) throw overLimit(path, limits, 'maxDepth', `XML elements nested ${depth} deep in ${name}`);
    xml.set(name, text);
  }
  return xml;
}

/** How deep an XML text's elements nest, counted from its tags (no parse, no recursion). */
export function xmlDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, selfClosing] of xml.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (closing) depth--;
    else if (!selfClosing) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

interface MammothParagraph {
  children: unknown[];
}

/** mammoth's document transforms, which its type declarations leave out. */
interface MammothTransforms {
  transforms: { paragraph: (transform: (paragraph: MammothParagraph) => unknown) => unknown };
}

interface Level {
  start: number;
  format: string;
  text: string;
}

/** The list label of each paragraph of document.xml, in order (null when not in a list). */
export function listLabels(documentXml: string, numberingXml: string, stylesXml: string): (string | null)[] {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const [, id, body] of numberingXml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const [, ilvl, lvl] of body.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(ilvl), { start: Number(attr(lvl, 'w:start') ?? 1), format: attr(lvl, 'w:numFmt') ?? 'decimal', text: attr(lvl, 'w:lvlText') ?? '' });
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const [, id, body] of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const starts = new Map<number, number>();
    for (const [, ilvl, o] of body.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o, 'w:startOverride');
      if (start) starts.set(Number(ilvl), Number(start));
    }
    nums.set(id, { abstract: attr(body, 'w:abstractNumId') ?? '', starts });
  }
  // Paragraph styles (headings) can carry the numbering instead of the paragraph.
  const styleNumbering = new Map<string, string>();
  for (const [, id, body] of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = body.match(/<w:numPr>[\s\S]*?<\/w:numPr>/)?.[0];
    if (numPr) styleNumbering.set(id, numPr);
  }
  const counters = new Map<string, number[]>();
  const labels: (string | null)[] = [];
  for (const [paragraph] of documentXml.matchAll(/<w:p\b(?:[^>]*\/>|[\s\S]*?<\/w:p>)/g)) {
    const props = paragraph.match(/<w:pPr>[\s\S]*?<\/w:pPr>/)?.[0] ?? '';
    const style = attr(props, 'w:pStyle');
    const numPr = props.match(/<w:numPr>[\s\S]*?<\/w:numPr>/)?.[0] ?? (style ? styleNumbering.get(style) : undefined);
    const numId = numPr && attr(numPr, 'w:numId');
    const num = numId ? nums.get(numId) : undefined;
    const levels = num && abstracts.get(num.abstract);
    if (!numPr || !num || !levels) {
      labels.push(null);
      continue;
    }
    const ilvl = Number(attr(numPr, 'w:ilvl') ?? 0);
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    // Counters are shared by lists of one abstract numbering unless a start is overridden, as in Word.
    const key = num.starts.size ? `num:${numId}` : `abs:${num.abstract}`;
    const count = counters.get(key) ?? [];
    count[ilvl] = count[ilvl] === undefined ? startOf(ilvl) : count[ilvl] + 1;
    count.length = ilvl + 1;
    counters.set(key, count);
    const level = levels.get(ilvl);
    if (!level || level.format === 'none') {
      labels.push(null);
      continue;
    }
    labels.push(level.format === 'bullet' ? bulletOf(level.text) : level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(count[l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
    }));
  }
  return labels;
}

function attr(xml: string, name: string): string | undefined {
  return xml.match(new RegExp(`<${name}\\b[^>]*w:val="([^"]*)"`))?.[1];
}

/** Word bullets are often Symbol-font private-use glyphs: write them as a dash, as the notices do. */
function bulletOf(text: string): string {
  return /^[\-–+*•]$/.test(text) ? text : '-';
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb, …
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, numeral] of table) for (; n >= value; n -= value) out += numeral;
  return out;
}
