/**
 * Vietnamese without its marks: the one fold that repair's benchmark, the
 * stores' search words, diff's comparisons and validate's word checks share.
 * Search words keep only [a-z0-9] runs: SQLite's FTS5 indexes these words
 * (store/record.ts), and PostgreSQL folds the stored text the same way
 * itself, with unaccent (`chidao_fold`, migrations/postgres/002), so both
 * find the same tasks.
 */

const COMBINING = /[\u0300-\u036f]/g;

/** Drop every mark (NFD, remove U+0300–U+036F, đ→d, Đ→D), as the diacritics benchmark's SOURCE.md defines; case kept. */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Marks, `đ` and case dropped: `Đà Nẵng` → `da nang`. */
export function foldMarks(text: string): string {
  return stripMarks(text).toLowerCase();
}

/** `Bộ Khoa học, Công nghệ` → `bo khoa hoc cong nghe`. */
export function foldWords(s: string): string {
  return foldMarks(s).split(/[^a-z0-9]+/).filter(Boolean).join(' ');
}

/** Document numbers keep their punctuation: `17-TB/CQTTBCĐ` → `17-tb/cqttbcd`. */
export function foldNumber(s: string): string {
  return foldMarks(s).replace(/\s+/g, '');
}
