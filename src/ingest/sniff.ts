/**
 * What a file is, from its first bytes: the extension is only a hint people
 * get wrong (a scan saved as .pdf.jpg, a web page saved as .doc).
 */

export type Kind = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'zip' | 'text';

/** Types people send that we do not read, with the one line that says what to do instead. */
const REFUSED: [magic: number[], reason: string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'a legacy Word .doc (or other OLE2) file: save it as .docx or PDF'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image: convert it to PNG'],
  [[0x42, 0x4d], 'a BMP image: convert it to PNG'],
  [[0x1f, 0x8b], 'a gzip archive: unpack it first'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive: unpack it first'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7z archive: unpack it first'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document: save it as .docx or PDF'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable, not a document'],
];

export function sniff(bytes: Uint8Array): Kind | { refused: string } {
  const starts = (magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
  // PDF may have junk before the header; readers accept it within the first KiB.
  if (indexOf(bytes.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x49, 0x49, 0x2a, 0x00]) || starts([0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { refused: 'a WebP image: convert it to PNG' };
  for (const [magic, reason] of REFUSED) if (starts(magic)) return { refused: reason };
  return 'text';
}

export function indexOf(bytes: Uint8Array, ascii: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(ascii, 0, 'latin1');
}
