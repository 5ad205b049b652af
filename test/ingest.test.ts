/** Ingest adapters without OCR: text encodings, HTML, Markdown, PDF text layers, .docx, bad input. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/doc/model.ts';
import { ingest, ingestBytes } from '../src/ingest/index.ts';
import { readMarkdown } from '../src/ingest/markdown.ts';
import { lineText } from '../src/ingest/ocr.ts';
import { joinHyphenated, removeRunning } from '../src/ingest/pdf-text.ts';
import { cer } from './fixtures/cer.ts';
import { encodeTcvn3, encodeVni, encodeWindows1258 } from './fixtures/legacy-encode.ts';
import { makeDocx, makeTextPdf, seedText, tempDir } from './fixtures/make.ts';
import { textPdf } from './fixtures/pdf-writer.ts';
import { zip } from './fixtures/zip-writer.ts';
import { chidao, ROOT } from './helpers.ts';

const SAMPLE = 'THÔNG BÁO\n\nBộ Khoa học và Công nghệ chủ trì, phối hợp với các bộ, ngành liên quan hoàn thành trong tháng 6/2025; Ủy ban nhân dân các tỉnh, thành phố báo cáo kết quả thực hiện.\n';

async function reason(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).reason;
}

describe('text', () => {
  it.each([
    ['UTF-8', Buffer.from(SAMPLE)],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])],
    ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')])],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()])],
    ['UTF-16 LE without BOM', Buffer.from(SAMPLE, 'utf16le')],
    ['NFD UTF-8', Buffer.from(SAMPLE.normalize('NFD'))],
  ])('reads %s as NFC', async (_, bytes) => {
    const doc = await ingestBytes('a.txt', bytes);
    expect(doc.text).toBe(SAMPLE);
    expect(doc.format).toBe('text');
  });

  it.each([
    ['windows-1258', encodeWindows1258],
    ['tcvn3', encodeTcvn3],
    ['vni', encodeVni],
  ])('detects %s and converts it', async (encoding, encode) => {
    const doc = await ingestBytes('old.txt', encode(SAMPLE));
    // TCVN3 cannot tell a capital with a tone from a small letter in a mixed-case word.
    expect(cer(doc.text, SAMPLE)).toBeLessThan(encoding === 'tcvn3' ? 0.01 : 1e-9);
    expect(doc.messages[0].reason).toBe(`converted from ${encoding} to Unicode`);
  });

  it('converts the whole seed from TCVN3, all but the case of a few capitals', async () => {
    const doc = await ingestBytes('04.txt', encodeTcvn3(seedText()));
    expect(doc.text.toLowerCase()).toBe(seedText().toLowerCase());
  });

  it('reads UTF-8 with a few bad bytes, each as U+FFFD, and says on which lines they stood', async () => {
    const bytes = Buffer.from(SAMPLE.repeat(3));
    const bad = Buffer.concat([bytes.subarray(0, 20), Buffer.from([0xff]), bytes.subarray(20), Buffer.from('Dòng cuối '), Buffer.from([0xc3, 0x28]), Buffer.from('.\n')]);
    const doc = await ingestBytes('bad.txt', bad);
    expect(doc.text.split('\uFFFD')).toHaveLength(3);
    expect(doc.text.replace('\uFFFD', '').startsWith(SAMPLE.repeat(3))).toBe(true);
    const warning = doc.messages.find((m) => m.ruleId === 'ingest:invalid-utf8');
    expect(warning).toMatchObject({ severity: 'warning', reason: '2 invalid UTF-8 byte sequences read as U+FFFD (lines 3, 10)' });
  });

  it('still reads a legacy encoding as legacy, not as damaged UTF-8', async () => {
    const doc = await ingestBytes('old.txt', encodeWindows1258(SAMPLE.repeat(3)));
    expect(doc.text).not.toContain('\uFFFD');
    expect(doc.messages.map((m) => m.ruleId)).not.toContain('ingest:invalid-utf8');
  });

  it.each([
    ['empty', Buffer.alloc(0), 'empty file'],
    ['blank', Buffer.from(' \n\t\n'), 'no text (only white space)'],
    ['binary', Buffer.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x01, 0x02]), 'binary file, not text'],
    ['Latin-1 French', Buffer.from('Ceci est un texte français, très élégant, à côté du marché et de la forêt.', 'latin1'), 'not UTF-8, nor Windows-1258, TCVN3 or VNI Vietnamese'],
    ['truncated UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le').subarray(0, 21)]), 'truncated UTF-16LE text'],
  ])('refuses %s input', async (_, bytes, expected) => {
    expect(await reason(ingestBytes('x.txt', bytes))).toContain(expected);
  });

  it('refuses input over the size limit', async () => {
    expect(await reason(ingestBytes('big.txt', Buffer.from(SAMPLE), { maxBytes: 10 }))).toMatch(/^too large/);
  });
});

describe('markdown', () => {
  it('marks Markdown by its content', async () => {
    expect((await ingestBytes('a.txt', Buffer.from('# Tiêu đề\n\n**Nhiệm vụ thường xuyên.**\n'))).format).toBe('markdown');
  });

  it.each(['corpus/19-BC-CQTTBCD.md', 'corpus/04-TB-BCDTW.txt'])('reads %s into its words, each character from its own offset in the file', async (path) => {
    const doc = await ingest(ROOT + path);
    expect(doc.format).toBe('markdown');
    expect(doc.text).not.toMatch(/\*|<sup>|^#/mu);
    expect(doc.toSource.length).toBe(doc.text.length + 1);
    const moved = doc.text.split('').flatMap((c, i) => (c === doc.source[doc.toSource[i]] ? [] : [i]));
    expect(moved).toEqual([]);
    // In reading order: the text skips marks but never goes back.
    const backwards = doc.toSource.filter((o, i) => i > 0 && o <= doc.toSource[i - 1]);
    expect(backwards.length).toBe(0);
  });

  it.each([
    ['escapes and references', 'Hạn \\*chót\\* &amp; R&D: **30/6/2026**.\n', 'Hạn *chót* & R&D: 30/6/2026.\n'],
    ['a hard break inside a list item', '- Bộ Công an,  \n  Bộ Tư pháp\n- Bộ Y tế\n', '- Bộ Công an,\nBộ Tư pháp\n- Bộ Y tế\n'],
    ['a quotation', '> a) Trích *dẫn*\n> tiếp theo\n', 'a) Trích dẫn\ntiếp theo\n'],
    ['an asterisk left unpaired, a link, code', 'Kính gửi:*\n\nXem [Phụ lục](http://x.vn) và `mã`.\n', 'Kính gửi:\n\nXem Phụ lục và mã.\n'],
    ['a setext heading and a rule', 'Tiêu đề\n=======\n\n---\n\n1. Mục một\n', 'Tiêu đề\n\n\n\n1. Mục một\n'],
  ])('reads %s as plain text, each character from the same one in the file', (_, markdown, text) => {
    const doc = readMarkdown('x.md', markdown);
    expect(doc.text).toBe(text);
    expect(doc.text.split('').filter((c, i) => c !== markdown[doc.toSource[i]])).toEqual([]);
  });

  it('takes a footnote body from the call that opens its line to the end of its paragraph, wrapped or glued under the text', () => {
    const markdown = 'Một đoạn kết thúc trang\n<sup>3</sup> Chú thích **ba**,\nviết tiếp.\n\ntiếp đoạn văn<sup>3</sup>.\n';
    const doc = readMarkdown('x.md', markdown);
    expect(doc.text).toBe('Một đoạn kết thúc trang\n\n\ntiếp đoạn văn.\n');
    expect(doc.notes).toEqual([{ label: '3', text: 'Chú thích ba, viết tiếp.', start: 24, end: 65 }]);
    expect(markdown.slice(23, 66)).toBe('\n<sup>3</sup> Chú thích **ba**,\nviết tiếp.\n');
  });

  it('maps a character reference to where it starts', () => {
    const doc = readMarkdown('x.md', 'Kh&#7889;i\n');
    expect(doc.text).toBe('Khối\n');
    expect(Array.from(doc.toSource)).toEqual([0, 1, 2, 9, 10, 11]);
  });
});

describe('html', () => {
  it('keeps the article and drops menus, related news and footers', async () => {
    const html = `<!DOCTYPE html><html><head><title>x</title><script>var a = "<p>không</p>";</script></head><body>
      <nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li></ul></nav>
      <div class="main"><div class="detail-content"><h1>Nhiệm vụ năm 2026</h1>
      <p>1. Bộ Khoa học và Công nghệ chủ trì, phối hợp với các bộ, ngành hoàn thành trong quý I/2026.</p>
      <p>2. Các địa phương bố trí nguồn lực &amp; báo cáo kết quả.<br>Hoàn thành trong tháng 6/2026.</p></div>
      <div class="tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/1">Một tin khác về hội nghị của ngành</a></li></ul></div></div>
      <div class="box"><a href="/2">Thống kê truy cập rất dài dài dài dài</a> <a href="/3">Tin mới nhất của cổng thông tin điện tử</a></div>
      <footer>Phường Trần Nhân Tông · QR Code</footer></body></html>`;
    const doc = await ingestBytes('page.html', Buffer.from(html));
    expect(doc.format).toBe('html');
    expect(doc.text).toBe('Nhiệm vụ năm 2026\n\n1. Bộ Khoa học và Công nghệ chủ trì, phối hợp với các bộ, ngành hoàn thành trong quý I/2026.\n\n2. Các địa phương bố trí nguồn lực & báo cáo kết quả.\nHoàn thành trong tháng 6/2026.');
  });
});

describe('pdf with a text layer', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('reads the seed back exactly, without running headers and page numbers', async () => {
    const doc = await ingest(makeTextPdf(dir));
    expect(doc.format).toBe('pdf');
    expect(doc.text.replace(/\s+/g, ' ').trim()).toBe(seedText().replace(/\s+/g, ' '));
    expect(doc.text).not.toContain('2.BCD57_CQTT_TB04.DOC');
    // The first line of the body is not the running header, though the same words.
    expect(doc.text.startsWith('BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN CHỈ ĐẠO TRUNG ƯƠNG\n')).toBe(true);
    const [first] = doc.lines!;
    expect(first).toMatchObject({ page: 1, start: 0, end: 'BAN CHẤP HÀNH TRUNG ƯƠNG'.length });
    expect(first.bbox!.x0).toBeCloseTo(64, 0);
    expect(new Set(doc.lines!.map((l) => l.page)).size).toBeGreaterThan(5);
    for (const line of doc.lines!) expect(doc.text.slice(line.start, line.end)).not.toMatch(/\n/);
  });

  it('sends a garbage text layer to OCR', async () => {
    // A ToUnicode map that claims TCVN3 mojibake (`Th«ng b¸o`), as old .VnTime PDFs do; no OCR data → the OCR error.
    const lie = (c: string) => String.fromCharCode(encodeTcvn3(c)[0]);
    const file = join(dir, 'garbage.pdf');
    writeFileSync(file, textPdf(SAMPLE, { lie }));
    expect(await reason(ingest(file, { tessdata: dir }))).toContain('no vie.traineddata in');
  });

  it.each([
    ['encrypted', () => textPdf(SAMPLE, { encrypt: true }), 'encrypted PDF'],
    ['truncated', () => textPdf(SAMPLE).subarray(0, 3000), 'truncated PDF'],
    ['damaged', () => Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'), 'damaged PDF'],
  ])('refuses a %s PDF', async (_, make, expected) => {
    expect(await reason(ingestBytes('bad.pdf', make()))).toContain(expected);
  });

  it('rejoins split words and keeps hyphens that belong', () => {
    const box = { x0: 0, y0: 400, x1: 100, y1: 410 };
    const [page] = joinHyphenated([{ number: 1, lines: [{ text: 'Đầu tư - Tiếp thu - Đổi mới (Infu-', bbox: box }, { text: 'sion); Nghị quyết số 57-', bbox: box }, { text: 'NQ/TW và', bbox: box }, { text: 'nhà nước -', bbox: box }, { text: 'nhà trường', bbox: box }] }]);
    expect(page.lines.map((l) => [l.text, Boolean(l.joined)])).toEqual([
      ['Đầu tư - Tiếp thu - Đổi mới (Infu', false], ['sion); Nghị quyết số 57-', true], ['NQ/TW và', true], ['nhà nước -', false], ['nhà trường', false],
    ]);
  });

  it('drops lone page numbers even on a one-page document', () => {
    const line = (text: string, y0: number) => ({ text, bbox: { x0: 0, y0, x1: 50, y1: y0 + 10 } });
    const [page] = removeRunning([{ number: 1, lines: [line('Nội dung', 300), line('- 3 -', 800)] }], [842]);
    expect(page.lines.map((l) => l.text)).toEqual(['Nội dung']);
  });
});

describe('docx', () => {
  it('writes Word list numbers into the text', async () => {
    const file = makeDocx(join(tempDir(), 'a.docx'), [
      [null, 'THÔNG BÁO'], [0, 'Về công tác lãnh đạo'], [1, 'Bộ Khoa học và Công nghệ chủ trì'], [1, 'Các địa phương:'],
      [2, 'báo cáo kết quả'], [0, 'Về thể chế'], [1, 'Bộ Tư pháp'],
    ]);
    const doc = await ingest(file);
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe('THÔNG BÁO\n\n1. Về công tác lãnh đạo\n\na) Bộ Khoa học và Công nghệ chủ trì\n\nb) Các địa phương:\n\n- báo cáo kết quả\n\n2. Về thể chế\n\na) Bộ Tư pháp');
  });
});

describe('bad input', () => {
  it.each([
    ['a .docx that is not a zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]), 'damaged zip archive'],
    ['a zip that is not a .docx', null, 'not a Word .docx'],
    ['a legacy .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'unsupported type: a legacy Word .doc'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'unsupported type: a GIF image'],
    ['a damaged PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'damaged PNG image'],
  ])('refuses %s with one line', async (_, bytes, expected) => {
    const message = await reason(ingestBytes('in.docx', bytes ?? zip({ 'a.txt': 'x' })));
    expect(message).toContain(expected);
    expect(message).not.toMatch(/\n/);
  });

  it('names a missing file', async () => {
    expect(await reason(ingest('/nonexistent/x.pdf'))).toBe('no such file');
  });
});

describe('bad input through the CLI', () => {
  const dir = tempDir();
  const cases: [name: string, file: string, bytes: () => Buffer, reason: string][] = [
    ['an encrypted PDF', 'locked.pdf', () => textPdf(SAMPLE, { encrypt: true }), 'encrypted PDF (needs a password)'],
    ['a truncated PDF', 'cut.pdf', () => textPdf(SAMPLE).subarray(0, 3000), 'truncated PDF'],
    ['a PDF cut before its header', 'tail.pdf', () => textPdf(SAMPLE).subarray(40), 'damaged or misnamed .pdf file (no %PDF- header'],
    ['a .docx that is not a zip', 'notice.docx', () => Buffer.from([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]), 'damaged or misnamed .docx file (not a zip archive'],
    ['a .docx cut short', 'short.docx', () => makeDocxBytes().subarray(0, 200), 'damaged zip archive'],
    ['a zip that is not a .docx', 'sheet.docx', () => zip({ 'xl/workbook.xml': '<workbook/>' }), 'a zip archive, but not a Word .docx'],
    ['an unsupported type (legacy .doc)', 'old.doc', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'unsupported type: a legacy Word .doc'],
    ['an unsupported type (GIF)', 'scan.gif', () => Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1'), 'unsupported type: a GIF image'],
  ];

  function makeDocxBytes(): Buffer {
    const file = makeDocx(join(dir, 'whole.docx'), [[null, 'THÔNG BÁO'], [0, 'Bộ Khoa học và Công nghệ chủ trì']]);
    return readFileSync(file);
  }

  it.each(cases)('refuses %s: one line naming the file, exit 2, no output file', async (_, name, bytes, reason) => {
    const input = join(dir, name);
    writeFileSync(input, bytes());
    const out = join(dir, `${name}.json`);
    const result = await chidao('extract', input, '-o', out);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\n$/);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`chidao: ${input}: ${reason}`)]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('OCR words split inside a syllable', () => {
  // Word boxes as tesseract gave them on the mild scan of page 3 (300 dpi): `N` cut from `gọc`, 4 px apart where words are ~20 px apart.
  const word = (text: string, x0: number, x1: number) => ({ text, bbox: { x0, y0: 1000, x1, y1: 1040 } }) as never;
  const words = [word('a)', 323, 367), word('Đồng', 388, 521), word('chí', 539, 614), word('Nguyễn', 632, 826), word('Duy', 847, 945), word('N', 962, 1003), word('gọc,', 1007, 1105), word('Phó', 1129, 1220)];

  it('joins a capital cut from the rest of its syllable', () => {
    expect(lineText({ text: 'unused', words })).toBe('a) Đồng chí Nguyễn Duy Ngọc, Phó');
  });

  it('keeps words apart at the usual gap, and close pieces that would not make a syllable', () => {
    const spaced = words.map((w, i) => (i === 6 ? word('gọc,', 1022, 1120) : w));
    expect(lineText({ text: 'unused', words: spaced })).toBe('a) Đồng chí Nguyễn Duy N gọc, Phó');
    const notSyllable = words.map((w, i) => (i === 6 ? word('Hà,', 1007, 1105) : w));
    expect(lineText({ text: 'unused', words: notSyllable })).toBe('a) Đồng chí Nguyễn Duy N Hà, Phó');
  });
});
