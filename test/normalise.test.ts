import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.ts';
import { createDoc } from '../src/model.ts';
import { normalise } from '../src/stages/normalise.ts';
import { CLEAN_CORPUS, ROOT } from './helpers.ts';

/** Read as the CLI reads it (Markdown is parsed then), and normalised. */
const run = async (path: string, options = {}) => normalise(await ingest(ROOT + path), options);
const fold = (c: string) => c.normalize('NFD')[0]?.toLowerCase();

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

  it('moves the footnotes of the 19-BC report out of the text into notes, and strips Markdown', async () => {
    const doc = await run('corpus/19-BC-CQTTBCD.md');
    expect(doc.notes.length).toBe(48);
    expect(doc.notes[0]).toMatchObject({ label: '1' });
    expect(doc.source.slice(doc.notes[0].start, doc.notes[0].end)).toContain('Ban hành 2 nghị quyết');
    expect(doc.text).not.toMatch(/<sup>|\*\*|^#/mu);
    // A paragraph that a page break and a footnote split is one again.
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
