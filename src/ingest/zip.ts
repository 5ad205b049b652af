/**
 * Reads the entries of a zip archive (a .docx) from its central directory.
 * Every offset is checked against the archive, and each entry inflates to at
 * most a given size: a damaged or hostile zip gives null or a ZipError,
 * never a read past the end or a gigabyte in memory.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The entry's bytes, unzipped; throws a ZipError when damaged or when it would inflate past `maxBytes`. */
  read: (maxBytes: number) => Buffer;
}

export class ZipError extends Error {
  constructor(readonly reason: string, readonly tooLarge = false) {
    super(reason);
  }
}

export function readZip(bytes: Buffer): Map<string, ZipEntry> | null {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    if (at + 46 + nameLength > bytes.length) return null;
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    entries.set(name, { read: (maxBytes) => inflate(bytes, name, local, size, method, maxBytes) });
  }
  return entries;
}

function inflate(bytes: Buffer, name: string, local: number, size: number, method: number, maxBytes: number): Buffer {
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new ZipError(`${name}: no local header`);
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (start + size > bytes.length) throw new ZipError(`${name}: truncated`);
  const data = bytes.subarray(start, start + size);
  if (method === 0) {
    if (size > maxBytes) throw new ZipError(name, true);
    return Buffer.from(data);
  }
  if (method !== 8) throw new ZipError(`${name}: compression method ${method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(name, true);
    throw new ZipError(`${name}: ${(error as Error).message}`);
  }
}
