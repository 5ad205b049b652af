/**
 * CSV that Excel and LibreOffice open with correct Vietnamese (UTF-8 with
 * BOM, CRLF) and never run as a formula: a cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is written as text by a leading
 * apostrophe inside quotes, as OWASP's CSV-injection advice says. Every CSV
 * the project writes goes through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
