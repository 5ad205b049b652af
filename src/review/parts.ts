/**
 * The parts every chidao page is built from: escaping, the header that lets a
 * page open from disk with no request, and the notice drawn with its marks.
 * The review page shows one notice; the diff page shows two side by side.
 */
import { readFileSync } from 'node:fs';
import type { FieldView, Mark } from './layers.ts';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The highlight colours of tasks, fields, repaired words and messages, shared by every page that draws a notice. */
export const NOTICE_STYLE = readFileSync(new URL('./notice.css', import.meta.url), 'utf8');

/**
 * A whole page around its body: inline style and script only, under a policy
 * that allows no request, so it opens from disk and asks the network for
 * nothing. `data` goes in as JSON that cannot close its own script element.
 */
export function pageHtml(page: { title: string; style: string; body: string; data: unknown; script: string }): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${NOTICE_STYLE}${page.style}</style>
</head>
<body>
${page.body}
<script type="application/json" id="page-data">${JSON.stringify(page.data).replace(/</g, '\\u003c')}</script>
<script>${page.script}</script>
</body>
</html>
`;
}

/**
 * The notice's text cut at every mark's ends; each piece names the tasks and
 * fields over it (innermost first) in data attributes and its marks in classes.
 * `taskClass` adds a class for the innermost task over a piece (the diff page's change type).
 */
export function noticeHtml(text: string, marks: Mark[], fields: FieldView[], taskClass?: (task: number) => string): string {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(m.start, text.length)));
    cuts.add(Math.max(0, Math.min(m.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const starting = new Map<number, Mark[]>();
  for (const m of marks) if (m.end > m.start) starting.set(m.start, [...(starting.get(m.start) ?? []), m]);
  const size = (m: Mark) => m.end - m.start;
  let active: Mark[] = [];
  const out: string[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    active = [...active.filter((m) => m.end > a), ...(starting.get(a) ?? [])].sort((x, y) => size(x) - size(y));
    const piece = escapeHtml(text.slice(a, b));
    if (!active.length) {
      out.push(piece);
      continue;
    }
    const fieldMarks = active.filter((m) => m.kind === 'field').map((m) => fields[m.ref!]);
    // The tasks whose own words these are; a field's words outside its task (a heading's doer) name it by data-f alone.
    const taskIds = active.filter((m) => m.kind === 'task').map((m) => m.ref!);
    const classes = new Set<string>();
    if (taskIds.length) classes.add('tk');
    if (taskIds.length && taskClass) classes.add(taskClass(taskIds[0]));
    if (fieldMarks.length) classes.add(`f-${fieldMarks[0].field}`);
    if (fieldMarks.some((f) => f.low)) classes.add('low');
    for (const [kind, cls] of [['repaired', 'rp'], ['unsure', 'un'], ['message', 'ms'], ['reason', 'rs'], ['deleted', 'wd'], ['inserted', 'wi']] as const) if (active.some((m) => m.kind === kind)) classes.add(cls);
    const titles = [...new Set(active.filter((m) => m.kind !== 'task' && m.title).map((m) => m.title!))];
    const attrs = [
      `class="${[...classes].join(' ')}"`,
      taskIds.length ? `data-t="${taskIds.join(' ')}"` : '',
      fieldMarks.length ? `data-f="${fieldMarks.map((f) => f.id).join(' ')}"` : '',
      titles.length ? `title="${escapeHtml(titles.join('\n'))}"` : '',
    ].filter(Boolean);
    out.push(`<span ${attrs.join(' ')}>${piece}</span>`);
  }
  return out.join('');
}
