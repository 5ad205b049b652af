/**
 * A page image (PNG, JPEG, TIFF): OCR'd as one page. Its resolution comes
 * from the file, or, when the file does not say, from assuming an A4 page.
 */
import { InputError } from '../doc/model.ts';
import { overLimit, type Limits } from './limits.ts';
import { ocrPages, type OcrOptions, type OcrPage } from './ocr.ts';
import type { Kind } from './sniff.ts';

const A4_WIDTH_INCHES = 8.27;

export async function readImage(path: string, bytes: Buffer, kind: Kind, options: OcrOptions, limits: Limits): Promise<OcrPage> {
  const size = pixelSize(bytes, kind);
  if (!size || !size.width || !size.height) throw new InputError(path, `damaged ${kind.toUpperCase()} image (no size in its header)`);
  // Checked before anything decodes it: the header's size is what the decoder would allocate.
  if (size.width * size.height > limits.maxPixels) throw overLimit(path, limits, 'maxPixels', `a ${size.width} × ${size.height} pixel image`);
  const dpi = declaredDpi(bytes, kind) ?? Math.min(600, Math.max(70, size.width / A4_WIDTH_INCHES));
  const [page] = await ocrPages(path, [{ page: 1, dpi, image: async () => bytes }], options);
  if (page.failed) throw new InputError(path, `damaged ${kind.toUpperCase()} image (${page.failed})`);
  if (!page.lines.length) throw new InputError(path, 'no text found in the image');
  return page;
}

function pixelSize(b: Buffer, kind: Kind): { width: number; height: number } | null {
  if (kind === 'png' && b.length >= 24) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (kind === 'jpeg') {
    for (let i = 2; i + 9 < b.length && b[i] === 0xff;) {
      const marker = b[i + 1];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      i += 2 + b.readUInt16BE(i + 2);
    }
    return null;
  }
  if (kind === 'tiff') {
    const width = tiffTag(b, 256);
    const height = tiffTag(b, 257);
    return width && height ? { width, height } : null;
  }
  return null;
}

function declaredDpi(b: Buffer, kind: Kind): number | null {
  if (kind === 'png') {
    const at = b.indexOf('pHYs', 8, 'latin1');
    // Unit 1 is the metre.
    if (at > 0 && at + 13 <= b.length && b[at + 12] === 1) return plausible(b.readUInt32BE(at + 4) * 0.0254);
  }
  if (kind === 'jpeg' && b.length >= 16 && b.toString('latin1', 6, 11) === 'JFIF\0') {
    const density = b.readUInt16BE(14);
    if (b[13] === 1) return plausible(density);
    if (b[13] === 2) return plausible(density * 2.54);
  }
  if (kind === 'tiff') return plausible(tiffTag(b, 282) ?? 0);
  return null;
}

/** Files often carry 72 or 96 "dpi" that says nothing about a scan. */
const plausible = (dpi: number) => (dpi >= 100 && dpi <= 1200 ? dpi : null);

/** A number-valued tag of a TIFF's first image (SHORT, LONG or RATIONAL). */
function tiffTag(b: Buffer, tag: number): number | null {
  const le = b[0] === 0x49;
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  if (b.length < 8) return null;
  const ifd = u32(4);
  if (ifd + 2 > b.length) return null;
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > b.length || u16(entry) !== tag) continue;
    const type = u16(entry + 2);
    if (type === 3) return u16(entry + 8);
    if (type === 4) return u32(entry + 8);
    if (type === 5) {
      const at = u32(entry + 8);
      return at + 8 <= b.length ? u32(at) / (u32(at + 4) || 1) : null;
    }
  }
  return null;
}
