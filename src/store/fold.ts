/**
 * Folding for lookups. Search words drop marks, `đ` and case and keep only
 * [a-z0-9] runs, so SQLite's FTS5 tokenizer and PostgreSQL's parser see the
 * same plain words and so find the same tasks.
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
