import { describe, expect, it } from 'vitest';
import { pairTasks, scoreTasks, tokenF1 } from '../src/eval/score.ts';
import type { GoldenTask } from '../src/schema.ts';

const task = (clause: string, text: string, extra: Partial<GoldenTask> = {}): GoldenTask => ({
  clause,
  text,
  responsible: ['Bộ Công an'],
  coordinating: [],
  directing: [],
  deadline: { text: null, kind: 'none', date: null, recurrence: null },
  deliverable: null,
  ...extra,
});

describe('score', () => {
  it('pairs by clause path first, then by text overlap', () => {
    const gold = [task('PL.1.a', 'xây dựng kế hoạch chuyển đổi số'), task('PL.1.b', 'rà soát thủ tục hành chính')];
    const pred = [task('PL.1.e', 'rà soát thủ tục hành chính trên môi trường số'), task('PL.1.a', 'xây dựng kế hoạch')];
    const pairs = pairTasks(pred, gold);
    expect(pairs.map(([p, g]) => `${p.clause}->${g.clause}`).sort()).toEqual(['PL.1.a->PL.1.a', 'PL.1.e->PL.1.b']);
  });

  it('computes precision and recall per field', () => {
    const gold = [task('1', 'a b c'), task('2', 'd e f', { responsible: ['Bộ Tài chính'] })];
    const pred = [task('1', 'a b c', { responsible: ['bộ công an'] }), task('2', 'd e f'), task('3', 'x y z')];
    const s = scoreTasks(pred, gold);
    expect(s.tasks).toMatchObject({ p: 2 / 3, r: 1 });
    expect(s.responsible.p).toBeCloseTo(1 / 3);
    expect(s.responsible.r).toBeCloseTo(1 / 2);
  });

  it('counts a deliverable when token F1 is at least 0.5', () => {
    expect(tokenF1('Nghị định hướng dẫn Luật Dữ liệu', 'Nghị định hướng dẫn')).toBeGreaterThanOrEqual(0.5);
    const s = scoreTasks([task('1', 't', { deliverable: 'Nghị định hướng dẫn' })], [task('1', 't', { deliverable: 'Nghị định hướng dẫn Luật Dữ liệu' })]);
    expect(s.deliverable.f).toBe(1);
  });
});
