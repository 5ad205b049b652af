/**
 * Printing store results: an aligned table for people, JSON of the plain
 * data for programs, CSV as `chidao extract --format csv` writes it.
 */
import { toCsvText } from '../format/csv.ts';
export const STORE_FORMATS = ['table', 'json', 'csv'] as const;
export type StoreFormat = (typeof STORE_FORMATS)[number];

export type Column<T> = readonly [header: string, get: (row: T) => string | number | null];

const WIDEST = 60;

export function render<T>(rows: readonly T[], columns: readonly Column<T>[], format: StoreFormat): string {
  const cells = rows.map((row) => columns.map(([, get]) => String(get(row) ?? '')));
  const headers = columns.map(([h]) => h);
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows, null, 2)}\n`;
    case 'csv':
      return toCsvText([headers, ...cells]);
    case 'table': {
      const shown = [headers, ...cells].map((r) => r.map((v) => {
        const flat = v.replace(/\s+/g, ' ');
        return flat.length > WIDEST ? `${flat.slice(0, WIDEST - 1)}…` : flat;
      }));
      const widths = headers.map((_, i) => Math.max(...shown.map((r) => r[i].length)));
      const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
      return `${[line(shown[0]), line(widths.map((w) => '-'.repeat(w))), ...shown.slice(1).map(line)].join('\n')}\n`;
    }
  }
}
