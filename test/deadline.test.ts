import { describe, expect, it } from 'vitest';
import { chooseDeadline, findDeadlines } from '../src/stages/extract/deadline.ts';

// Phrases as the corpus and CONTRACT.md write them.
const cases: [string, string, string | null, string | null][] = [
  ['Hoàn thành trong tháng 5/2026.', 'by', '2026-05-31', null],
  ['chậm nhất trong tháng 6/2025', 'by', '2025-06-30', null],
  ['hoàn thành trong quý I/2026', 'by', '2026-03-31', null],
  ['Hoàn thành trong Quý II/2026.', 'by', '2026-06-30', null],
  ['trong quý III/2026', 'by', '2026-09-30', null],
  ['trong quý IV/2026', 'by', '2026-12-31', null],
  ['(Hoàn thành trước ngày 10/01/2026)', 'by', '2026-01-10', null],
  ['hoàn thành chậm nhất ngày 01/3/2026', 'by', '2026-03-01', null],
  ['Hoàn thành trong năm 2026.', 'by', '2026-12-31', null],
  ['đưa vào vận hành chính thức từ ngày 01/5/2026', 'from', '2026-05-01', null],
  ['bảo đảm có hiệu lực chậm nhất từ ngày 01/3/2027', 'by', '2027-03-01', null],
  ['Hàng tháng có báo cáo kết quả thực hiện', 'recurring', null, 'monthly'],
  ['Định kỳ hằng tháng báo cáo Thường trực Ban Chỉ đạo', 'recurring', null, 'monthly'],
  ['định kỳ hằng quý báo cáo', 'recurring', null, 'quarterly'],
  ['Hằng năm, tổ chức đánh giá', 'recurring', null, 'yearly'],
  ['Nhiệm vụ thường xuyên.', 'ongoing', null, null],
  ['Hoàn thành cùng thời điểm Luật Khoa học, công nghệ và đổi mới sáng tạo có hiệu lực thi hành.', 'event', null, null],
  ['triển khai trong Quý III, IV/2026, 2027', 'by', '2027-12-31', null],
  ['triển khai từ năm 2024 đến năm 2030', 'by', '2030-12-31', null],
  ['Trước ngày 06 tháng 12 năm 2025', 'by', '2025-12-06', null],
];

describe('deadline', () => {
  it.each(cases)('%s → %s %s %s', (phrase, kind, date, recurrence) => {
    expect(chooseDeadline(findDeadlines(phrase))).toMatchObject({ kind, date, recurrence });
  });

  // The phrase is the deadline's own words: a day's verb when it has one, never the words before it.
  it.each([
    ['Bộ Tài chính chủ trì rà soát thủ tục thuế, hoàn thành trước ngày 30/6/2026.', 'hoàn thành trước ngày 30/6/2026'],
    ['Bộ Y tế rà soát thủ tục cấp phép trước ngày 15/7/2026.', 'trước ngày 15/7/2026'],
  ])('%s → the words %s', (sentence, phrase) => {
    expect(chooseDeadline(findDeadlines(sentence))?.text).toBe(phrase);
  });

  it('does not read a cited document date as a deadline', () => {
    expect(findDeadlines('theo nhiệm vụ được giao tại Quyết định số 2618/QĐ-BKHCN ngày 11/9/2025 của Bộ KH-CN')).toEqual([]);
    expect(findDeadlines('ưu tiên bố trí nguồn lực để hoàn thành các nhiệm vụ trong năm 2026 theo đúng tiến độ')).toEqual([]);
  });

  it('prefers the completion date over a progress report', () => {
    const d = chooseDeadline(findDeadlines('Hoàn thành cùng thời điểm Luật có hiệu lực thi hành. Có báo cáo tiến độ thực hiện trong tháng 6/2025.'));
    expect(d?.kind).toBe('event');
  });

  it('reads a plan period in running text and a cited full date as no deadline', () => {
    expect(findDeadlines('xây dựng kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030')).toEqual([]);
    expect(findDeadlines('Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11 năm 2025;')).toEqual([]);
  });

  it('rejects impossible dates', () => {
    expect(findDeadlines('trước ngày 31/02/2026')).toEqual([]);
  });

  // Sentences of the corrected 20-TB notice (golden/20-TB-CQTTBCD.corrected.txt).
  it('reads a period right after "các nhiệm vụ" as naming those tasks, not as a deadline', () => {
    expect(
      chooseDeadline(findDeadlines('Rà soát, chuẩn hoá nội dung kế hoạch năm 2026 và thực hiện quyết liệt các nhiệm vụ trong quý I/2026 (trong đó có 125 nhiệm vụ chậm tiến độ), các nhiệm vụ tại Thông báo số 17-TB/CQTTBCĐ, ngày 29/12/2025.')),
    ).toBeNull();
    expect(findDeadlines('và Chương trình công tác năm 2026 của Ban Chỉ đạo, nhất là các nhiệm vụ trong quý I/2026; đồng thời thực hiện chỉ đạo')).toEqual([]);
    // A completion verb before the tasks makes the period their deadline again.
    expect(chooseDeadline(findDeadlines('hoàn thành các nhiệm vụ trong quý I/2026'))).toMatchObject({ kind: 'by', date: '2026-03-31' });
    // An indefinite `một số nhiệm vụ` is not a known set (04-TB: `thực hiện một số nhiệm vụ trong tháng 6/2025, cụ thể như sau:`).
    expect(chooseDeadline(findDeadlines('thực hiện một số nhiệm vụ trong tháng 6/2025, cụ thể như sau:'))).toMatchObject({ kind: 'by', date: '2025-06-30' });
  });

  it('reads a bare "hằng năm" after a noun as naming a periodic thing, not the task\'s cadence', () => {
    expect(findDeadlines('Kết quả triển khai phải được đưa vào tiêu chí đánh giá, thi đua, khen thưởng hằng năm; đồng thời gắn chặt với cơ chế xử lý trách nhiệm')).toEqual([]);
    expect(chooseDeadline(findDeadlines('tổng hợp, báo cáo hằng tháng kết quả thực hiện'))).toMatchObject({ kind: 'recurring', recurrence: 'monthly' });
    expect(chooseDeadline(findDeadlines('lãnh đạo cấp cao năm 2026 và hằng năm, chủ động phối hợp với Bộ Khoa học và Công nghệ'))).toMatchObject({ kind: 'recurring', recurrence: 'yearly' });
    expect(chooseDeadline(findDeadlines('duy trì giao ban định kỳ hàng tuần để kịp thời đánh giá'))).toMatchObject({ kind: 'recurring', recurrence: 'weekly' });
  });
});
