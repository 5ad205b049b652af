/**
 * Folding for lookups. Search words drop marks, `đ` and case and keep only
 * [a-z0-9] runs: SQLite's FTS5 indexes these words (record.ts), and
 * PostgreSQL folds the stored text the same way itself, with unaccent
 * (`chidao_fold`, migrations/postgres/002), so both find the same tasks.
 */

function strip(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** `Bộ Khoa học, Công nghệ` → `bo khoa hoc cong nghe`. */
export function foldWords(s: string): string {
  return strip(s).split(/[^a-z0-9]+/).filter(Boolean).join(' ');
}

/** Document numbers keep their punctuation: `17-TB/CQTTBCĐ` → `17-tb/cqttbcd`. */
export function foldNumber(s: string): string {
  return strip(s).replace(/\s+/g, '');
}
