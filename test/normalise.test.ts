import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.ts';
import { createDoc, sourceSpan, type Doc } from '../src/doc/model.ts';
import { normalise } from '../src/stages/normalise.ts';
import { CLEAN_CORPUS, extracted, ROOT } from './helpers.ts';

/** Read as the CLI reads it (Markdown is parsed then), and normalised. */
const run = async (path: string, options = {}) => normalise(await ingest(ROOT + path), options);
const fold = (c: string) => c.normalize('NFD')[0]?.toLowerCase();

/** The source offsets of `words` (the first place they stand in the working text, after `after`), and the source text there. */
function inSource(doc: Doc, words: string, after = '') {
  const at = doc.text.indexOf(after + words);
  expect(at, `${after}${words}`).toBeGreaterThanOrEqual(0);
  const span = sourceSpan(doc, at + after.length, at + after.length + words.length);
  return { ...span, text: doc.source.slice(span.start, span.end) };
}

describe('normalise', () => {
  it.each(CLEAN_CORPUS)('maps every letter of %s back to the same letter in the source', async (path) => {
    const doc = await run(path);
    let mismatches = 0;
    for (let i = 0; i < doc.text.length; i++) {
      const c = doc.text[i];
      if (/\p{L}/u.test(c) && fold(c) !== fold(doc.source[doc.toSource[i]] ?? '')) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(doc.toSource.length).toBe(doc.text.length + 1);
  });

  it('joins the lines a PDF broke inside a sentence (17-TB appendix)', async () => {
    const doc = await run('corpus/17-TB-CQTTBCD-phu-luc.txt');
    expect(doc.text).toContain('thông qua Hệ thống pakn.nq57.vn và các kênh có liên quan kịp thời tiếp nhận');
    expect(doc.text).toMatch(/^b\) Văn phòng Trung ương Đảng chủ trì, phối hợp với các cơ quan liên quan: \(1\) Xây dựng/mu);
    expect(doc.text).not.toMatch(/ \n|\n\n/);
  });

  it('keeps a point heading apart from the paragraph under it (04-TB, one paragraph per line)', async () => {
    const doc = await run('corpus/04-TB-BCDTW.txt');
    expect(doc.text).toMatch(/trong doanh nghiệp\nBộ Khoa học và Công nghệ chủ trì, phối hợp với các bộ, ngành, địa phương:/u);
  });

  it('joins the 19-BC paragraph that a page break and a footnote body split', async () => {
    const doc = await run('corpus/19-BC-CQTTBCD.md');
    expect(doc.text).toContain('Quán triệt nhận thức an ninh mạng không chỉ là nhiệm vụ riêng của Bộ Công an');
  });

  it('drops the web page navigation after the draft closing mark ./.', async () => {
    const doc = await run('corpus/17-TB-CQTTBCD-phu-luc.draft.txt', { cutAfterEnd: true });
    expect(doc.text.trimEnd().endsWith('./.')).toBe(true);
    expect(doc.text).not.toContain('Thống kê truy cập');
    expect(doc.messages.map((m) => m.ruleId)).toContain('normalise:after-end');
  });

  it('removes the running footer of the 20-TB scan', async () => {
    const doc = await run('corpus/20-TB-CQTTBCD.ocr.txt');
    expect(doc.source).toContain('2.BCD57_CQTT_TB20.DOC 3');
    expect(doc.text).not.toContain('BCD57_CQTT_TB20');
  });

  it('writes NFC, plain spaces and hyphens', () => {
    const doc = normalise(createDoc('x.txt', 'a) Bo\u0323\u0302 Co\u0302ng an\u00A0chủ trì \u2013 rà soát.\r\n', 'text'));
    expect(doc.text).toBe('a) Bộ Công an chủ trì - rà soát.');
  });
});

/** The Markdown seeds, parsed at ingest: each check pins an offset, so a map one character off fails. */
describe('Markdown seeds, normalised', () => {
  it('drops emphasis inside a sentence and keeps the words at their place in the file (04-TB)', async () => {
    const doc = await run('corpus/04-TB-BCDTW.txt');
    expect(doc.text).toMatch(/^c\) Các địa phương bảo đảm 100% xã, .* cấp độ mật \(cấp xã\)\. Hoàn thành trong tháng 6\/2025\.$/mu);
    const agency = inSource(doc, 'Các địa phương', 'c) ');
    expect(doc.source.slice(agency.start - 4, agency.end + 1)).toBe('c) *Các địa phương*');
    const deadline = inSource(doc, 'Hoàn thành trong tháng 6/2025.', '(cấp xã). ');
    expect(doc.source.slice(deadline.start - 2, deadline.end + 2)).toBe('**Hoàn thành trong tháng 6/2025.**');
    // The sentence runs on across the closing mark: the space after `*` is the source's own.
    expect(inSource(doc, 'phương bảo').text).toBe('phương* bảo');
  });

  it('turns headings into their words on a line of their own (19-BC)', async () => {
    const doc = await run('corpus/19-BC-CQTTBCD.md');
    expect(doc.text).toMatch(/^Tình hình thực hiện các nhiệm vụ được giao \(tính đến ngày 09\/3\/2026\):$/mu);
    expect(doc.text).toMatch(/^II- NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM$/mu);
    expect(doc.text).toMatch(/^b\) Các cơ quan Trung ương và địa phương$/mu);
    const heading = inSource(doc, 'Tình hình thực hiện các nhiệm vụ được giao (tính đến ngày 09/3/2026):');
    expect(doc.source.slice(heading.start - 7, heading.end + 3)).toBe('\n### **Tình hình thực hiện các nhiệm vụ được giao (tính đến ngày 09/3/2026):**\n');
    const part = inSource(doc, 'II- NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM');
    expect(doc.source.slice(part.start - 4, part.end + 1)).toBe('\n## II- NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\n');
    const letter = inSource(doc, 'b) Các cơ quan Trung ương và địa phương');
    expect(doc.source.slice(letter.start - 8, letter.end + 4)).toBe('\n### ***b) Các cơ quan Trung ương và địa phương***\n');
  });

  it('takes footnote calls out of the running text and keeps each body as a note where it stands in the file (19-BC)', async () => {
    const doc = await run('corpus/19-BC-CQTTBCD.md');
    expect(doc.notes.map((n) => n.label)).toEqual(Array.from({ length: 48 }, (_, i) => String(i + 1)));
    for (const note of doc.notes) {
      // A whole line of the file, from its `<sup>` to its last character.
      expect(doc.source.slice(note.start - 1, note.start + `<sup>${note.label}</sup> `.length)).toBe(`\n<sup>${note.label}</sup> `);
      expect(doc.source[note.end]).toBe('\n');
      expect(doc.source[note.end - 1]).not.toMatch(/\s/);
      expect(note.text).not.toMatch(/<sup>|\*/);
      expect(doc.text).not.toContain(note.text.slice(0, 40));
    }
    expect(doc.notes[0].text).toBe('Ban hành 2 nghị quyết, 1 công điện, 3 quyết định chỉ đạo triển khai Đề án 06 và chuyển đổi số.');
    // Bold inside a note is plain too.
    expect(doc.notes[32].text).toMatch(/^2025: \(1\) Giải ngân cao nhất \(số tuyệt đối\): Bộ Quốc phòng/u);
    expect(doc.text).not.toMatch(/<sup>|\*|^#/mu);
    // The call leaves; the full stop after it keeps its own offset.
    expect(inSource(doc, 'các nhiệm vụ liên quan.', 'địa phương thực hiện ').text).toBe('các nhiệm vụ liên quan<sup>1</sup>.');
  });

  it('keeps list markers, the clause numbers, at the start of their lines', async () => {
    const tb = await run('corpus/04-TB-BCDTW.txt');
    expect(tb.text).toMatch(/^1\. Ghi nhận và đánh giá cao/mu);
    expect(tb.text).toMatch(/^- Trong khi chờ ban hành Luật/mu);
    expect(tb.text).toMatch(/^\+ Lựa chọn ngay từ một đến ba nhiệm vụ/mu);
    const point = inSource(tb, '1. Ghi nhận');
    expect(tb.source.slice(point.start - 1, point.end)).toBe('\n1. Ghi nhận');
    const bc = await run('corpus/19-BC-CQTTBCD.md');
    expect(bc.text).toMatch(/^\+ 1\.182,4 tỉ đồng chi thường xuyên/mu);
    expect(inSource(bc, '+ 1.182,4 tỉ').text).toBe('+ **1.182,4** tỉ');
  });

  it.each(['corpus/19-BC-CQTTBCD.md', 'corpus/04-TB-BCDTW.txt'])('finds every task of %s in its source span, first and last character included', async (path) => {
    const doc = await extracted(path);
    for (const task of doc.tasks!) {
      const { start, end } = task.sourceSpan!;
      expect(doc.source[start], task.id).toBe(task.text[0]);
      expect(doc.source[end - 1], task.id).toBe(task.text.at(-1));
      // Between them, the task's words in order, among the marks of the file and the footnote bodies a page break put there.
      let words = '';
      let at = start;
      for (const note of doc.notes.filter((n) => n.start >= start && n.end <= end)) {
        words += doc.source.slice(at, note.start);
        at = note.end;
      }
      words += doc.source.slice(at, end);
      expect(words.replace(/<sup>\d+<\/sup>|\*+/g, '').replace(/\s+/g, ' '), task.id).toBe(task.text);
    }
  });
});
