/**
 * Ingest: read a file (or stdin) into a Doc. Chooses the adapter by content,
 * not by extension alone, and refuses bad input with an InputError.
 */
import { readFile } from 'node:fs/promises';
import { createDoc, InputError, type Doc } from '../model.ts';

export interface IngestOptions {
  /** Largest input accepted, in bytes. @default 50 MiB */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function ingest(path: string, options: IngestOptions = {}): Promise<Doc> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'unknown error'})`);
  }
  return ingestBytes(path, bytes, options);
}

export function ingestBytes(path: string, bytes: Buffer, options: IngestOptions = {}): Doc {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (bytes.length > max) throw new InputError(path, `too large (${bytes.length} bytes; the limit is ${max})`);
  const text = decodeText(path, bytes);
  if (!text.trim()) throw new InputError(path, 'no text (only white space)');
  const format = /^\s{0,3}#{1,6}\s|\*\*[^*\n]+\*\*|<sup>\d+<\/sup>/m.test(text) ? 'markdown' : 'text';
  return createDoc(path, text, format);
}

function decodeText(path: string, bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw new InputError(path, 'PDF input is not supported yet');
  if (bytes.includes(0)) throw new InputError(path, 'binary file, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, 'not valid UTF-8 text');
  }
}
