import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRewrite, createDoc, TextRewriter, type Doc } from '../src/doc/model.ts';
import { choosePipeline, runPipeline } from '../src/pipeline.ts';
import { normalise } from '../src/stages/normalise.ts';
import { segment } from '../src/stages/segment.ts';
import { readHeader } from '../src/stages/read-header.ts';
import { extract } from '../src/stages/extract/index.ts';
import { validate } from '../src/stages/validate.ts';
import { scoredExtractions } from '../src/eval/run.ts';
import { LOW_CONFIDENCE, type Span, type Task } from '../src/schema.ts';
import { chidao, ROOT } from './helpers.ts';

const read = (text: string): Doc => runPipeline(createDoc('t.txt', text, 'text'), choosePipeline(text), { noRepair: true });
const words = (doc: Doc, span: Span | null) => (span ? doc.source.slice(span.start, span.end) : null);
const NAME_FIELDS = ['responsible', 'coordinating', 'directing'] as const;

/** What is wrong with a task's evidence: a non-empty field without its words, a span for an empty one. */
function evidenceGaps(task: Task): string[] {
  const gaps = NAME_FIELDS.filter((f) => task.evidence[f].length !== task[f].length).map((f) => `${f}: ${task.evidence[f].length} spans for ${task[f].length} names`);
  if ((task.deadline.kind !== 'none') !== (task.evidence.deadline !== null)) gaps.push(`deadline ${task.deadline.kind} with evidence ${JSON.stringify(task.evidence.deadline)}`);
  if ((task.deliverable !== null) !== (task.evidence.deliverable !== null)) gaps.push(`deliverable ${task.deliverable} with evidence ${JSON.stringify(task.evidence.deliverable)}`);
  return gaps;
}

describe('evidence on the corpus', () => {
  it('gives every non-empty field of every task eval scores its words, and validate finds them all', async () => {
    const failures: string[] = [];
    let tasks = 0;
    for await (const { run, doc } of scoredExtractions(ROOT)) {
      for (const task of doc.tasks ?? []) {
        tasks++;
        for (const gap of evidenceGaps(task)) failures.push(`${run.label} ${task.clause}: ${gap}`);
      }
      for (const m of doc.messages.filter((x) => x.ruleId === 'validate:evidence')) failures.push(`${run.label}: ${m.reason}`);
    }
    expect(tasks).toBeGreaterThan(1500);
    expect(failures).toEqual([]);
  }, 600_000);
});

const CONG_DIEN = [
  'THỦ TƯỚNG CHÍNH PHỦ',
  'Số: 12/CĐ-TTg',
  'Hà Nội, ngày 1 tháng 12 năm 2025',
  '',
  'CÔNG ĐIỆN',
  'Về việc ứng phó mưa lũ',
  '',
  'THỦ TƯỚNG CHÍNH PHỦ điện:',
  '- Bộ trưởng Bộ Công an;',
  '- Chủ tịch Ủy ban nhân dân tỉnh Gia Lai.',
  '',
  'Để chủ động ứng phó mưa lũ, Thủ tướng Chính phủ yêu cầu:',
  '1. Khẩn trương rà soát các khu dân cư ven sông, hoàn thành trước ngày 15/12/2025.',
  '2. Tổ chức di dời người dân khỏi vùng nguy hiểm.',
].join('\n');

describe('which words a field’s evidence covers, by how the field was found', () => {
  it.each([
    {
      how: 'own words: the task’s subject, its partner, its deadline and product',
      text: '1. Bộ Công an chủ trì, phối hợp với Bộ Tư pháp xây dựng Nghị định về quản lý dữ liệu. Hoàn thành trước ngày 30/6/2026.\n2. Bộ Y tế rà soát các quy định về khám bệnh.',
      clause: '1',
      expected: { responsible: ['Bộ Công an'], coordinating: ['Bộ Tư pháp'], deadline: 'Hoàn thành trước ngày 30/6/2026', deliverable: 'Nghị định về quản lý dữ liệu' },
      confidence: { responsible: 0.9, coordinating: 0.9, deadline: 0.9 },
    },
    {
      how: 'a heading that names the doer over its lettered items',
      text: '1. Bộ Y tế\na) Rà soát các quy định về khám bệnh, chữa bệnh.\nb) Xây dựng Thông tư hướng dẫn thực hiện, hoàn thành trong quý III/2026.',
      clause: '1.b',
      expected: { responsible: ['Bộ Y tế'], deadline: 'hoàn thành trong quý III/2026', deliverable: 'Thông tư hướng dẫn thực hiện' },
      confidence: { responsible: 0.8, deadline: 0.9 },
    },
    {
      how: 'a lead-in that assigns the dashes under it and dates them',
      text: 'Giao Bộ Tài chính chủ trì thực hiện các nhiệm vụ sau, hoàn thành trong quý III/2026:\n- Rà soát các khoản thu ngân sách.\n- Xây dựng Đề án cơ cấu lại chi thường xuyên.',
      clause: 'd2',
      expected: { responsible: ['Bộ Tài chính'], deadline: 'hoàn thành trong quý III/2026', deliverable: 'Đề án cơ cấu lại chi thường xuyên' },
      confidence: { responsible: 0.8, deadline: 0.8 },
    },
    {
      how: 'a task table’s cells',
      text: 'PHỤ LỤC\n| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n| 1 | Xây dựng Đề án chuyển đổi số | Sở Nội vụ | Sở Tài chính | Quý IV/2026 |\n| 2 | Ban hành Kế hoạch kiểm tra | Sở Tư pháp |  | Năm 2027 |',
      clause: 'PL.1',
      expected: { responsible: ['Sở Nội vụ'], coordinating: ['Sở Tài chính'], deadline: 'Quý IV/2026', deliverable: 'Đề án chuyển đổi số' },
      confidence: { responsible: 0.9, coordinating: 0.9, deadline: 0.9 },
    },
    {
      how: 'a Công điện’s addressee lines, for items that name no doer',
      text: CONG_DIEN,
      clause: '2',
      expected: { responsible: ['Bộ trưởng Bộ Công an', 'Chủ tịch Ủy ban nhân dân tỉnh Gia Lai'] },
      confidence: { responsible: 0.6 },
    },
  ])('$how', ({ text, clause, expected, confidence }) => {
    const doc = read(text);
    const task = doc.tasks!.find((t) => t.clause === clause)!;
    expect(task).toBeDefined();
    for (const f of NAME_FIELDS) expect(task.evidence[f].map((s) => words(doc, s))).toEqual((expected as Record<string, string[] | undefined>)[f] ?? []);
    expect(words(doc, task.evidence.deadline)).toBe((expected as { deadline?: string }).deadline ?? null);
    expect(words(doc, task.evidence.deliverable)).toBe((expected as { deliverable?: string }).deliverable ?? null);
    expect(task.fieldConfidence).toMatchObject(confidence);
    expect(doc.messages.filter((m) => m.ruleId === 'validate:evidence')).toEqual([]);
  });

  it('points the addressees’ spans at the addressee lines, not at a later mention', () => {
    const doc = read(CONG_DIEN);
    const lines = doc.source.indexOf('THỦ TƯỚNG CHÍNH PHỦ điện:');
    const body = doc.source.indexOf('Để chủ động');
    for (const span of doc.tasks![0].evidence.responsible) expect(span.start > lines && span.end < body).toBe(true);
  });

  it('maps spans to the file as read when normalisation moved the words', () => {
    // A word-segmented copy (`Bộ Tài_chính`) is joined in the working text; the span still holds the file's words.
    const doc = read('1. Bộ Tài_chính chủ_trì xây_dựng Đề_án cơ_cấu lại ngân_sách , hoàn_thành trong quý III/2026 .');
    const task = doc.tasks![0];
    expect(words(doc, task.evidence.responsible[0])).toBe('Bộ Tài_chính');
    expect(words(doc, task.evidence.deadline)).toBe('hoàn_thành trong quý III/2026');
  });
});

describe('reasons and confidence per field', () => {
  it('says which deadline it chose when the task’s phrases read differently', () => {
    const doc = read('1. Bộ Y tế xây dựng Thông tư hướng dẫn, hoàn thành trước ngày 30/6/2026; định kỳ hằng quý báo cáo kết quả.');
    const task = doc.tasks![0];
    const reason = task.reasons.find((r) => r.ruleId === 'extract:deadline-choice')!;
    expect(reason).toMatchObject({ field: 'deadline' });
    expect(doc.source.slice(reason.start, reason.end)).toBe(task.deadline.text);
    expect(task.fieldConfidence.deadline).toBeLessThan(0.9);
  });

  it('says when the item’s own doer overrides the one its heading named', () => {
    const doc = read('1. Bộ Y tế\na) Rà soát các quy định về khám bệnh.\nb) Bộ Công an chủ trì xây dựng Thông tư về phòng cháy.');
    const task = doc.tasks!.find((t) => t.clause === '1.b')!;
    expect(task.responsible).toEqual(['Bộ Công an']);
    const reason = task.reasons.find((r) => r.ruleId === 'extract:own-doers')!;
    expect(doc.source.slice(reason.start, reason.end)).toBe('Bộ Công an');
    expect(reason.reason).toContain('Bộ Y tế');
  });

  it('marks a field low confidence, with repair’s own message, when repair was unsure of a word in its span', () => {
    const text = '1. Bộ Công an chủ trì xây dựng Nghị định về quản lý dữ liệu.\n2. Bộ Y tế rà soát các quy định.';
    const unsure = text.indexOf('Công');
    const doc = normalise(createDoc('t.txt', text, 'text'));
    doc.messages.push({ reason: 'unsure of "Công" for "Cong"', severity: 'warning', ruleId: 'repair:unsure', start: unsure, end: unsure + 4 });
    const out = validate(extract(readHeader(segment(doc))));
    const [first, second] = out.tasks!;
    expect(first.fieldConfidence.responsible).toBeLessThan(LOW_CONFIDENCE);
    expect(first.reasons).toContainEqual(expect.objectContaining({ field: 'responsible', ruleId: 'repair:unsure', start: unsure, end: unsure + 4 }));
    expect(second.fieldConfidence.responsible).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it('says a task with no doer is one, low confidence', () => {
    const doc = read('Để bảo đảm an toàn, yêu cầu:\n1. Rà soát các khu dân cư ven sông.');
    const task = doc.tasks!.find((t) => !t.responsible.length);
    expect(task).toBeDefined();
    expect(task!.fieldConfidence.responsible).toBeLessThan(LOW_CONFIDENCE);
    expect(task!.reasons.map((r) => r.ruleId)).toContain('extract:no-doer');
  });
});

describe('validate, on evidence', () => {
  const doc = read('1. Bộ Công an chủ trì, phối hợp với Bộ Tư pháp xây dựng Nghị định về quản lý dữ liệu, hoàn thành trước ngày 30/6/2026.');
  const task = doc.tasks![0];
  const problems = (evidence: Partial<Task['evidence']>) =>
    validate({ ...doc, messages: [], tasks: [{ ...task, evidence: { ...task.evidence, ...evidence } }] })
      .messages.filter((m) => m.ruleId === 'validate:evidence')
      .map((m) => m.reason);

  it.each([
    ['a span on other words', { responsible: [task.evidence.deadline!] }, /shares no word with "Bộ Công an"/u],
    ['a span past the end of the file', { deadline: { start: doc.source.length, end: doc.source.length + 5 } }, /not inside the document/u],
    ['a missing span', { coordinating: [] }, /0 spans for 1 names/u],
  ])('reports %s', (_, evidence, reason) => {
    expect(problems(evidence)).toEqual([expect.stringMatching(reason)]);
  });

  it('reads a repaired document’s span through what repair made of its words', () => {
    // An OCR'd `hing nim` that repair read as `hằng năm`: the span is on the damaged words as read.
    const source = '1. Bộ Công an báo cáo kết quả thực hiện hing nim.';
    const at = source.indexOf('hing nim');
    const rewriter = new TextRewriter();
    rewriter.keep(source, 0, at);
    rewriter.replace('hằng năm', at, at + 'hing nim'.length);
    rewriter.keep(source, at + 'hing nim'.length, source.length);
    const { text, toOld } = rewriter.finish(source.length);
    const repaired = { ...applyRewrite(createDoc('t.txt', source, 'text'), text, toOld), repaired: true };
    const out = validate(extract(readHeader(segment(repaired))));
    const task = out.tasks![0];
    expect(task.deadline).toMatchObject({ kind: 'recurring', recurrence: 'yearly' });
    expect(words(out, task.evidence.deadline)).toBe('hing nim');
    expect(out.messages.filter((m) => m.ruleId === 'validate:evidence')).toEqual([]);
  });

  it('accepts a span that holds an alias of the name', () => {
    const aliased = read('1. Bộ KH&CN chủ trì xây dựng Thông tư về quản lý dữ liệu.');
    expect(aliased.tasks![0].responsible).toEqual(['Bộ Khoa học và Công nghệ']);
    expect(words(aliased, aliased.tasks![0].evidence.responsible[0])).toBe('Bộ KH&CN');
    expect(aliased.messages.filter((m) => m.ruleId === 'validate:evidence')).toEqual([]);
  });
});

describe('chidao extract, on evidence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chidao-evidence-'));

  it('carries evidence, field confidence and reasons in its JSON, and counts the low-confidence fields on stderr', async () => {
    const file = join(dir, 'no-doer.txt');
    writeFileSync(file, 'Để bảo đảm an toàn, yêu cầu:\n1. Rà soát các khu dân cư ven sông.\n');
    const { code, stdout, stderr } = await chidao('extract', file);
    expect(code).toBe(0);
    const task = JSON.parse(stdout).tasks[0];
    expect(Object.keys(task)).toEqual(expect.arrayContaining(['evidence', 'fieldConfidence', 'reasons']));
    expect(stderr).toBe(`chidao: 1 low-confidence field (below ${LOW_CONFIDENCE}) in ${file}\n`);
  });

  it('says nothing of confidence when every field is sure enough', async () => {
    const file = join(dir, 'sure.txt');
    writeFileSync(file, '1. Bộ Công an chủ trì xây dựng Nghị định về quản lý dữ liệu, hoàn thành trước ngày 30/6/2026.\n');
    const { code, stderr } = await chidao('extract', file);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
