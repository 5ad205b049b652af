/**
 * Deadline phrases (data/deadlines.json) found in a task's words and
 * normalised to CONTRACT.md's kind, date and recurrence.
 */
import type { Deadline } from './schema.ts';
import data from '../data/deadlines.json' with { type: 'json' };
import cues from '../data/cues.json' with { type: 'json' };
import { alternation } from './words.ts';

export interface DeadlineMatch extends Deadline {
  start: number;
  end: number;
  /** The phrase names a completion date outright (`trước ngày`, `chậm nhất`). */
  strong: boolean;
}

interface Rule {
  name: string;
  kind: Deadline['kind'];
  re: RegExp;
  resolve: string;
  strong: boolean;
  /** What the text just before the phrase must end with for the phrase to date the task. */
  after: RegExp | null;
}

const VERBS = alternation(cues.actionVerbs);
const RULES: Rule[] = data.rules.map((r) => ({
  name: r.name,
  kind: r.kind as Deadline['kind'],
  re: new RegExp(r.pattern, 'gu'),
  resolve: r.resolve,
  strong: Boolean('strong' in r && r.strong),
  after: 'after' in r && r.after ? new RegExp(`(?:${r.after.replaceAll('{verb}', VERBS)})$`, 'u') : null,
}));
/** Words after which a period names a set of tasks (`các nhiệm vụ trong quý I/2026`) rather than dating one. */
const NAMES_TASKS = data.namesTasks.before.map((p) => new RegExp(p, 'u'));
const QUARTER_END = data.quarterEnd as Record<string, string>;
const RECURRENCE = data.recurrence as Record<string, Deadline['recurrence']>;
const COMPLETION_CUE = /hoàn thành|chậm nhất|xong|trước ngày|thời hạn/u;

export const NO_DEADLINE: Deadline = { text: null, kind: 'none', date: null, recurrence: null };

/** Every deadline phrase in `text`, left to right, overlaps resolved in favour of the earlier rule. */
export function findDeadlines(text: string): DeadlineMatch[] {
  const lower = text.toLowerCase();
  const found: DeadlineMatch[] = [];
  const blocked: { start: number; end: number }[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(lower); m; m = rule.re.exec(lower)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start) || blocked.some((b) => start < b.end && end > b.start)) continue;
      const before = lower.slice(Math.max(0, start - 80), start);
      if (NAMES_TASKS.some((re) => re.test(before))) {
        // The words still belong to this phrase: no later rule reads a date out of them.
        blocked.push({ start, end });
        continue;
      }
      if (rule.after && !rule.after.test(before)) continue;
      const resolved = resolve(rule, m.groups ?? {});
      if (!resolved) continue;
      const phrase = text.slice(start, end).trim();
      found.push({ ...resolved, text: phrase, start, end, strong: rule.strong || COMPLETION_CUE.test(m[0]) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The task's deadline: the completion date of its main action. A phrase that
 * says "complete by" wins over a bare period; among equals the first wins,
 * since later dates are usually progress reports or follow-ups.
 */
export function chooseDeadline(matches: DeadlineMatch[]): Deadline | null {
  if (!matches.length) return null;
  const rank = (m: DeadlineMatch) => (m.kind === 'by' || m.kind === 'event' ? (m.strong ? 0 : 1) : m.kind === 'from' ? 2 : m.kind === 'recurring' ? 3 : 4);
  const best = [...matches].sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0];
  return { text: best.text, kind: best.kind, date: best.date, recurrence: best.recurrence };
}

function resolve(rule: Rule, g: Record<string, string | undefined>): Omit<Deadline, 'text'> | null {
  const base = { kind: rule.kind, date: null, recurrence: null } as Omit<Deadline, 'text'>;
  switch (rule.resolve) {
    case 'day':
      return withDate(base, Number(g.y), Number(g.m), Number(g.d));
    case 'month': {
      const y = Number(g.y);
      const m = Number(g.m);
      return withDate(base, y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
    }
    case 'quarters': {
      const years = (g.years ?? '').match(/\d{4}/g);
      if (years) return { ...base, date: `${years[years.length - 1]}-12-31` };
      const q = (g.q2 ?? g.q ?? '').toLowerCase();
      return QUARTER_END[q] ? { ...base, date: `${g.y}-${QUARTER_END[q]}` } : null;
    }
    case 'year':
      return { ...base, date: `${g.y ?? g.y2}-12-31` };
    case 'recurrence':
      return { ...base, recurrence: RECURRENCE[g.unit ?? ''] ?? null };
    default:
      return base;
  }
}

function withDate(base: Omit<Deadline, 'text'>, y: number, m: number, d: number): Omit<Deadline, 'text'> | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { ...base, date: date.toISOString().slice(0, 10) };
}
