import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/doc/model.ts';
import { sectionReferences } from '../src/stages/extract/references.ts';
import { extract } from '../src/stages/extract/index.ts';
import { normalise } from '../src/stages/normalise.ts';
import { readHeader } from '../src/stages/read-header.ts';
import { segment } from '../src/stages/segment.ts';

describe('section references', () => {
  it.each([
    ['Chủ trì triển khai các nhiệm vụ tại mục (IV) (1) của Kế hoạch.', ['IV.1']],
    ['Chủ trì triển khai các nhiệm vụ\ntại mục (IV) (4.1) (4.2) và Phụ lục của Kế hoạch.', ['IV.4.1', 'IV.4.2']],
    ['Chủ trì triển khai các nhiệm vụ tại mục (IV)(3.4)(a);', ['IV.3.4.a']],
    ['chủ trì thực hiện nhiệm vụ tại mục II.3 của Kế hoạch này', ['II.3']],
    ['thực hiện các nhiệm vụ tại điểm a khoản 2 mục III', ['III.2.a']],
    // Not an assignment: the tasks are a basis or a focus, not given.
    ['căn cứ các nội dung tại mục III của Kế hoạch này, xây dựng kế hoạch hành động', []],
    ['(trọng tâm các nhiệm vụ tại mục III)', []],
    // Another document's part.
    ['thực hiện các nhiệm vụ tại mục II Chỉ thị số 11/CT-TTg', []],
  ])('%s → %j', (words, paths) => {
    expect(sectionReferences(words)).toEqual(paths);
  });

  const PLAN = `ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 12/KH-UBND
Bắc Ninh, ngày 24 tháng 11 năm 2025
KẾ HOẠCH
Phát triển kinh tế số
III. NHIỆM VỤ THEO NGÀNH
1. Nông nghiệp
a) Xây dựng nền tảng dữ liệu số nông nghiệp tỉnh.
b) Tập huấn kỹ năng số cho nông dân.
2. Thương mại
a) Phát triển sàn thương mại điện tử của tỉnh.
b) Kết nối dữ liệu hải quan với các cảng cạn.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường
Chủ trì triển khai các nhiệm vụ tại mục (III) (1) của Kế hoạch.
2. Sở Công Thương
Chủ trì triển khai các nhiệm vụ tại mục (III) (2) của Kế hoạch.
3. Chi cục Hải quan khu vực V
Chủ trì triển khai các nhiệm vụ tại mục (III)(2)(b).
`;

  it('gives the tasks that name no doer to the body the plan gives them to, the most specific reference first', () => {
    const tasks = extract(readHeader(segment(normalise(createDoc('kh.txt', PLAN, 'text'))))).tasks!;
    const doers = Object.fromEntries(tasks.map((t) => [t.clause, t.responsible]));
    expect(doers['III.1.a']).toEqual(['Sở Nông nghiệp và Môi trường']);
    expect(doers['III.1.b']).toEqual(['Sở Nông nghiệp và Môi trường']);
    expect(doers['III.2.a']).toEqual(['Sở Công Thương']);
    expect(doers['III.2.b']).toEqual(['Chi cục Hải quan khu vực V']);
    const given = tasks.find((t) => t.clause === 'III.1.a')!;
    // The name stands where the giving point reads it, and the reader is told why.
    expect(PLAN.slice(given.evidence!.responsible[0].start, given.evidence!.responsible[0].end)).toBe('Sở Nông nghiệp và Môi trường');
    expect(given.reasons!.map((r) => r.ruleId)).toContain('extract:section-reference');
  });
});
