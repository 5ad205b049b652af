/**
 * A task's history across notices (issue 13, item 5), on SQLite and (with
 * CHIDAO_TEST_PG) PostgreSQL: a follow-up notice that cites its notice and
 * re-dates, rewords and drops tasks of it; then the real 17-TB draft and its
 * adopted appendix, which cite nothing and are linked by what they share.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpusAdd } from '../src/store/commands.ts';
import { openStore } from '../src/store/index.ts';
import { storedIsEarlier } from '../src/store/link.ts';
import { citedNumbers } from '../src/store/record.ts';
import type { DocumentHeader } from '../src/schema.ts';
import type { TaskLink } from '../src/store/types.ts';
import { taskHistory } from '../src/track/history.ts';
import { recordEvent } from '../src/track/record.ts';
import { status } from '../src/track/rows.ts';
import { BACKENDS, chidao, freshDatabase, ROOT } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'chidao-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Văn phòng Chính phủ Thông báo kết luận, laid out as its text dumps are. */
const notice = (number: string, date: [number, number, number], title: string, opening: string, items: string[]) => `VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: ${number}

Hà Nội, ngày ${date[0]} tháng ${date[1]} năm ${date[2]}

THÔNG BÁO
${title}

${opening} Phó Thủ tướng kết luận như sau:

${items.map((item, k) => `${k + 1}. ${item}`).join('\n\n')}

Văn phòng Chính phủ thông báo để các cơ quan, địa phương biết, thực hiện./.

KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn An
`;

const FIRST = notice('101/TB-VPCP', [10, 1, 2026], 'KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI CUỘC HỌP VỀ CHUYỂN ĐỔI SỐ NGÀNH Y TẾ',
  'Ngày 05 tháng 01 năm 2026, Phó Thủ tướng Chính phủ chủ trì cuộc họp về chuyển đổi số ngành y tế.', [
    'Bộ Y tế chủ trì, phối hợp với Bộ Công an hoàn thành kết nối dữ liệu khám bệnh, chữa bệnh với Cơ sở dữ liệu quốc gia về dân cư trước ngày 31 tháng 3 năm 2026.',
    'Bộ Tài chính bố trí kinh phí thực hiện Đề án số hóa hồ sơ sức khỏe điện tử, hoàn thành trong quý I năm 2026.',
    'Bộ Khoa học và Công nghệ hướng dẫn các địa phương triển khai nền tảng tư vấn khám bệnh, chữa bệnh từ xa, hoàn thành trước ngày 28 tháng 02 năm 2026.',
    'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các cơ sở y tế triển khai sổ sức khỏe điện tử cho người dân, hoàn thành trong tháng 6 năm 2026.',
  ]);

/** Re-dates item 1, rewords item 2, repeats item 4 as 3, drops item 3, adds one. */
const FOLLOW_UP = notice('145/TB-VPCP', [20, 3, 2026], 'KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI CUỘC HỌP KIỂM ĐIỂM TÌNH HÌNH THỰC HIỆN THÔNG BÁO SỐ 101/TB-VPCP',
  'Ngày 15 tháng 3 năm 2026, Phó Thủ tướng Chính phủ chủ trì cuộc họp kiểm điểm tình hình thực hiện Thông báo số 101/TB-VPCP ngày 10 tháng 01 năm 2026 của Văn phòng Chính phủ.', [
    'Bộ Y tế chủ trì, phối hợp với Bộ Công an hoàn thành kết nối dữ liệu khám bệnh, chữa bệnh với Cơ sở dữ liệu quốc gia về dân cư trước ngày 30 tháng 6 năm 2026.',
    'Bộ Tài chính khẩn trương bố trí đủ kinh phí thực hiện Đề án số hóa hồ sơ sức khỏe điện tử, hoàn thành trong quý I năm 2026.',
    'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các cơ sở y tế triển khai sổ sức khỏe điện tử cho người dân, hoàn thành trong tháng 6 năm 2026.',
    'Bảo hiểm xã hội Việt Nam triển khai thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế không dùng tiền mặt, hoàn thành trước ngày 30 tháng 9 năm 2026.',
  ]);

test.each([
  ['thực hiện Thông báo số 123/TB-VPCP ngày 16/3/2026', null, ['123/tb-vpcp']],
  ['Kết luận 57-NQ/TW, văn bản 2600/TTg-KTTH và 17-TB/CQTTBCĐ.', '17-TB/CQTTBCĐ', ['57-nq/tw', '2600/ttg-ktth']],
  ['ngày 16/3/2026, 2.305 nhà, giai đoạn 2026-2030', null, []],
] as const)('the numbers cited in %j', (text, own, want) => {
  expect(citedNumbers(text, own)).toEqual(want);
});

describe('which of two documents is the earlier', () => {
  const side = (number: string | null, issuedAt: string | null, cites: string[] = []) => ({
    header: { number, kind: null, issuer: null, issuedAt, place: null, title: null, signer: null, addressees: [] } satisfies DocumentHeader,
    cites,
  });
  test.each([
    ['an undated draft, then the issued text', side(null, null), side('17-TB/CQTTBCĐ', '2025-12-29'), true],
    ['the issued text, then its undated draft', side('17-TB/CQTTBCĐ', '2025-12-29'), side(null, null), false],
    ['by date', side('101/TB-VPCP', '2026-01-10'), side('145/TB-VPCP', '2026-03-20'), true],
    ['by date, added out of order', side('145/TB-VPCP', '2026-03-20'), side('101/TB-VPCP', '2026-01-10'), false],
    ['the same date: the one stored first', side('1/TB', '2026-03-20'), side('2/TB', '2026-03-20'), true],
    ['neither dated: the one stored first', side(null, null), side(null, null), true],
    ['an undated report citing the stored notice comes after it', side('17-TB/CQTTBCĐ', '2025-12-29'), side('19-BC/CQTTBCĐ', null, ['17-tb/cqttbcd']), true],
    ['a stored follow-up citing the one added comes after it', side('145/TB-VPCP', null, ['101/tb-vpcp']), side('101/TB-VPCP', '2026-01-10'), false],
  ] as const)('%s', (_, stored, added, want) => {
    expect(storedIsEarlier(stored, added)).toBe(want);
  });
});

async function links(db: string): Promise<TaskLink[]> {
  const store = await openStore(db, { mustExist: true });
  try {
    return await store.links();
  } finally {
    await store.close();
  }
}

describe.each(BACKENDS)('task history on %s', (backend) => {
  let db: string;
  let drop = async () => {};
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(backend, join(dir, `${backend}.db`)));
    writeFileSync(join(dir, 'tb101.txt'), FIRST);
    writeFileSync(join(dir, 'tb145.txt'), FOLLOW_UP);
    // One at a time, as notices come: the follow-up finds the first in the store.
    await corpusAdd([join(dir, 'tb101.txt')], { db, progress: false });
    await corpusAdd([join(dir, 'tb145.txt')], { db, progress: false });
    await recordEvent('done', '101/TB-VPCP#2', { db, on: '2026-03-25', user: 'tester' });
  }, 120_000);
  afterAll(() => drop());

  test('the follow-up links to the tasks it repeats, with how diff paired them; the dropped one has no link', async () => {
    expect(await links(db)).toEqual([
      { earlier: '101/TB-VPCP#1', later: '145/TB-VPCP#1', change: 'reworded redated' },
      { earlier: '101/TB-VPCP#2', later: '145/TB-VPCP#2', change: 'reworded' },
      { earlier: '101/TB-VPCP#4', later: '145/TB-VPCP#3', change: 'unchanged' },
    ]);
  });

  test('task history shows each appearance in date order, from either end and by a prefix', async () => {
    const want = [
      { id: '101/TB-VPCP#1', document: '101/TB-VPCP', issuedAt: '2026-01-10', clause: '1', deadline: { date: '2026-03-31' }, responsible: ['Bộ Y tế'], change: null },
      { id: '145/TB-VPCP#1', document: '145/TB-VPCP', issuedAt: '2026-03-20', clause: '1', deadline: { date: '2026-06-30' }, responsible: ['Bộ Y tế'], change: 'reworded redated' },
    ];
    expect(await taskHistory('101/TB-VPCP#1', { db })).toMatchObject(want);
    expect(await taskHistory('145/TB-VPCP#1', { db })).toMatchObject(want);
    const [first, second] = await taskHistory('145/TB-VPCP#1', { db });
    expect(first.text).toMatch(/trước ngày 31 tháng 3 năm 2026\.$/);
    expect(second.text).toMatch(/trước ngày 30 tháng 6 năm 2026\.$/);
    expect((await taskHistory('101/TB-VPCP#3', { db })).map((a) => a.id)).toEqual(['101/TB-VPCP#3']);
    await expect(taskHistory('1', { db })).rejects.toThrow(/matches more than one task/);
  });

  test('status counts each task once, on its latest appearance, by its deadline; the task not mentioned again stays open on the first notice', async () => {
    const rows = await status({ db, asOf: '2026-04-15' });
    expect(rows.map((r) => [r.id, r.category, r.due, r.daysOverdue, r.earlier])).toEqual([
      ['101/TB-VPCP#3', 'quá hạn', '2026-02-28', 46, []],
      ['145/TB-VPCP#1', 'đang thực hiện trong hạn', '2026-06-30', null, ['101/TB-VPCP#1']],
      // Done on the first notice's id, a week before the deadline both notices give.
      ['145/TB-VPCP#2', 'hoàn thành đúng hạn', '2026-03-31', null, ['101/TB-VPCP#2']],
      ['145/TB-VPCP#3', 'đang thực hiện trong hạn', '2026-06-30', null, ['101/TB-VPCP#4']],
      ['145/TB-VPCP#4', 'đang thực hiện trong hạn', '2026-09-30', null, []],
    ]);
    // The first notice alone keeps only what the follow-up did not take over.
    expect((await status({ db, asOf: '2026-04-15', document: '101/TB-VPCP' })).map((r) => r.id)).toEqual(['101/TB-VPCP#3']);
  });

  test('re-adding the follow-up makes its links again, not twice', async () => {
    const before = await links(db);
    await corpusAdd([join(dir, 'tb145.txt')], { db, progress: false, noRepair: true });
    expect(await links(db)).toEqual(before);
  });
});

describe.each(BACKENDS)('the 17-TB draft, then its adopted appendix, on %s', (backend) => {
  let db: string;
  let drop = async () => {};
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(backend, join(dir, `17-tb-${backend}.db`)));
    await corpusAdd([join(ROOT, 'corpus/17-TB-CQTTBCD-phu-luc.draft.txt')], { db, progress: false });
    await corpusAdd([join(ROOT, 'corpus/17-TB-CQTTBCD-phu-luc.txt'), join(ROOT, 'corpus/04-TB-BCDTW.txt')], { db, progress: false });
  }, 120_000);
  afterAll(() => drop());

  // The draft's point 4.d's second dash had no deadline; the adopted text gives it quý I/2026.
  const REDATED = '17-TB/CQTTBCĐ#PL.4.d.2';

  test('task history of a re-dated task shows both deadlines', async () => {
    const history = await taskHistory(REDATED, { db });
    expect(history.map((a) => [a.document, a.clause, a.deadline.kind, a.deadline.date, a.change])).toEqual([
      [null, 'I.4.d.d2', 'none', null, null],
      ['17-TB/CQTTBCĐ', 'PL.4.d.2', 'by', '2026-03-31', 'redated'],
    ]);
  });

  test('status uses the adopted deadline and counts the task once', async () => {
    const rows = (await status({ db, asOf: '2026-04-05' })).filter((r) => r.id === REDATED || r.earlier.includes(REDATED) || r.id === '#I.4.d.d2');
    expect(rows.map((r) => [r.id, r.category, r.due, r.earlier])).toEqual([[REDATED, 'quá hạn', '2026-03-31', ['#I.4.d.d2']]]);
  });

  test('the links join the draft and the adoption only, not 04-TB, and every adopted task continues a draft task', async () => {
    const all = await links(db);
    expect(all.every((l) => l.earlier.startsWith('#') && l.later.startsWith('17-TB/CQTTBCĐ#'))).toBe(true);
    const rows = await status({ db, asOf: '2026-04-05', document: '17-TB/CQTTBCĐ' });
    expect(rows.length).toBe(61);
    expect(rows.filter((r) => r.earlier.length).length).toBe(61);
  });

  test('through the CLI: task history as Markdown', async () => {
    const { code, stdout } = await chidao('task', 'history', REDATED, '--format', 'md', '--db', db);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('| document | issued | clause | deadline | responsible | change | id | text |');
    expect(lines.slice(2).map((l) => l.split('|').slice(1, 7).map((cell) => cell.trim()))).toEqual([
      ['', '', 'I.4.d.d2', 'none', 'Bộ Tài chính', ''],
      ['17-TB/CQTTBCĐ', '2025-12-29', 'PL.4.d.2', '2026-03-31', 'Bộ Tài chính', 'redated'],
    ]);
  }, 60_000);
});
