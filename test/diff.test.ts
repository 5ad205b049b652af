import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carriedOver, diffDocs } from '../src/diff/index.ts';
import { renderDiff } from '../src/diff/render.ts';
import { diffPage } from '../src/diff/page.ts';
import { DiffResult, GoldenDiff } from '../src/diff/schema.ts';
import { scoreDiff } from '../src/diff/score.ts';
import { extractFile } from '../src/extract-file.ts';
import { LETTERS } from '../src/doc/clauses.ts';
import { CLEAN_CORPUS, ROOT, corpusText, extracted } from './helpers.ts';

const DRAFT = 'corpus/17-TB-CQTTBCD-phu-luc.draft.txt';
const ADOPTED = 'corpus/17-TB-CQTTBCD-phu-luc.txt';

describe('diffDocs', () => {
  it.each(CLEAN_CORPUS)('finds every task of %s unchanged against itself', async (path) => {
    const doc = await extracted(path);
    const result = diffDocs(doc, doc);
    expect(result.changes).toHaveLength(doc.tasks!.length);
    expect(result.changes.every((c) => c.types.join() === 'unchanged' && c.old[0].key === c.new[0].key)).toBe(true);
  });

  it('pairs every task of a copy whose lettered points are re-lettered (a→b, đ→e, …)', async () => {
    const next = (l: string) => LETTERS[LETTERS.indexOf(l) + 1];
    const relettered = corpusText(ADOPTED).replace(/^([a-zđ])\)/gmu, (_, l: string) => `${next(l)})`);
    const dir = mkdtempSync(join(tmpdir(), 'chidao-diff-'));
    writeFileSync(join(dir, 'relettered.txt'), relettered);
    const original = await extracted(ADOPTED);
    const copy = await extractFile(join(dir, 'relettered.txt'));
    // The copy's paths really differ, so pairing cannot lean on them.
    expect(copy.tasks!.map((t) => t.clause)).toContain('PL.1.c.1');
    expect(copy.tasks!.filter((t, k) => t.clause === original.tasks![k].clause).length).toBeLessThan(10);

    const result = diffDocs(original, copy);
    expect(result.summary.added).toBe(0);
    expect(result.summary.dropped).toBe(0);
    expect(result.summary.unchanged).toBe(original.tasks!.length);
  });

  it('reaches the bars on the draft → adopted 17-TB appendix (golden/diff-002-003.json)', async () => {
    const result = diffDocs(await extracted(DRAFT), await extracted(ADOPTED));
    const golden = GoldenDiff.parse(JSON.parse(readFileSync(join(ROOT, 'golden/diff-002-003.json'), 'utf8')));
    const scores = scoreDiff(result, golden);
    expect(scores.pairs.f).toBeGreaterThanOrEqual(0.95);
    expect(scores.types.f).toBeGreaterThanOrEqual(0.9);
  });

  it('reports a move, a merge, a re-dating and a reassignment with their fields and both spans', async () => {
    const draft = await extracted(DRAFT);
    const adopted = await extracted(ADOPTED);
    const result = diffDocs(draft, adopted);
    const at = (key: string) => result.changes.find((c) => c.new.some((t) => t.key === key))!;

    const moved = at('PL.1.đ');
    expect(moved.types).toContain('moved');
    expect(moved.old.map((t) => t.key)).toEqual(['II.2']);
    expect(moved.fields.section).toMatchObject({ old: { path: 'II' }, new: { path: 'PL.1' } });

    expect(at('PL.1.b.1')).toMatchObject({ types: expect.arrayContaining(['merged', 'redated']) });
    expect(at('PL.1.b.1').old.map((t) => t.key)).toEqual(['I.1.c.1', 'I.1.c.3']);

    const redated = at('PL.5.c.d1');
    expect(redated.fields.deadline).toMatchObject({ old: [{ date: '2025-03-31' }], new: [{ date: '2026-03-31' }] });
    expect(redated.fields.text!.filter((p) => p.op !== 'equal').map((p) => p.text.trim())).toEqual(['2025', '2026']);

    expect(at('PL.6.e.1').fields.responsible).toEqual({ added: ['Bộ Công Thương'], removed: [] });

    // Both sides point at their words (line breaks read as spaces, as in the task's text).
    const words = (text: string, t: { span: { start: number; end: number } }) => text.slice(t.span.start, t.span.end).replace(/\s*\n\s*/g, ' ');
    for (const c of result.changes) {
      for (const t of c.old) expect(words(draft.text, t)).toBe(t.text);
      for (const t of c.new) expect(words(adopted.text, t)).toBe(t.text);
    }
  });

  it('reads the same documents backwards as a split, the same move, and additions', async () => {
    const forward = diffDocs(await extracted(DRAFT), await extracted(ADOPTED));
    const backward = diffDocs(await extracted(ADOPTED), await extracted(DRAFT));
    expect(backward.summary).toMatchObject({ split: forward.summary.merged, merged: 0, added: forward.summary.dropped, dropped: 0, moved: 1 });
    const split = backward.changes.find((c) => c.types.includes('split'))!;
    expect([split.old.map((t) => t.key), split.new.map((t) => t.key)]).toEqual([['PL.1.b.1'], ['I.1.c.1', 'I.1.c.3']]);
  });

  it('validates against the schema and lists the dropped tasks as carried over', async () => {
    const result = diffDocs(await extracted(DRAFT), await extracted(ADOPTED));
    expect(() => DiffResult.parse(JSON.parse(renderDiff(result, 'json')))).not.toThrow();
    const carried = carriedOver(result).map((t) => t.key);
    expect(carried).toHaveLength(result.summary.dropped);
    expect(carried).toContain('I.7.b');
  });
});

describe('renderDiff', () => {
  it('writes a Markdown report: counts, sections, changed words marked', async () => {
    const md = renderDiff(diffDocs(await extracted(DRAFT), await extracted(ADOPTED)), 'md');
    expect(md).toMatch(/\*\*\d+ unchanged · \d+ reworded · \d+ redated/);
    expect(md).toContain('## PL.5 · Về chuyển đổi số');
    expect(md).toContain('tháng 3/~~2025~~');
    expect(md).toContain('tháng 3/**2026**');
  });

  it('writes one self-contained HTML page: both notices, every task linked to its change, changed words marked on both sides', async () => {
    const [draft, adopted] = [await extracted(DRAFT), await extracted(ADOPTED)];
    const result = diffDocs(draft, adopted);
    const page = diffPage(result, draft, adopted);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<link\b|\ssrc=/);
    expect(page).toContain('<del>2025</del>');
    expect(page).toContain('<ins>2026</ins>');
    // The year a re-dating changed, struck in OLD's notice and marked in NEW's.
    expect(page).toMatch(/<span class="[^"]*\bwd\b[^"]*"[^>]*>2025<\/span>/);
    expect(page).toMatch(/<span class="[^"]*\bwi\b[^"]*"[^>]*>2026<\/span>/);
    const data = JSON.parse(page.match(/<script type="application\/json" id="page-data">(.*?)<\/script>/s)![1]);
    const linked = (side: 'old' | 'new', tasks: number) => new Set(data.changes.flatMap((c: Record<string, number[]>) => c[side]).filter((t: number) => t >= 0)).size === tasks;
    expect(linked('old', draft.tasks!.length) && linked('new', adopted.tasks!.length)).toBe(true);
    expect(page.match(/<li class="change /g)!.length).toBe(result.changes.length);
  });
});
