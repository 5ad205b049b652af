import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessText, loadModel, repairText, stripMarks, syllableAccuracy } from '../src/repair/index.ts';

const model = loadModel();
const corpus = (name: string) => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');
const SEEDS = ['19-BC-CQTTBCD.md', '17-TB-CQTTBCD-phu-luc.txt', '17-TB-CQTTBCD-phu-luc.draft.txt', '04-TB-BCDTW.txt'];

describe('repair API', () => {
  it('exports the engine', async () => {
    expect(Object.keys(await import('../src/repair/index.ts')).sort()).toEqual(
      ['LanguageModel', 'assessText', 'loadModel', 'repairText', 'stripMarks', 'syllableAccuracy', 'syllables'].sort(),
    );
  });

  // How fast it loads is a bench figure (npm run bench), not a test's.
  it('loads the committed model once, and hands the same model out again', () => {
    loadModel(new URL('../data/lm/model.bin.gz', import.meta.url).pathname);
    expect(loadModel()).toBe(model);
  });
});

describe('stripMarks', () => {
  it('drops tones, vowel marks and the stroke of đ', () => {
    expect(stripMarks('Đảng ủy, Bộ Khoa học và Công nghệ; ườ ỹ')).toBe('Dang uy, Bo Khoa hoc va Cong nghe; uo y');
  });
});

describe('syllableAccuracy', () => {
  it('compares letter runs line by line, ignoring digits and punctuation', () => {
    expect(syllableAccuracy('Ngày 12/3, họp.\nBộ chủ trì', 'Ngay 12/3, họp!\nBộ chủ trì')).toEqual({ correct: 4, total: 5, accuracy: 0.8 });
  });
});

describe('repairText on stripped text', () => {
  it('restores the marks of stripped corpus lines', () => {
    const gold = corpus('17-TB-CQTTBCD-phu-luc.txt').split('\n').slice(0, 120).join('\n');
    const out = repairText(stripMarks(gold), model);
    expect(syllableAccuracy(gold, out.text).accuracy).toBeGreaterThan(0.97);
  });

  it('restores the brief examples, keeping case', () => {
    expect(repairText('Bo Khoa hoc va Cong nghe chu tri', model).text).toBe('Bộ Khoa học và Công nghệ chủ trì');
    expect(repairText('THONG BAO KET LUAN', model).text).toBe('THÔNG BÁO KẾT LUẬN');
  });

  it('leaves numbers, dates, codes, addresses and abbreviations alone, restoring Đ in codes', () => {
    const input = 'Thong bao so 17-TB/CQTTBCD ngay 29/12/2025 ve Nghi quyet so 66.7/2025/NQ-CP, he thong pakn.nq57.vn, KHCN, DMST, TTHC va CSDL.';
    expect(repairText(input, model).text).toBe(
      'Thông báo số 17-TB/CQTTBCĐ ngày 29/12/2025 về Nghị quyết số 66.7/2025/NQ-CP, hệ thống pakn.nq57.vn, KHCN, ĐMST, TTHC và CSDL.',
    );
  });

  it('keeps every line break, blank lines and CRLF included', () => {
    const input = 'Ha Noi, ngay 16 thang 3\r\n\n\nhoan thanh trong quy 11/2026\n';
    const out = repairText(input, model);
    expect(out.text).toBe('Hà Nội, ngày 16 tháng 3\r\n\n\nhoàn thành trong quý II/2026\n');
    expect(out.text.split('\n')).toHaveLength(input.split('\n').length);
  });

  it('maps every output offset back to the input', () => {
    const input = 'Cac co quan Trung uong va dia phuong; quy 11/2026.';
    const out = repairText(input, model);
    expect(out.toInput).toHaveLength(out.text.length + 1);
    expect(out.toInput[out.text.length]).toBe(input.length);
    for (let i = 0; i < out.text.length; i++) {
      // Same-length rewrites map letter to letter.
      expect(stripMarks(out.text[i]).toLowerCase()).toBe(stripMarks(input[out.toInput[i]]).toLowerCase().replace('1', 'i'));
    }
  });

  it('flags unsure tokens with their output span and candidates', () => {
    const out = repairText('Ong ay noi rang ban da den.', model);
    expect(out.flags.length).toBeGreaterThan(0);
    for (const flag of out.flags) {
      expect(out.text.slice(flag.start, flag.end)).toBe(flag.chosen);
      expect(flag.confidence).toBeLessThan(0.9);
      expect(flag.candidates.map((c) => c.text)).toContain(flag.chosen);
    }
  });
});

describe('repairText on typed text', () => {
  it.each(SEEDS)('passes %s through unchanged', (name) => {
    const text = corpus(name);
    const out = repairText(text, model);
    expect(out.text).toBe(text);
    expect(Array.from(out.toInput)).toEqual(Array.from({ length: text.length + 1 }, (_, i) => i));
  });
});

describe('repairText on OCR text', () => {
  it('reads the confusions the 20-TB scan is full of', () => {
    const out = repairText('Pang uy s6 1an ciia Thwong trwe Ban Chi dao tai Tru s& Trung wong; Quyét dinh s6 2212/QDP-BKHCN', model, { ocr: true });
    expect(out.text).toBe('Đảng ủy số lần của Thường trực Ban Chỉ đạo tại Trụ sở Trung ương; Quyết định số 2212/QĐ-BKHCN');
  });

  it('keeps the line count of the 20-TB OCR file', () => {
    const text = corpus('20-TB-CQTTBCD.ocr.txt');
    expect(repairText(text, model).text.split('\n')).toHaveLength(text.split('\n').length);
  });
});

describe('assessText', () => {
  it('flags the 20-TB OCR file as OCR', () => {
    const a = assessText(corpus('20-TB-CQTTBCD.ocr.txt'));
    expect(a).toMatchObject({ needsRepair: true, ocr: true });
  });

  it('flags text typed without marks', () => {
    const a = assessText(stripMarks(corpus('04-TB-BCDTW.txt')));
    expect(a).toMatchObject({ needsRepair: true, ocr: false, markedRatio: 0 });
  });

  it.each(SEEDS)('does not flag %s', (name) => {
    const a = assessText(corpus(name));
    expect(a.needsRepair).toBe(false);
    expect(a.markedRatio).toBeGreaterThan(0.8);
  });
});
