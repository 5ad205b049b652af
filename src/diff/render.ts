/**
 * A diff for people: JSON (the schema), a Markdown report for auditors, or a
 * self-contained HTML page. Both reports open with the counts per change
 * type, then list the changes section by section, OLD beside NEW, with the
 * changed words marked; unchanged tasks are named in one line per section.
 */
import { foldMarks } from '../lang/fold.ts';
import { CHANGE_TYPES, type Change, type DiffResult, type TaskSide, type WordPart } from './schema.ts';

export type DiffFormat = 'json' | 'md' | 'html';

export function renderDiff(result: DiffResult, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  return format === 'md' ? markdown(result) : html(result);
}

interface Group {
  title: string;
  changes: Change[];
}

/** Changes by NEW's section; a dropped task joins the NEW section with its old section's heading. */
function bySection(result: DiffResult): Group[] {
  const titleOf = new Map<string, string>();
  for (const c of result.changes) for (const t of c.new) titleOf.set(foldMarks(t.section.heading), sectionTitle(t));
  const groups = new Map<string, Group>();
  for (const c of result.changes) {
    const t = c.new[0] ?? c.old[0];
    const key = foldMarks(t.section.heading);
    const group = groups.get(key) ?? { title: titleOf.get(key) ?? sectionTitle(t), changes: [] };
    group.changes.push(c);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const sectionTitle = (t: TaskSide) => [t.section.path, t.section.heading].filter(Boolean).join(' · ') || '(document)';

function summaryLine(result: DiffResult): string {
  return CHANGE_TYPES.map((t) => `${result.summary[t]} ${t}`).join(' · ');
}

const arrow = (c: Change) => `${c.old.map((t) => t.key).join(' + ') || '∅'} → ${c.new.map((t) => t.key).join(' + ') || '∅'}`;

/** Lines naming what changed besides the words. */
function fieldNotes(c: Change): string[] {
  const notes: string[] = [];
  const f = c.fields;
  const when = (ds: { kind: string; date: string | null }[]) => ds.map((d) => (d.date ? `${d.kind} ${d.date}` : d.kind)).join(', ');
  if (f.deadline) notes.push(`deadline: ${when(f.deadline.old)} → ${when(f.deadline.new)}`);
  for (const field of ['responsible', 'coordinating', 'directing'] as const) {
    const m = f[field];
    if (m) notes.push(`${field}: ${[...m.added.map((x) => `+ ${x}`), ...m.removed.map((x) => `− ${x}`)].join('; ')}`);
  }
  if (f.section) notes.push(`section: ${f.section.old.path} → ${f.section.new.path}`);
  return notes;
}

/** One side's text with the diff's marks: deletions on OLD, insertions on NEW. */
function marked(c: Change, side: 'old' | 'new', mark: (text: string, op: WordPart['op']) => string, plain: (text: string) => string): string {
  const tasks = c[side];
  if (!c.fields.text) return tasks.map((t) => plain(t.text)).join(' ');
  const hidden = side === 'old' ? 'insert' : 'delete';
  return c.fields.text
    .map((p) => {
      // A hidden part may hold the only space between two words of this side.
      if (p.op === hidden) return /\s/.test(p.text) ? ' ' : '';
      return p.op === 'equal' ? plain(p.text) : mark(p.text, p.op);
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.;:])/g, '$1')
    .trim();
}

function markdown(result: DiffResult): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const mark = (text: string, op: WordPart['op']) => {
    const core = text.trim();
    if (!core) return text;
    const lead = text.slice(0, text.indexOf(core));
    return `${lead}${op === 'delete' ? `~~${core}~~` : `**${core}**`}${text.slice(lead.length + core.length)}`;
  };
  const sideCell = (c: Change, side: 'old' | 'new') =>
    c[side].length ? `${c[side].map((t) => `\`${t.key}\``).join(' + ')} ${cell(marked(c, side, mark, (s) => s))}` : '—';

  const out = [
    `# Task diff: ${result.old.number ?? result.old.path} → ${result.new.number ?? result.new.path}`,
    '',
    `OLD \`${result.old.path}\` (${result.old.tasks} tasks) · NEW \`${result.new.path}\` (${result.new.tasks} tasks)`,
    '',
    `**${summaryLine(result)}**`,
  ];
  for (const group of bySection(result)) {
    out.push('', `## ${group.title}`, '');
    const changed = group.changes.filter((c) => !c.types.includes('unchanged'));
    if (changed.length) {
      out.push('| change | old | new |', '|---|---|---|');
      for (const c of changed) {
        const notes = fieldNotes(c).map((n) => `<br>*${cell(n)}*`).join('');
        out.push(`| ${c.types.join(', ')}${notes} | ${sideCell(c, 'old')} | ${sideCell(c, 'new')} |`);
      }
    }
    const same = group.changes.filter((c) => c.types.includes('unchanged'));
    if (same.length) out.push('', `Unchanged: ${same.map(arrow).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
td,th{border:1px solid #ccc;padding:.4rem .6rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}
td.old,td.new{width:42%}
del{background:#fdd;color:#900}
ins{background:#dfd;color:#060;text-decoration:none}
.key{font-family:ui-monospace,monospace;font-size:.85em;color:#555}
.type{display:inline-block;border-radius:.3rem;padding:0 .35rem;margin:0 .2rem .2rem 0;background:#eef;font-size:.85em}
.note{font-size:.85em;color:#555}
.summary .type{font-size:1em}
`;

function html(result: DiffResult): string {
  const mark = (text: string, op: WordPart['op']) => (op === 'delete' ? `<del>${escape(text)}</del>` : `<ins>${escape(text)}</ins>`);
  const sideCell = (c: Change, side: 'old' | 'new') =>
    c[side].length ? `<span class="key">${escape(c[side].map((t) => t.key).join(' + '))}</span> ${marked(c, side, mark, escape)}` : '—';
  const types = (c: Change) => c.types.map((t) => `<span class="type">${t}</span>`).join('');
  const title = `Task diff: ${result.old.number ?? result.old.path} → ${result.new.number ?? result.new.path}`;

  const body = [
    `<h1>${escape(title)}</h1>`,
    `<p>OLD <code>${escape(result.old.path)}</code> (${result.old.tasks} tasks) · NEW <code>${escape(result.new.path)}</code> (${result.new.tasks} tasks)</p>`,
    `<p class="summary">${CHANGE_TYPES.map((t) => `<span class="type">${result.summary[t]} ${t}</span>`).join(' ')}</p>`,
  ];
  for (const group of bySection(result)) {
    body.push(`<h2>${escape(group.title)}</h2>`);
    const changed = group.changes.filter((c) => !c.types.includes('unchanged'));
    if (changed.length) {
      body.push('<table><thead><tr><th>change</th><th>old</th><th>new</th></tr></thead><tbody>');
      for (const c of changed) {
        const notes = fieldNotes(c).map((n) => `<div class="note">${escape(n)}</div>`).join('');
        body.push(`<tr><td>${types(c)}${notes}</td><td class="old">${sideCell(c, 'old')}</td><td class="new">${sideCell(c, 'new')}</td></tr>`);
      }
      body.push('</tbody></table>');
    }
    const same = group.changes.filter((c) => c.types.includes('unchanged'));
    if (same.length) body.push(`<p class="note">Unchanged: ${escape(same.map(arrow).join(', '))}</p>`);
  }
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
