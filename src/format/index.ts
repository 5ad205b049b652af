/**
 * Printing an extraction: JSON (the contract), CSV (one row per task, see
 * csv.ts), a Markdown table.
 */
import type { Extraction, Task } from '../schema.ts';
import { toCsvText } from './csv.ts';

export const FORMATS = ['json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export function render(extraction: Extraction, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(extraction, null, 2)}\n`;
    case 'csv':
      return toCsv(extraction);
    case 'md':
      return toMarkdown(extraction);
  }
}

const COLUMNS: [string, (t: Task) => string][] = [
  ['id', (t) => t.id],
  ['clause', (t) => t.clause],
  ['responsible', (t) => t.responsible.join('; ')],
  ['coordinating', (t) => t.coordinating.join('; ')],
  ['directing', (t) => t.directing.join('; ')],
  ['deadline_kind', (t) => t.deadline.kind],
  ['deadline_date', (t) => t.deadline.date ?? ''],
  ['recurrence', (t) => t.deadline.recurrence ?? ''],
  ['deadline_text', (t) => t.deadline.text ?? ''],
  ['deliverable', (t) => t.deliverable ?? ''],
  ['text', (t) => t.text],
  ['start', (t) => String(t.span.start)],
  ['end', (t) => String(t.span.end)],
  ['confidence', (t) => t.confidence.toFixed(2)],
];

function toCsv({ tasks }: Extraction): string {
  return toCsvText([COLUMNS.map(([name]) => name), ...tasks.map((t) => COLUMNS.map(([, get]) => get(t)))]);
}

function toMarkdown({ document, tasks }: Extraction): string {
  const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const title = [document.kind, document.number].filter(Boolean).join(' ') || 'Document';
  const lines = [
    `# ${cell(title)}`,
    '',
    [document.issuer, document.place, document.issuedAt].filter(Boolean).join(' · '),
    '',
    `${tasks.length} tasks`,
    '',
    '| Clause | Task | Responsible | Coordinating | Deadline | Deliverable |',
    '|---|---|---|---|---|---|',
    ...tasks.map((t) => {
      const due = t.deadline.kind === 'none' ? '' : [t.deadline.kind, t.deadline.date ?? t.deadline.recurrence ?? ''].join(' ').trim();
      const text = t.text.length > 160 ? `${t.text.slice(0, 157)}…` : t.text;
      return `| ${[t.clause, text, t.responsible.join(', '), t.coordinating.join(', '), due, t.deliverable ?? ''].map(cell).join(' | ')} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
