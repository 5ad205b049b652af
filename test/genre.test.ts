import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/model.ts';
import { normalise } from '../src/stages/normalise.ts';
import { segment, walk } from '../src/stages/segment.ts';
import { cellDeadline, chooseDeadline, countFrom, findDeadlines } from '../src/deadline.ts';

const normalised = (text: string) => normalise(createDoc('t.txt', text, 'text'));

describe('normalise, on the genre’s text states', () => {
  it.each([
    ['Bộ Tài_chính , Ngân_hàng Nhà_nước xây_dựng đề_án ( FTA ) .', 'Bộ Tài chính, Ngân hàng Nhà nước xây dựng đề án (FTA).'],
    ['a ) Vụ Xuất_nhập_khẩu chủ_trì , phối_hợp với các Vụ : Kế_hoạch .', 'a) Vụ Xuất nhập khẩu chủ trì, phối hợp với các Vụ: Kế hoạch.'],
  ])('joins a word-segmented copy: %s', (input, expected) => {
    const doc = normalised(input);
    expect(doc.text).toBe(expected);
    // Every letter still points at the same letter of the file.
    for (let i = 0; i < doc.text.length; i++) if (/\p{L}/u.test(doc.text[i])) expect(doc.source[doc.toSource[i]]).toBe(doc.text[i]);
  });

  it('leaves ordinary text with an underscore alone', () => {
    const text = 'Sở Tài chính gửi kèm tệp bao_cao.docx tổng hợp kết quả thực hiện Kế hoạch trong năm 2025, đề nghị các sở, ban, ngành, Ủy ban nhân dân các xã, phường rà soát, bổ sung số liệu và gửi lại trước ngày 15/12/2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.';
    expect(normalised(text).text).toContain('bao_cao.docx');
  });

  it('reads a task table laid out one cell per line as one row per line, an empty cell kept', () => {
    const cells = ['|', 'STT', '|', 'Tên nhiệm vụ', '|', 'Cơ quan chủ trì', '|', 'Cơ quan phối hợp', '|', 'Thời gian', '|', '|', 'I. NHÓM GIẢI PHÁP', '|', '|', '1', '|', 'Xây dựng Bộ tiêu chí', 'đánh giá.', '|', 'Sở Tài chính', '|', '|', 'Quý IV/2025', '|', '|', '2', '|', 'Triển khai nền tảng.', '|', 'Sở Nội vụ', '|', 'Các sở, ban, ngành', '|', 'Năm 2026', '|', '|'];
    const doc = normalised(cells.join('\n'));
    const rows = doc.text.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toEqual([
      '| STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |',
      '| I. NHÓM GIẢI PHÁP |',
      '| 1 | Xây dựng Bộ tiêu chí đánh giá. | Sở Tài chính |  | Quý IV/2025 |',
      '| 2 | Triển khai nền tảng. | Sở Nội vụ | Các sở, ban, ngành | Năm 2026 |',
    ]);
  });

  it('drops a legal site’s banner before the issuing body', () => {
    const doc = normalised(['Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.', 'Đang tải văn bản...', '', 'BỘ XÂY DỰNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 96/CĐ-BXD'].join('\n'));
    // Only with the option a pipeline for such pages sets.
    expect(doc.text).toContain('Đang tải');
    const cut = normalise(createDoc('t.txt', ['Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.', 'Đang tải văn bản...', '', 'BỘ XÂY DỰNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 96/CĐ-BXD'].join('\n'), 'text'), { cutBeforeHeader: true });
    expect(cut.text.startsWith('BỘ XÂY DỰNG')).toBe(true);
    expect(cut.source.slice(cut.toSource[0], cut.toSource[0] + 2)).toBe('BỘ');
  });
});

describe('segment, task tables', () => {
  it('gives each row the path of its section, its group and its STT, and knows columns by their words', () => {
    const text = ['PHỤ LỤC', '| TT | Cơ quan phối hợp | Nội dung | Cơ quan chủ trì |', '|---|---|---|---|', '| I. | Nhóm thể chế |  |  |', '| 1. | Các bộ | Xây dựng Đề án | Bộ Nội vụ |', '| 2. |  | Ban hành Kế hoạch | Bộ Tư pháp |'].join('\n');
    const doc = segment(createDoc('t.txt', text, 'text'));
    const rows: { path: string; task: string; lead: string }[] = [];
    walk(doc.root!, (node) => {
      if (node.kind === 'row' && node.cells?.responsible) rows.push({ path: node.path, task: text.slice(node.cells.task!.start, node.cells.task!.end), lead: text.slice(node.cells.responsible.start, node.cells.responsible.end) });
    });
    expect(rows).toEqual([
      { path: 'PL.I.1', task: 'Xây dựng Đề án', lead: 'Bộ Nội vụ' },
      { path: 'PL.I.2', task: 'Ban hành Kế hoạch', lead: 'Bộ Tư pháp' },
    ]);
  });

  it('reads no clause out of a table of figures', () => {
    const doc = segment(createDoc('t.txt', ['| STT | Bộ, cơ quan | Bãi bỏ TTHC |', '| 1 | Bộ Công an | 54 |'].join('\n'), 'text'));
    expect(doc.root!.children).toEqual([]);
  });
});

describe('deadlines of the genre', () => {
  it.each([
    ['Năm 2026', 'by', '2026-12-31'],
    ['Quí IV-2025', 'by', '2025-12-31'],
    ['01/2025', 'by', '2025-01-31'],
    ['Tháng 10/2025', 'by', '2025-10-31'],
    ['2026-2030', 'by', '2030-12-31'],
    ['Thường xuyên', 'ongoing', null],
    ['Hằng năm', 'recurring', null],
  ])('reads the time cell %s', (cell, kind, date) => {
    expect(cellDeadline(cell)).toMatchObject({ kind, date });
  });

  it('reads a deadline counted from the signing as relative, dated from the issue date', () => {
    const d = chooseDeadline(findDeadlines('Báo cáo kết quả trong vòng 30 ngày kể từ ngày ký.'))!;
    expect(d).toMatchObject({ kind: 'relative', counted: { count: 30, unit: 'day', fromSigning: true } });
    expect(countFrom('2025-11-18', d.counted!)).toBe('2025-12-18');
    expect(countFrom('2025-11-21', { count: 5, unit: 'working-day', fromSigning: true })).toBe('2025-11-28');
  });

  it('counts from another event without a date', () => {
    const d = chooseDeadline(findDeadlines('gửi hồ sơ trong thời hạn 07 ngày làm việc kể từ ngày nhận được văn bản'))!;
    expect(d).toMatchObject({ kind: 'relative', counted: { count: 7, unit: 'working-day', fromSigning: false } });
  });
});
