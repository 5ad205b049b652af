/**
 * Scoring against golden files (CONTRACT.md "Scoring"): tasks paired by
 * clause path, then by the largest overlap of their text; per field,
 * precision, recall and F1 over the tasks of a document. A field counts as
 * right on a pair when it matches as the contract says; precision divides
 * by the predicted tasks, recall by the golden ones.
 */
import type { GoldenTask, Task } from '../schema.ts';

export interface PRF {
  p: number;
  r: number;
  f: number;
}

export const FIELDS = ['tasks', 'clause', 'responsible', 'coordinating', 'deadline', 'deliverable'] as const;
export type Field = (typeof FIELDS)[number];
export type Scores = Record<Field, PRF> & { predicted: number; golden: number; pairs: number };

export type Scorable = Pick<Task, 'clause' | 'text' | 'responsible' | 'coordinating' | 'deadline' | 'deliverable'>;

export function tokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Token F1 between two texts (bags of words). */
export function tokenF1(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length || !tb.length) return ta.length === tb.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (!common) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

/** Pairs predicted with golden tasks: same clause path first (best text overlap among them), then text overlap ≥ 0.5. */
export function pairTasks<P extends Scorable, G extends Scorable>(predicted: P[], golden: G[]): [P, G][] {
  const pairs: [P, G][] = [];
  const freeP = new Set(predicted.map((_, i) => i));
  const freeG = new Set(golden.map((_, i) => i));
  const candidates: { i: number; j: number; sameClause: boolean; overlap: number }[] = [];
  predicted.forEach((p, i) =>
    golden.forEach((g, j) => {
      const sameClause = p.clause === g.clause;
      const overlap = tokenF1(p.text, g.text);
      if (sameClause || overlap >= 0.5) candidates.push({ i, j, sameClause, overlap });
    }),
  );
  candidates.sort((a, b) => Number(b.sameClause) - Number(a.sameClause) || b.overlap - a.overlap);
  for (const c of candidates) {
    if (!freeP.has(c.i) || !freeG.has(c.j)) continue;
    freeP.delete(c.i);
    freeG.delete(c.j);
    pairs.push([predicted[c.i], golden[c.j]]);
  }
  return pairs;
}

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const sameSet = (a: string[], b: string[]) => {
  const fa = new Set(a.map(fold));
  const fb = new Set(b.map(fold));
  return fa.size === fb.size && [...fa].every((x) => fb.has(x));
};

const MATCH: Record<Exclude<Field, 'tasks'>, (p: Scorable, g: Scorable) => boolean> = {
  clause: (p, g) => p.clause === g.clause,
  responsible: (p, g) => sameSet(p.responsible, g.responsible),
  coordinating: (p, g) => sameSet(p.coordinating, g.coordinating),
  deadline: (p, g) => p.deadline.kind === g.deadline.kind && p.deadline.date === g.deadline.date,
  deliverable: (p, g) => (p.deliverable === null || g.deliverable === null ? p.deliverable === g.deliverable : tokenF1(p.deliverable, g.deliverable) >= 0.5),
};

export function prf(right: number, predicted: number, golden: number): PRF {
  const p = predicted ? right / predicted : golden ? 0 : 1;
  const r = golden ? right / golden : predicted ? 0 : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function scoreTasks(predicted: Scorable[], golden: GoldenTask[]): Scores {
  const pairs = pairTasks(predicted, golden);
  const scores = { predicted: predicted.length, golden: golden.length, pairs: pairs.length, tasks: prf(pairs.length, predicted.length, golden.length) } as Scores;
  for (const field of FIELDS) {
    if (field === 'tasks') continue;
    const right = pairs.filter(([p, g]) => MATCH[field](p, g)).length;
    scores[field] = prf(right, predicted.length, golden.length);
  }
  return scores;
}

/** Every pair where a field disagrees, for reading what went wrong. */
export function disagreements(predicted: Scorable[], golden: GoldenTask[], field: Exclude<Field, 'tasks'>): { clause: string; predicted: unknown; golden: unknown }[] {
  return pairTasks(predicted, golden)
    .filter(([p, g]) => !MATCH[field](p, g))
    .map(([p, g]) => ({ clause: g.clause, predicted: p[field], golden: g[field] }));
}
