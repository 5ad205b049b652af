import { describe, expect, it } from 'vitest';
import type { Clause } from '../src/doc/model.ts';
import { createDoc } from '../src/doc/model.ts';
import { choosePipeline, runPipeline } from '../src/pipeline.ts';
import { walk } from '../src/doc/clauses.ts';
import { corpusText, CORRECTED_20TB, extracted, extractedAsIs } from './helpers.ts';

function paths(root: Clause, prefix: string): string[] {
  const out: string[] = [];
  walk(root, (n) => {
    if (n.path.startsWith(prefix) && !n.path.includes('?')) out.push(n.path);
  });
  return out;
}

describe('segment', () => {
  it('builds the appendix tree with PL paths, letters in Vietnamese order and inline sub-items', async () => {
    const doc = await extracted('corpus/17-TB-CQTTBCD-phu-luc.txt');
    expect(paths(doc.root!, 'PL.1')).toEqual(['PL.1', 'PL.1.a', 'PL.1.b', 'PL.1.b.1', 'PL.1.b.2', 'PL.1.c', 'PL.1.c.1', 'PL.1.c.2', 'PL.1.c.3', 'PL.1.d', 'PL.1.d.1', 'PL.1.d.2', 'PL.1.đ']);
    expect(paths(doc.root!, 'PL.5.a')).toContain('PL.5.a.d3.6');
  });

  it('reads Roman parts and dash items of the 19-BC report', async () => {
    const doc = await extracted('corpus/19-BC-CQTTBCD.md');
    expect(doc.root!.children.filter((c) => c.kind === 'part').map((c) => c.path)).toEqual(['I', 'II', 'III']);
    expect(paths(doc.root!, 'II.2.a')).toEqual(['II.2.a', 'II.2.a.d1', 'II.2.a.d2', 'II.2.a.d3', 'II.2.a.d4', 'II.2.a.d5']);
  });

  it('closes the body at the recipients block', async () => {
    const doc = await extracted('corpus/04-TB-BCDTW.txt');
    const last = doc.root!.children[doc.root!.children.length - 1];
    expect(last.kind).toBe('recipients');
    expect(doc.text.slice(last.start, last.start + 9)).toBe('Nơi nhận:');
  });

  it('reads the document header', async () => {
    expect((await extracted('corpus/04-TB-BCDTW.txt')).header).toMatchObject({ number: '04-TB/BCĐTW', kind: 'THÔNG BÁO', issuedAt: '2025-05-30', place: 'Hà Nội', signer: 'Lê Hoài Trung' });
    expect((await extracted('corpus/17-TB-CQTTBCD-phu-luc.txt')).header).toMatchObject({ number: '17-TB/CQTTBCĐ', kind: 'THÔNG BÁO', issuedAt: '2025-12-29' });
    expect((await extracted('corpus/19-BC-CQTTBCD.md')).header).toMatchObject({ number: '19-BC/CQTTBCĐ', kind: 'BÁO CÁO', issuedAt: null, signer: 'Phạm Gia Túc' });
    expect((await extracted('corpus/17-TB-CQTTBCD-phu-luc.draft.txt')).header).toMatchObject({ number: null, issuedAt: null });
  });

  it('reads the issuing body as the last body of the header block, under the body above it', async () => {
    // 04-TB: `BAN CHẤP HÀNH TRUNG ƯƠNG` above `BAN CHỈ ĐẠO TRUNG ƯƠNG / VỀ PHÁT TRIỂN … / ĐỔI MỚI …`.
    expect((await extracted('corpus/04-TB-BCDTW.txt')).header!.issuer).toBe('Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số');
    // 17-TB appendix: `(Kèm theo Thông báo số … của Ban Chỉ đạo Trung ương về …)`.
    expect((await extracted('corpus/17-TB-CQTTBCD-phu-luc.txt')).header!.issuer).toBe('Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số');
  });

  it('reads the issuer from the code that ends the document number when the header names none', async () => {
    // 19-BC prints only `Số 19-BC/CQTTBCĐ` above its title; the draft has neither name nor number.
    expect((await extracted('corpus/19-BC-CQTTBCD.md')).header!.issuer).toBe('Cơ quan Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số');
    expect((await extracted('corpus/17-TB-CQTTBCD-phu-luc.draft.txt')).header!.issuer).toBeNull();
  });

  it('reads a header and signature that a two-column scan merged into other lines', async () => {
    // 20-TB: `BAN CHỈ ĐẠO TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM`, `ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ Hà Nội, ngày 16 tháng 3 năm 2026`,
    // `CƠ QUAN THƯỜNG TRỰC BAN CHỈ ĐẠO`; the signer in `- Đảng ủy Công an Trung ương, Phạm Gia Túc`, an appendix after.
    expect((await extractedAsIs(CORRECTED_20TB)).header).toMatchObject({
      number: '20-TB/CQTTBCĐ',
      issuedAt: '2026-03-16',
      place: 'Hà Nội',
      issuer: 'Cơ quan Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
      signer: 'Phạm Gia Túc',
    });
  });

  describe('markers a scan or its repair misread', () => {
    const clean = corpusText(CORRECTED_20TB);
    const run = (text: string) => runPipeline(createDoc('20tb.txt', text, 'text'), choosePipeline(text), { noRepair: true });
    const tree = (text: string) => paths(run(text).root!, '');
    // The damage the repair of the 20-TB scan left on its markers (compare corpus/20-TB-CQTTBCD.ocr.txt):
    // `¢) Đồng chí` → `e)`, `d) Các cơ quan` → `a)`, `¢) Bộ Khoa học` → `e)`, `&) Đề nghị` → `e)`, `l) Văn phòng` → `1)`.
    const damage = (text: string) =>
      text
        .replace(/^c\) Đồng chí Thủ tướng/mu, 'e) Đồng chí Thủ tướng')
        .replace(/^d\) Các cơ quan Trung ương và địa phương$/mu, 'a) Các cơ quan Trung ương và địa phương')
        .replace(/^c\) Bộ Khoa học và Công nghệ$/mu, 'e) Bộ Khoa học và Công nghệ')
        .replace(/^đ\) Đề nghị/mu, 'e) Đề nghị')
        .replace(/^l\) Văn phòng/mu, '1) Văn phòng');

    it('reads a lettered marker that breaks the sequence as the one expected there', () => {
      const damaged = damage(clean);
      expect(damaged).not.toBe(clean);
      expect(tree(damaged)).toEqual(tree(clean));
      expect(tree(damaged)).toEqual(expect.arrayContaining(['PL.2.c.d5', 'PL.2.d.d2', 'PL.3.c.d6', 'PL.3.đ.2', 'PL.3.e', 'PL.3.l.3']));
      expect(run(damaged).messages.filter((m) => m.ruleId === 'segment:marker-sequence').map((m) => m.actual)).toEqual(['e)', 'a)', 'e)', 'e)', '1)']);
    });

    it('reads a scan glyph left in marker place (&) for đ)) and a round letter for c) as the expected marker', () => {
      // A later repair of the same scan: `a)` for both c), the OCR glyph `&)` for đ) kept, `1)` for l).
      const damaged = clean
        .replace(/^c\) Đồng chí Thủ tướng/mu, 'a) Đồng chí Thủ tướng')
        .replace(/^c\) Bộ Khoa học và Công nghệ$/mu, 'a) Bộ Khoa học và Công nghệ')
        .replace(/^đ\) Đề nghị/mu, '&) Đề nghị')
        .replace(/^l\) Văn phòng/mu, '1) Văn phòng');
      expect(tree(damaged)).toEqual(tree(clean));
      // Where no letter is expected that it could stand for, such a glyph is running text.
      expect(tree('PHỤ LỤC\n\n1. Kiện toàn Ban Chỉ đạo\n\na) Các cơ quan Trung ương và địa phương rà soát.\n\n&) Các bộ rà soát.\n')).toEqual(['', 'PL', 'PL.1', 'PL.1.a']);
    });

    it('reads "3," at the start of a line as point 3 only where 3 is expected', () => {
      expect(tree(clean.replace(/^3\. Một số nhiệm vụ/mu, '3, Một số nhiệm vụ'))).toEqual(tree(clean));
      // `2, …` where 3 is expected is running text, not a point.
      expect(tree(clean.replace(/^3\. Một số nhiệm vụ/mu, '2, Một số nhiệm vụ'))).not.toContain('PL.3');
    });

    it('counts a misread "(l)" as the sub-item (1) it stands for, and leaves roman (i) (ii) (iii) in the text', () => {
      const damaged = clean.replace('cấp có thẩm quyền: (1) Kiện toàn', 'cấp có thẩm quyền: (l) Kiện toàn').replace('(ii) Khả', '(ii1) Khả');
      expect(damaged).not.toBe(clean);
      expect(tree(damaged)).toEqual(tree(clean));
      expect(tree(damaged)).toEqual(expect.arrayContaining(['PL.1.1', 'PL.1.2', 'PL.1.3']));
      // 3.d2's three requirements are not numbered sub-items, read well or not.
      expect(tree(damaged).filter((p) => p.startsWith('3.d2.'))).toEqual([]);
    });

    it('does not take a real "1) … 2)" list after k) for a misread l)', () => {
      const text = 'PHỤ LỤC\n\n1. Kiện toàn Ban Chỉ đạo và cơ quan giúp việc\n\nk) Bộ Giáo dục và Đào tạo chủ trì:\n\n1) Nâng cao năng lực liên kết giữa các cơ sở đào tạo với các viện nghiên cứu.\n\n2) Chuẩn hoá nội dung kỹ năng số phổ cập cho người dân.\n';
      expect(tree(text)).not.toContain('PL.1.l');
      expect(run(text).messages.filter((m) => m.ruleId === 'segment:marker-sequence')).toEqual([]);
    });
  });
});
