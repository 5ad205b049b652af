/**
 * `chidao report --period`: the status of every task as of the period's last
 * day, counted per responsible agency and category, with the overdue tasks
 * and the tasks completed within the period. Counts are those of `chidao
 * status --as-of <last day> --role responsible`, row for row.
 */
import { toCsvText } from '../format/csv.ts';
import { endOfMonth } from './dates.ts';
import { agencyKey, markdownTable, type StatusRow } from './rows.ts';
import { CATEGORIES, type Category } from './status.ts';

export interface Period {
  label: string;
  start: string;
  end: string;
}

/** `2026-03`, `2026-Q1`, `2026-H1` or `2026`; null for anything else. */
export function parsePeriod(label: string): Period | null {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/.exec(label);
  if (!m) return null;
  const [, year, month, quarter, half] = m;
  const [first, months] = month ? [Number(month), 1] : quarter ? [Number(quarter) * 3 - 2, 3] : half ? [Number(half) * 6 - 5, 6] : [1, 12];
  const start = `${year}-${String(first).padStart(2, '0')}-01`;
  return { label, start, end: endOfMonth(start, months - 1) };
}

/** Tasks with no responsible agency are counted under this name. */
export const NO_AGENCY = '(không rõ cơ quan)';

export interface AgencyCounts {
  agency: string;
  counts: Record<Category, number>;
  tasks: number;
}

export interface Report {
  period: Period;
  /** One row per responsible agency (a task with two counts for each), most tasks first; then `total`, each task once. */
  agencies: AgencyCounts[];
  total: AgencyCounts;
  overdue: StatusRow[];
  completed: StatusRow[];
}

const zero = (): Record<Category, number> => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

/** `agency`, when given, keeps its own row only: the tasks it shares stay out of their other agencies' rows. */
export function buildReport(period: Period, rows: readonly StatusRow[], agency?: string): Report {
  const only = agency === undefined ? null : agencyKey(agency);
  // Keyed as `status --agency` matches, so each row equals that filter's rows.
  const byAgency = new Map<string, AgencyCounts>();
  const total: AgencyCounts = { agency: 'Tổng', counts: zero(), tasks: 0 };
  for (const row of rows) {
    total.counts[row.category]++;
    total.tasks++;
    for (const name of row.responsible.length ? row.responsible : [NO_AGENCY]) {
      const key = agencyKey(name);
      if (only !== null && key !== only) continue;
      const entry = byAgency.get(key) ?? { agency: name, counts: zero(), tasks: 0 };
      entry.counts[row.category]++;
      entry.tasks++;
      byAgency.set(key, entry);
    }
  }
  return {
    period,
    agencies: [...byAgency.values()].sort((a, b) => b.tasks - a.tasks || (a.agency < b.agency ? -1 : 1)),
    total,
    overdue: rows.filter((r) => r.category === 'quá hạn').sort((a, b) => b.daysOverdue! - a.daysOverdue!),
    completed: rows.filter((r) => r.completedOn !== null && r.completedOn >= period.start && r.completedOn <= period.end),
  };
}

export const REPORT_FORMATS = ['md', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

type Cell = string | number | null;
const countColumns = [['cơ quan', (a: AgencyCounts) => a.agency], ...CATEGORIES.map((c) => [c, (a: AgencyCounts) => a.counts[c]] as const), ['tổng', (a: AgencyCounts) => a.tasks]] as const;
const overdueColumns = [['id', (r: StatusRow) => r.id], ['responsible', (r: StatusRow) => r.responsible.join('; ')], ['due', (r: StatusRow) => r.due], ['days_overdue', (r: StatusRow) => r.daysOverdue], ['text', (r: StatusRow) => r.text]] as const;
const completedColumns = [['id', (r: StatusRow) => r.id], ['responsible', (r: StatusRow) => r.responsible.join('; ')], ['completed_on', (r: StatusRow) => r.completedOn], ['category', (r: StatusRow) => r.category], ['text', (r: StatusRow) => r.text]] as const;

export function formatReport(report: Report, format: ReportFormat): string {
  const counts = [...report.agencies, report.total];
  const title = `Báo cáo tình hình thực hiện nhiệm vụ ${report.period.label} (${report.period.start} – ${report.period.end})`;
  switch (format) {
    case 'md':
      return [
        `# ${title}\n`,
        `## Theo cơ quan chủ trì\n\n${markdownTable(counts, countColumns)}`,
        `## Nhiệm vụ quá hạn (${report.overdue.length})\n\n${markdownTable(report.overdue, overdueColumns)}`,
        `## Hoàn thành trong kỳ (${report.completed.length})\n\n${markdownTable(report.completed, completedColumns)}`,
      ].join('\n');
    case 'csv': {
      // One sheet: a `section` column tells the three tables apart.
      const table = <T>(section: string, rows: readonly T[], columns: readonly (readonly [string, (row: T) => Cell])[]) =>
        [['section', ...columns.map(([h]) => h)], ...rows.map((r) => [section, ...columns.map(([, get]) => String(get(r) ?? ''))])];
      return toCsvText([...table('agency', counts, countColumns), ...table('overdue', report.overdue, overdueColumns), ...table('completed', report.completed, completedColumns)]);
    }
    case 'html':
      return html(title, report, counts);
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One colour per category: greens done, blue running, red overdue, greys uncounted. */
const COLOURS: Record<Category, string> = {
  'hoàn thành đúng hạn': '#2e7d32', 'hoàn thành quá hạn': '#9ccc65', 'đang thực hiện trong hạn': '#1e88e5', 'quá hạn': '#e53935',
  'thường xuyên': '#9e9e9e', 'theo sự kiện': '#bdbdbd', 'không thời hạn': '#e0e0e0', 'đã rút': '#616161',
};

function htmlTable<T>(rows: readonly T[], columns: readonly (readonly [string, (row: T) => Cell])[]): string {
  const head = columns.map(([h]) => `<th>${escape(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${columns.map(([, get]) => `<td>${escape(String(get(r) ?? ''))}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Stacked horizontal bars, one per agency, widths in proportion to the largest agency's tasks. */
function chart(agencies: readonly AgencyCounts[]): string {
  const label = 320, width = 480, bar = 18, gap = 6;
  const total = label + width + 40;
  // The key wraps onto as many lines as it needs, each entry as wide as its words (about 6.5 px a letter at 11 px).
  let kx = 0, ky = 2;
  const keys = CATEGORIES.map((c) => {
    const w = 16 + c.length * 6.5 + 14;
    if (kx + w > total) [kx, ky] = [0, ky + 16];
    const key = `<rect x="${kx.toFixed(1)}" y="${ky}" width="12" height="12" fill="${COLOURS[c]}"/><text x="${(kx + 16).toFixed(1)}" y="${ky + 11}">${escape(c)}</text>`;
    kx += w;
    return key;
  });
  const legend = ky + 24;
  const most = Math.max(1, ...agencies.map((a) => a.tasks));
  const bars = agencies.map((a, i) => {
    const y = legend + i * (bar + gap);
    let x = label;
    const parts = CATEGORIES.filter((c) => a.counts[c]).map((c) => {
      const w = (a.counts[c] / most) * width;
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${COLOURS[c]}"><title>${escape(`${a.agency}: ${c} ${a.counts[c]}`)}</title></rect>`;
      x += w;
      return rect;
    });
    const name = a.agency.length > 48 ? `${a.agency.slice(0, 47)}…` : a.agency;
    return `<text x="${label - 6}" y="${y + bar - 5}" text-anchor="end">${escape(name)}</text>${parts.join('')}<text x="${(x + 4).toFixed(1)}" y="${y + bar - 5}">${a.tasks}</text>`;
  });
  const height = legend + agencies.length * (bar + gap);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="${height}" font-family="sans-serif" font-size="11" role="img" aria-label="Nhiệm vụ theo cơ quan và tình trạng">\n${keys.join('')}\n${bars.join('\n')}\n</svg>`;
}

function html(title: string, report: Report, counts: readonly AgencyCounts[]): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}</style>
</head>
<body>
<h1>${escape(title)}</h1>
${chart(report.agencies)}
<h2>Theo cơ quan chủ trì</h2>
${htmlTable(counts, countColumns)}
<h2>Nhiệm vụ quá hạn (${report.overdue.length})</h2>
${htmlTable(report.overdue, overdueColumns)}
<h2>Hoàn thành trong kỳ (${report.completed.length})</h2>
${htmlTable(report.completed, completedColumns)}
</body>
</html>
`;
}
