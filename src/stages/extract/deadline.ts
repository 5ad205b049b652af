/**
 * Deadline phrases (data/deadlines.json) found in a task's words and
 * normalised to CONTRACT.md's kind, date and recurrence.
 */
import type { Deadline } from '../../schema.ts';
import data from '../../../data/deadlines.json' with { type: 'json' };
import cues from '../../../data/cues.json' with { type: 'json' };
import { alternation } from '../../lang/words.ts';

export interface DeadlineMatch extends Deadline {
  start: number;
  end: number;
  /** The phrase names a completion date outright (`trước ngày`, `chậm nhất`). */
  strong: boolean;
}

/** A deadline counted from an event; `fromSigning` when the event is the document's signing, so its date follows from `issuedAt`. */
export interface Counted {
  count: number;
  unit: 'day' | 'working-day' | 'month';
  fromSigning: boolean;
}

/** A chosen deadline, with how a relative one counts. */
export type ChosenDeadline = Deadline & { counted?: Counted };

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
const toRule = (r: (typeof data.rules)[number] | (typeof data.cellRules.rules)[number]): Rule => ({
  name: r.name,
  kind: r.kind as Deadline['kind'],
  re: new RegExp(r.pattern, 'gu'),
  resolve: r.resolve,
  strong: Boolean('strong' in r && r.strong),
  after: 'after' in r && r.after ? new RegExp(`(?:${r.after.replaceAll('{verb}', VERBS)})$`, 'u') : null,
});
const RULES: Rule[] = data.rules.map(toRule);
const CELL_RULES: Rule[] = data.cellRules.rules.map(toRule);
const SIGNING = new RegExp(data.signingEvents, 'u');
/** Words after which a period names a set of tasks (`các nhiệm vụ trong quý I/2026`) rather than dating one. */
const NAMES_TASKS = data.namesTasks.before.map((p) => new RegExp(p, 'u'));
const QUARTER_END = data.quarterEnd as Record<string, string>;
const RECURRENCE = data.recurrence as Record<string, Deadline['recurrence']>;
const COMPLETION_CUE = /hoàn thành|chậm nhất|xong|trước ngày|thời hạn/u;

export const NO_DEADLINE: Deadline = { text: null, kind: 'none', date: null, recurrence: null };

/** Every deadline phrase in `text`, left to right, overlaps resolved in favour of the earlier rule. */
export function findDeadlines(text: string, rules: Rule[] = RULES): DeadlineMatch[] {
  const lower = text.toLowerCase();
  const found: (DeadlineMatch & { counted?: Counted })[] = [];
  const blocked: { start: number; end: number }[] = [];
  for (const rule of rules) {
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
      const counted = rule.resolve === 'relative' ? countedOf(m.groups ?? {}) : undefined;
      found.push({ ...resolved, text: phrase, start, end, strong: rule.strong || COMPLETION_CUE.test(m[0]), ...(counted ? { counted } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The task's deadline: the completion date of its main action. A phrase that
 * says "complete by" wins over a bare period; among equals the first wins,
 * since later dates are usually progress reports or follow-ups.
 */
export function chooseDeadline(matches: (DeadlineMatch & { counted?: Counted })[]): ChosenDeadline | null {
  if (!matches.length) return null;
  const rank = (m: DeadlineMatch) => (m.kind === 'by' || m.kind === 'event' || m.kind === 'relative' ? (m.strong ? 0 : 1) : m.kind === 'from' ? 2 : m.kind === 'recurring' ? 3 : 4);
  const best = [...matches].sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0];
  return { text: best.text, kind: best.kind, date: best.date, recurrence: best.recurrence, ...(best.counted ? { counted: best.counted } : {}) };
}

/** A task table's time cell: a deadline phrase, else the cell itself read as a period (`Năm 2026`, `Quý IV-2025`, `2026-2030`). */
export function cellDeadline(cell: string): ChosenDeadline | null {
  const words = cell.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
  return chooseDeadline(findDeadlines(words)) ?? chooseDeadline(findDeadlines(words, CELL_RULES));
}

/** The date a relative deadline falls on when it counts from the signing: calendar days, working days (Monday to Friday) or months after `issuedAt`. */
export function countFrom(issuedAt: string, counted: Counted): string {
  const date = new Date(`${issuedAt}T00:00:00Z`);
  if (counted.unit === 'month') date.setUTCMonth(date.getUTCMonth() + counted.count);
  else if (counted.unit === 'day') date.setUTCDate(date.getUTCDate() + counted.count);
  else {
    for (let left = counted.count; left > 0; ) {
      date.setUTCDate(date.getUTCDate() + 1);
      if (date.getUTCDay() % 6 !== 0) left--;
    }
  }
  return date.toISOString().slice(0, 10);
}

function countedOf(g: Record<string, string | undefined>): Counted | undefined {
  const count = Number(g.n);
  if (!count) return undefined;
  const unit = g.unit === 'tháng' ? 'month' : g.unit === 'ngày làm việc' ? 'working-day' : 'day';
  return { count, unit, fromSigning: SIGNING.test((g.event ?? '').trim()) };
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
    case 'month-start':
      return withDate(base, Number(g.y), Number(g.m), 1);
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
