/**
 * How much of a hostile or broken file chidao will read: every limit with its
 * default and the flag that raises it, in one place. Memory and time are
 * bounded by these, not by what a file claims; past one, the file is refused
 * with a line naming the limit and its flag.
 */
import { InputError } from '../doc/model.ts';

export interface Limits {
  /** Bytes of the file itself. */
  readonly maxBytes: number;
  /** Characters of the text read from it: what the later stages' time and memory grow with. */
  readonly maxChars: number;
  /** Pages of a PDF. */
  readonly maxPages: number;
  /** Pixels of an image (from its header, before decoding) or of a PDF page rendered for OCR. */
  readonly maxPixels: number;
  /** Bytes of a .docx's XML parts once unzipped, together (its images are never unzipped). */
  readonly maxInflatedBytes: number;
  /** Entries in a .docx's zip archive. */
  readonly maxZipEntries: number;
  /** Nesting of HTML elements (a web page or a .docx's body). */
  readonly maxDepth: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  // Room for a scanned notice of some 50 pages; what is read from it is bounded by maxChars.
  maxBytes: 32 * MiB,
  // Some 400 pages; a long notice with its appendices is under 200,000. Measured: 1,000,000 characters of text take 8 s and 520 MB.
  maxChars: 1_000_000,
  maxPages: 200,
  // An A4 page at 600 dpi is 35 million pixels.
  maxPixels: 50_000_000,
  // mammoth holds about 100 MB per MiB of XML (measured: 10 MiB, 1.3 GB); a 100-page notice's is 2 to 4 MiB.
  maxInflatedBytes: 6 * MiB,
  maxZipEntries: 2000,
  // Real pages nest 20 to 40 deep; old tag soup with unclosed inline tags deeper.
  maxDepth: 512,
};

/** Each limit's command-line flag, for `parseArgs` and for the messages. */
export const LIMIT_FLAGS = {
  maxBytes: 'max-bytes',
  maxChars: 'max-chars',
  maxPages: 'max-pages',
  maxPixels: 'max-pixels',
  maxInflatedBytes: 'max-inflated-bytes',
  maxZipEntries: 'max-zip-entries',
  maxDepth: 'max-depth',
} as const satisfies Record<keyof Limits, string>;

type Flag = (typeof LIMIT_FLAGS)[keyof Limits];

/** The limit flags as `parseArgs` options: spread them into a command's options. */
export const LIMIT_OPTIONS = Object.fromEntries(Object.values(LIMIT_FLAGS).map((flag) => [flag, { type: 'string' as const }])) as Record<Flag, { type: 'string' }>;

/** The limits a command line set, e.g. `--max-bytes 64M`; a value that is not a positive whole number is refused naming its flag. */
export function limitsFromFlags(values: Partial<Record<Flag, string | boolean | undefined>>): Partial<Limits> {
  const limits: Partial<Record<keyof Limits, number>> = {};
  for (const [key, flag] of Object.entries(LIMIT_FLAGS) as [keyof Limits, Flag][]) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    const m = /^(\d+)([KMG]i?)?$/i.exec(value.trim());
    const n = m ? Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2]?.[0] ?? ' ').toUpperCase()) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) throw new InputError(`--${flag}`, `takes a positive whole number (a K, M or G suffix counts in 1024s), not ${JSON.stringify(value)}`);
    limits[key] = n;
  }
  return limits;
}

export function limitsOf(options: Partial<Limits>): Limits {
  const given = Object.fromEntries(Object.entries(options).filter(([key, value]) => key in DEFAULT_LIMITS && value !== undefined));
  return { ...DEFAULT_LIMITS, ...given };
}

/** The refusal for a file past a limit: what was found, the limit, and the flag that raises it. */
export function overLimit(path: string, limits: Limits, key: keyof Limits, found: string): InputError {
  return new InputError(path, `${found}, over the limit of ${limits[key]}${key === 'maxBytes' || key === 'maxInflatedBytes' ? ' bytes' : ''} (raise it with --${LIMIT_FLAGS[key]})`);
}
