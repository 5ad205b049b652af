/**
 * A diff as text: JSON (the schema), or a Markdown report for auditors that
 * opens with the counts per change type, then lists the changes section by
 * section, OLD beside NEW, with the changed words marked; unchanged tasks are
 * named in one line per section. The HTML page (page.ts) shares its parts.
 */
import { foldMarks } from '../lang/fold.ts';
import { CHANGE_TYPES, type Change, type DiffResult, type TaskSide, type WordPart } from './schema.ts';

export function renderDiff(result: DiffResult, format: 'json' | 'md'): string {
  return format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : markdown(result);
}

export interface Group {
  title: string;
  changes: Change[];
}

/** Changes by NEW's section; a dropped task joins the NEW section with its old section's heading. */
export function bySection(result: DiffResult): Group[] {
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

export const arrow = (c: Change) => `${c.old.map((t) => t.key).join(' + ') || '∅'} → ${c.new.map((t) => t.key).join(' + ') || '∅'}`;

/** Lines naming what changed besides the words. */
export function fieldNotes(c: Change): string[] {
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
export function marked(c: Change, side: 'old' | 'new', mark: (text: string, op: WordPart['op']) => string, plain: (text: string) => string): string {
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
