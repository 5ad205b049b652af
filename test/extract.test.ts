import { describe, expect, it } from 'vitest';
import { Extraction } from '../src/schema.ts';
import { evaluate } from '../src/eval/run.ts';
import { createDoc } from '../src/doc/model.ts';
import { choosePipeline, runPipeline } from '../src/pipeline.ts';
import { stripMarks } from '../src/lang/fold.ts';
import { CLEAN_CORPUS, corpusText, CORRECTED_20TB, extracted, extractedAsIs, ROOT } from './helpers.ts';

let evaluated: ReturnType<typeof evaluate> | undefined;
const evaluation = () => (evaluated ??= evaluate(ROOT));

describe('extract', () => {
  it.each(CLEAN_CORPUS)('grounds every task of %s in the text and the source', async (path) => {
    const doc = await extracted(path);
    expect(doc.tasks!.length).toBeGreaterThan(20);
    Extraction.parse({ document: doc.header, tasks: doc.tasks });
    for (const task of doc.tasks!) {
      expect(doc.text.slice(task.span.start, task.span.end).replace(/\s*\n\s*/g, ' ')).toBe(task.text);
      const firstWord = task.text.split(' ')[0].normalize('NFC');
      expect(doc.source.slice(task.sourceSpan!.start, task.sourceSpan!.end).normalize('NFC')).toContain(firstWord.replace(/[*]/g, ''));
    }
    expect(doc.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
  });

  it("ends a report's title where it turns to its addressees (Kính gửi)", async () => {
    const doc = await extracted('corpus/19-BC-CQTTBCD.md');
    expect(doc.header!.title).toBe('TÌNH HÌNH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ (giai đoạn từ sau Phiên họp tổng kết năm 2025 của Ban Chỉ đạo đến ngày 12/3/2026)');
  });

  it('lets a header agency flow down to the sub-items under it', async () => {
    const doc = await extracted('corpus/17-TB-CQTTBCD-phu-luc.txt');
    const subs = doc.tasks!.filter((t) => t.clause.startsWith('PL.1.b.'));
    expect(subs.map((t) => t.clause)).toEqual(['PL.1.b.1', 'PL.1.b.2']);
    for (const t of subs) expect(t.responsible).toEqual(['Văn phòng Trung ương Đảng']);
    expect(subs[0].deadline).toMatchObject({ kind: 'by', date: '2026-03-31' });
  });

  it('takes only Part II of a report', async () => {
    const doc = await extracted('corpus/19-BC-CQTTBCD.md');
    expect(doc.pipeline).toBe('report');
    expect(doc.tasks!.every((t) => t.clause.startsWith('II.'))).toBe(true);
  });

  it('finds no task in praise, results or the closing formula', async () => {
    const doc = await extracted('corpus/04-TB-BCDTW.txt');
    expect(doc.tasks!.some((t) => t.clause.startsWith('I.'))).toBe(false);
    expect(doc.tasks!.some((t) => /thông báo để các đồng chí/u.test(t.text))).toBe(false);
  });

  it('holds the bars recorded in golden/bars.json', async () => {
    const rows = await evaluation();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.flatMap((r) => r.failures.map((f) => `${r.golden}: ${f}`))).toEqual([]);
  }, 120_000);

  it('scores a hand-corrected text of a golden document as a row of its own, with repair off', async () => {
    const rows = await evaluation();
    const ocr = rows.find((r) => r.text === 'corpus/20-TB-CQTTBCD.ocr.txt')!;
    const corrected = rows.find((r) => r.text === 'golden/20-TB-CQTTBCD.corrected.txt')!;
    expect(ocr.variant).toBe('source');
    expect(corrected).toMatchObject({ variant: 'corrected', barKey: '20-TB-CQTTBCD.corrected.txt' });
    // Both rows are scored against the same 47 labels.
    expect(corrected.scores.golden).toBe(ocr.scores.golden);
    expect(corrected.scores.golden).toBe(47);
  }, 120_000);

  it('scores each stripped copy against its document\'s labels, and the copy is its source with the marks stripped and nothing else', async () => {
    const rows = await evaluation();
    const stripped = rows.filter((r) => r.variant === 'stripped');
    expect(stripped.length).toBeGreaterThanOrEqual(5);
    for (const row of stripped) {
      const source = rows.find((r) => r.variant === 'source' && r.file === row.file)!;
      expect(row.scores.golden).toBe(source.scores.golden);
      expect(corpusText(row.text)).toBe(stripMarks(corpusText(source.text)));
    }
  }, 120_000);

  it('lets the doers a numbered point names override the request that introduced the list', async () => {
    const doc = await extractedAsIs(CORRECTED_20TB);
    const task = (clause: string) => doc.tasks!.find((t) => t.clause === clause)!;
    // Agencies are sets (CONTRACT.md "Scoring"): compare them in a fixed order.
    const doers = (clause: string) => [...task(clause).responsible].sort();
    // `Về nhiệm vụ trong thời gian tới, yêu cầu các cấp ủy, tổ chức đảng, cơ quan, đơn vị … sau:` introduces points 1–7.
    expect(doers('5')).toEqual(['Các cấp ủy, tổ chức đảng, cơ quan, đơn vị'].sort());
    expect(doers('6')).toEqual(['Các cấp, các ngành', 'Các cơ quan, đơn vị'].sort());
    expect(doers('7')).toEqual(['Người đứng đầu cấp ủy, chính quyền các bộ, ngành, địa phương, cơ quan, đơn vị'].sort());
    // A second paragraph that names its own doers is a task of its own.
    expect(doers('4')).toEqual(['Các bộ, cơ quan, địa phương'].sort());
    expect(doers('4.p1')).toEqual(['Các bộ quản lý ngành', 'Bộ Khoa học và Công nghệ', 'Bộ Công Thương', 'Bộ Nông nghiệp và Môi trường'].sort());
    expect(doers('2.p1')).toEqual(['Các bộ, ngành, địa phương', 'Bộ Khoa học và Công nghệ'].sort());
  });

  it('keeps the items under an addressee heading with that addressee when a sentence names a collective', async () => {
    // 19-BC II.3.a (`a) Các cơ quan Trung ương và địa phương`), dash 2: `Yêu cầu các cấp, các ngành …`, `… các cơ quan, đơn vị khẩn trương …`.
    const doc = await extracted('corpus/19-BC-CQTTBCD.md');
    expect(doc.tasks!.find((t) => t.clause === 'II.3.a.d2')!.responsible).toEqual(['Các cơ quan Trung ương và địa phương']);
  });

  it('reads the paragraphs after the last numbered point as closing the whole body, not that point', async () => {
    const doc = await extractedAsIs(CORRECTED_20TB);
    const clauses = doc.tasks!.map((t) => t.clause);
    expect(clauses.filter((c) => !c.startsWith('PL.')).slice(-2)).toEqual(['7', 'p3']);
    expect(clauses).not.toContain('7.p1');
    const closing = doc.tasks!.find((t) => t.clause === 'p3')!;
    expect(closing.text).toMatch(/^Năm 2026 là năm đầu .* quý đầu của năm 2026\.$/u);
    expect(closing.responsible).toEqual(['Các cơ quan, đơn vị, địa phương']);
    expect(doc.tasks!.find((t) => t.clause === '7')!.text).toMatch(/phân bổ nguồn lực\.$/u);
  });

  it('does not let the lead-in of the notice reach into its appendix', () => {
    // The repair of the 20-TB scan left `Đồng chí Tha tướng Chính phủ`: the heading PL.2.c then names nobody.
    const text = corpusText(CORRECTED_20TB).replace('c) Đồng chí Thủ tướng Chính phủ', 'c) Đồng chí Tha tướng Chính phủ');
    const doc = runPipeline(createDoc('20tb.txt', text, 'text'), choosePipeline(text), { noRepair: true });
    const body = doc.tasks!.find((t) => t.clause === '5')!;
    expect(body.responsible).toEqual(['Các cấp ủy, tổ chức đảng, cơ quan, đơn vị']);
    const item = doc.tasks!.find((t) => t.clause === 'PL.2.c.d2')!;
    expect(item.responsible).not.toContain('Các cấp ủy, tổ chức đảng, cơ quan, đơn vị');
  });
});
