/**
 * Ingest: read a file (or stdin) into a Doc. Chooses the adapter by content
 * (magic bytes), not by extension, and refuses bad input with an InputError.
 *
 * Formats: `text`, `markdown`, `html`, `docx`, `pdf` (text layer), `pdf-ocr`
 * (some or all pages OCR'd) and `image-ocr`. OCR'd formats end in `-ocr`:
 * they are the ones the repair stage must see. Each reader is loaded when an
 * input needs it: a text file never loads pdfjs, tesseract.js or mammoth.
 */
import { open } from 'node:fs/promises';
import { createDoc, InputError, type Doc } from '../doc/model.ts';
import { htmlToText } from './html.ts';
import { assemble } from './lines.ts';
import { looksLikeMarkdown } from './markdown-signs.ts';
import type { OcrOptions } from './ocr.ts';
import { limitsOf, overLimit, type Limits } from './limits.ts';
import { progressBar } from './progress.ts';
import { sniff } from './sniff.ts';
import { decodeText } from './text.ts';

/** OCR options, plus the limits (limits.ts: defaults in DEFAULT_LIMITS). `onProgress` defaults to a progress bar when stderr is a terminal. */
export interface IngestOptions extends OcrOptions, Partial<Limits> {}

export async function ingest(path: string, options: IngestOptions = {}): Promise<Doc> {
  const limits = limitsOf(options);
  let bytes: Buffer;
  try {
    // The size is checked before reading, so a huge file is refused without being held in memory.
    const file = await open(path);
    try {
      const { size } = await file.stat();
      if (size > limits.maxBytes) throw overLimit(path, limits, 'maxBytes', `too large (${size} bytes)`);
      bytes = await file.readFile();
    } finally {
      await file.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'unknown error'})`);
  }
  return ingestBytes(path, bytes, options);
}

export async function ingestBytes(path: string, bytes: Buffer, options: IngestOptions = {}): Promise<Doc> {
  const limits = limitsOf(options);
  const doc = await read(path, bytes, options, limits);
  if (doc.text.length > limits.maxChars) throw tooLong(path, doc.text, limits);
  return doc;
}

function tooLong(path: string, text: string, limits: Limits) {
  return overLimit(path, limits, 'maxChars', `${text.length} characters of text`);
}

async function read(path: string, bytes: Buffer, options: IngestOptions, limits: Limits): Promise<Doc> {
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (bytes.length > limits.maxBytes) throw overLimit(path, limits, 'maxBytes', `too large (${bytes.length} bytes)`);
  const kind = sniff(bytes);
  options = { ...options, onProgress: options.onProgress ?? (process.stderr.isTTY ? progressBar : undefined) };
  if (typeof kind === 'object') throw new InputError(path, `unsupported type: ${kind.refused}`);
  switch (kind) {
    case 'pdf': {
      const { ocrMessages, readPdf } = await import('./pdf.ts');
      const result = await readPdf(path, bytes, options, limits);
      const { text, lines } = assemble(result.pages);
      if (!text.trim()) throw new InputError(path, 'no text found in the PDF (blank pages, or a scan too poor to read)');
      const doc = createDoc(path, text, result.ocr.length ? 'pdf-ocr' : 'pdf', lines);
      doc.messages.push(...ocrMessages(result, lines));
      return doc;
    }
    case 'png':
    case 'jpeg':
    case 'tiff': {
      const [{ readImage }, { passNote }] = await Promise.all([import('./image.ts'), import('./ocr.ts')]);
      const page = await readImage(path, bytes, kind, options, limits);
      const { text, lines } = assemble([page]);
      const doc = createDoc(path, text, 'image-ocr', lines);
      doc.messages.push({ reason: `read by OCR${passNote(page.pass)}`, severity: 'info', ruleId: 'ingest:ocr', start: 0, end: text.length });
      return doc;
    }
    case 'zip': {
      const { readDocx } = await import('./docx.ts');
      const { text, warnings } = await readDocx(path, bytes, limits);
      if (!text.trim()) throw new InputError(path, 'no text in the .docx');
      const doc = createDoc(path, text.normalize('NFC'), 'docx');
      doc.messages.push(...warnings.map((reason) => ({ reason, severity: 'warning' as const, ruleId: 'ingest:docx', start: 0, end: 0 })));
      return doc;
    }
    case 'text':
      return textDoc(path, bytes, limits);
  }
}

/** What a file's extension promises, for files whose bytes are not that (and not text either). */
const PROMISED: Record<string, string> = {
  docx: 'not a zip archive, as every Word .docx is',
  pdf: 'no %PDF- header',
  png: 'not a PNG image',
  jpg: 'not a JPEG image',
  jpeg: 'not a JPEG image',
  tif: 'not a TIFF image',
  tiff: 'not a TIFF image',
};

/**
 * Content decides how a file is read, but when bytes named `.docx` (or
 * `.pdf`, `.png`…) are neither that nor text, saying "binary file" or
 * "truncated UTF-16" would mislead: say what the name promised.
 */
function misnamed(path: string, error: unknown): unknown {
  const extension = path.match(/\.([a-z]+)$/i)?.[1].toLowerCase();
  if (!(error instanceof InputError) || !extension || !PROMISED[extension]) return error;
  return new InputError(path, `damaged or misnamed .${extension} file (${PROMISED[extension]}, and not text either)`);
}

async function textDoc(path: string, bytes: Buffer, limits: Limits): Promise<Doc> {
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(path, bytes);
  } catch (error) {
    throw misnamed(path, error);
  }
  const { text, encoding, replaced } = decoded;
  if (!text.trim()) throw new InputError(path, 'no text (only white space)');
  const invalid = replaced?.length ? invalidBytes(text, replaced) : null;
  const html = looksLikeHtml(text);
  // Before Markdown parsing, whose tree grows with the text; a web page's markup is not its text, and its content is checked once read.
  if (!html && text.length > limits.maxChars) throw tooLong(path, text, limits);
  if (html) {
    const content = htmlToText(path, text, limits);
    if (!content) throw new InputError(path, 'an HTML page with no content text');
    const page = createDoc(path, content, 'html');
    if (invalid) page.messages.push({ ...invalid, start: 0, end: 0 });
    return page;
  }
  const doc = looksLikeMarkdown(text) ? (await import('./markdown.ts')).readMarkdown(path, text, limits) : createDoc(path, text, 'text');
  if (invalid) doc.messages.push(invalid);
  if (encoding !== 'utf-8' && !encoding.startsWith('utf-16')) {
    doc.messages.push({ reason: `converted from ${encoding} to Unicode`, severity: 'info', ruleId: 'ingest:encoding', start: 0, end: 0 });
  }
  return doc;
}

/** The warning for bytes that were not UTF-8, naming the lines they stood on. */
function invalidBytes(text: string, replaced: number[]) {
  const lines = [...new Set(replaced.map((at) => text.slice(0, at).split('\n').length))];
  const where = `line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}`;
  return {
    reason: `${replaced.length} invalid UTF-8 byte sequence${replaced.length > 1 ? 's' : ''} read as U+FFFD (${where})`,
    severity: 'warning' as const,
    ruleId: 'ingest:invalid-utf8',
    start: replaced[0],
    end: replaced[0] + 1,
  };
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (/<(?:body|div|p|table)\b[^>]*>/.test(head) && /<\/(?:body|div|p|table)>/.test(text));
}
