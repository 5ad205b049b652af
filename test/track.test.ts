/**
 * Task tracking: the categories as pure functions over a table of cases, the
 * refusals, then the seed corpus with recorded events on SQLite and (with
 * CHIDAO_TEST_PG) PostgreSQL: status per as-of date, reports that add up to
 * status, and a calendar read back by an independent parser (ical.js).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Deadline } from '../src/schema.ts';
import { corpusAdd, corpusRemove } from '../src/store/commands.ts';
import { openStore } from '../src/store/index.ts';
import type { TaskEvent, TaskEventKind, TaskRef } from '../src/store/types.ts';
import { calendar } from '../src/track/calendar.ts';
import { IsoDate } from '../src/track/dates.ts';
import { decide, recordEvent, TrackError, type EventOptions } from '../src/track/record.ts';
import { buildReport, formatReport, parsePeriod } from '../src/track/report.ts';
import { status } from '../src/track/rows.ts';
import { COUNTED, firstOccurrence, nextOccurrence, standing, type Category } from '../src/track/status.ts';
import { BACKENDS, chidao, CLEAN_CORPUS, freshDatabase, ROOT } from './helpers.ts';

let seq = 0;
const event = (kind: TaskEventKind, on: string, extra: Partial<TaskEvent> = {}): TaskEvent => ({
  taskId: 'T', kind, on, note: null, deadline: null, document: null, agency: null, user: 'u', seq: ++seq, recordedAt: '', ...extra,
});
const by = (date: string | null, kind: Deadline['kind'] = 'by'): Deadline => ({ text: null, kind, date, recurrence: null });
const every = (recurrence: Deadline['recurrence']): Deadline => ({ text: null, kind: 'recurring', date: null, recurrence });

describe('standing: a task, its events and a day give a category', () => {
  const cases: [string, Deadline, string | null, TaskEvent[], string, Partial<ReturnType<typeof standing>>][] = [
    ['before its deadline', by('2026-03-31'), '2026-01-05', [], '2026-03-01', { category: 'đang thực hiện trong hạn', due: '2026-03-31', daysOverdue: null }],
    ['on its deadline day', by('2026-03-31'), '2026-01-05', [], '2026-03-31', { category: 'đang thực hiện trong hạn' }],
    ['past it', by('2026-03-31'), '2026-01-05', [], '2026-04-05', { category: 'quá hạn', daysOverdue: 5 }],
    ['done in time', by('2026-03-31'), '2026-01-05', [event('done', '2026-03-20')], '2026-04-10', { category: 'hoàn thành đúng hạn', completedOn: '2026-03-20' }],
    ['done late', by('2026-03-31'), '2026-01-05', [event('done', '2026-04-02')], '2026-04-10', { category: 'hoàn thành quá hạn', daysOverdue: null }],
    ['done after the as-of day', by('2026-03-31'), '2026-01-05', [event('done', '2026-03-20')], '2026-03-10', { category: 'đang thực hiện trong hạn', completedOn: null }],
    ['extended, done by the new date: still late', by('2026-03-31'), '2026-01-05', [event('extend', '2026-03-15', { deadline: '2026-05-31' }), event('done', '2026-04-15')], '2026-06-01',
      { category: 'hoàn thành quá hạn', extendedTo: '2026-05-31', extensions: 1 }],
    ['extended twice, not done: overdue from the original', by('2026-03-31'), '2026-01-05',
      [event('extend', '2026-03-15', { deadline: '2026-04-30' }), event('extend', '2026-04-20', { deadline: '2026-05-31' })], '2026-04-10',
      { category: 'quá hạn', daysOverdue: 10, extendedTo: '2026-04-30', extensions: 1 }],
    ['reopened', by('2026-03-31'), '2026-01-05', [event('done', '2026-03-20'), event('reopen', '2026-03-25')], '2026-04-01', { category: 'quá hạn', daysOverdue: 1 }],
    ['withdrawn', by('2026-03-31'), '2026-01-05', [event('withdraw', '2026-02-01')], '2026-04-01', { category: 'đã rút', daysOverdue: null }],
    ['reassigned', by('2026-03-31'), '2026-01-05', [event('reassign', '2026-02-01', { agency: 'Bộ Nội vụ' })], '2026-04-01', { category: 'quá hạn', reassignedTo: 'Bộ Nội vụ' }],
    ['relative with a date', by('2026-02-04', 'relative'), '2026-01-05', [], '2026-02-05', { category: 'quá hạn', daysOverdue: 1 }],
    ['relative without one', by(null, 'relative'), '2026-01-05', [], '2030-01-01', { category: 'không thời hạn' }],
    ['ongoing', by(null, 'ongoing'), '2026-01-05', [], '2030-01-01', { category: 'thường xuyên' }],
    ['from a date on', by('2026-05-01', 'from'), '2026-01-05', [], '2030-01-01', { category: 'thường xuyên' }],
    ['on an event', by(null, 'event'), '2026-01-05', [], '2030-01-01', { category: 'theo sự kiện' }],
    ['none', by(null, 'none'), '2026-01-05', [], '2030-01-01', { category: 'không thời hạn' }],
    ['monthly, before its first report day', every('monthly'), '2026-01-15', [], '2026-01-20', { category: 'đang thực hiện trong hạn', due: '2026-01-31' }],
    ['monthly, first report missing', every('monthly'), '2026-01-15', [], '2026-02-03', { category: 'quá hạn', due: '2026-01-31', daysOverdue: 3 }],
    ['monthly, report came', every('monthly'), '2026-01-15', [event('progress', '2026-01-28')], '2026-02-03', { category: 'đang thực hiện trong hạn', due: '2026-02-28', lastReport: '2026-01-28' }],
    ['monthly, next report missing', every('monthly'), '2026-01-15', [event('progress', '2026-01-28')], '2026-03-02', { category: 'quá hạn', due: '2026-02-28', daysOverdue: 2 }],
    ['monthly, late report for the last period counts', every('monthly'), '2026-01-15', [event('progress', '2026-02-02')], '2026-02-03', { category: 'đang thực hiện trong hạn' }],
    ['monthly, on a report day itself', every('monthly'), '2026-01-15', [], '2026-01-31', { category: 'đang thực hiện trong hạn', due: '2026-01-31' }],
    ['quarterly, ended in time', every('quarterly'), '2026-02-10', [event('progress', '2026-03-30'), event('done', '2026-05-01')], '2026-07-01', { category: 'hoàn thành đúng hạn' }],
    ['quarterly, ended with a report missing', every('quarterly'), '2026-02-10', [event('done', '2026-04-15')], '2026-07-01', { category: 'hoàn thành quá hạn' }],
    ['recurring, document undated', every('monthly'), null, [], '2026-03-01', { category: 'không thời hạn' }],
  ];
  test.each(cases)('%s', (_, deadline, issuedAt, events, asOf, want) => {
    expect(standing({ deadline, issuedAt }, events, asOf)).toMatchObject(want);
  });

  test.each([
    [7, '2026-03-25', true],
    [5, '2026-03-25', false],
    [7, '2026-04-01', false],
    [undefined, '2026-03-30', false],
  ] as const)('due within %s days of %s: %s', (days, asOf, soon) => {
    expect(standing({ deadline: by('2026-03-31'), issuedAt: '2026-01-05' }, [], asOf, days).dueSoon).toBe(soon);
  });
});

test.each([
  ['weekly', '2026-01-15', ['2026-01-22', '2026-01-29', '2026-02-05']],
  ['monthly', '2026-01-31', ['2026-01-31', '2026-02-28', '2026-03-31']],
  ['quarterly', '2026-02-10', ['2026-03-31', '2026-06-30', '2026-09-30']],
  ['quarterly', '2026-03-31', ['2026-03-31', '2026-06-30', '2026-09-30']],
  ['half-yearly', '2026-07-01', ['2026-12-31', '2027-06-30', '2027-12-31']],
  ['yearly', '2026-12-31', ['2026-12-31', '2027-12-31', '2028-12-31']],
] as const)('%s report days from a document of %s', (recurrence, issuedAt, want) => {
  const days = [firstOccurrence(recurrence, issuedAt)];
  while (days.length < 3) days.push(nextOccurrence(recurrence, days.at(-1)!));
  expect(days).toEqual(want);
});

test.each([
  ['2026-03', { start: '2026-03-01', end: '2026-03-31' }],
  ['2026-02', { start: '2026-02-01', end: '2026-02-28' }],
  ['2026-Q1', { start: '2026-01-01', end: '2026-03-31' }],
  ['2026-Q4', { start: '2026-10-01', end: '2026-12-31' }],
  ['2026-H2', { start: '2026-07-01', end: '2026-12-31' }],
  ['2026', { start: '2026-01-01', end: '2026-12-31' }],
  ['2026-13', null], ['2026-Q5', null], ['2026-H3', null], ['26-Q1', null], ['Q1-2026', null],
])('period %s', (label, want) => {
  expect(parsePeriod(label)).toEqual(want && { label, ...want });
});

test.each([['2026-02-30', false], ['2026-13-01', false], ['2026-3-1', false], ['2024-02-29', true], ['2026-03-01', true]])('date %s is valid: %s', (value, ok) => {
  expect(IsoDate.safeParse(value).success).toBe(ok);
});

describe('decide refuses what would make the record wrong', () => {
  const task: TaskRef = { id: 'X#1', issuedAt: '2026-01-05', deadline: { kind: 'by', date: '2026-03-31' } };
  const now = '2026-06-01';
  const cases: [string, TaskEventKind, TaskEvent[], EventOptions, RegExp | null][] = [
    ['done', 'done', [], { on: '2026-03-01' }, null],
    ['done twice', 'done', [event('done', '2026-03-01')], { on: '2026-03-02' }, /already done on 2026-03-01/],
    ['done again after reopening', 'done', [event('done', '2026-03-01'), event('reopen', '2026-03-05')], { on: '2026-03-06' }, null],
    ['a date before the document', 'done', [], { on: '2026-01-04' }, /before the task's document date 2026-01-05/],
    ['a date after today', 'progress', [], { on: '2026-06-02', note: 'x' }, /after today/],
    ['reopen a task not done', 'reopen', [], {}, /is not done/],
    ['progress on a done task', 'progress', [event('done', '2026-03-01')], { note: 'x' }, /reopen it/],
    ['an extension not later', 'extend', [event('extend', '2026-03-01', { deadline: '2026-04-30' })], { to: '2026-04-30' }, /not after the current one 2026-04-30/],
    ['an extension', 'extend', [], { to: '2026-04-30', by: '25-TB/CQTTBCĐ' }, null],
    ['anything once withdrawn', 'progress', [event('withdraw', '2026-02-01')], { note: 'x' }, /withdrawn on 2026-02-01/],
    ['a change dated before the last one', 'reopen', [event('done', '2026-03-01')], { on: '2026-02-01' }, /before the done already recorded on 2026-03-01/],
    ['reassign to the same agency twice', 'reassign', [event('reassign', '2026-02-01', { agency: 'Bộ Nội vụ' })], { to: 'Bộ Nội vụ' }, /already reassigned/],
  ];
  test.each(cases)('%s', (_, kind, history, options, refused) => {
    const run = () => decide(task, kind, history, options, now);
    if (refused) expect(run).toThrow(refused);
    else expect(run()).toMatchObject({ taskId: 'X#1', kind, on: options.on ?? now });
  });
  test('an extension needs a dated deadline', () => {
    expect(() => decide({ ...task, deadline: { kind: 'ongoing', date: null } }, 'extend', [], { to: '2026-05-01' }, now)).toThrow(/no dated deadline/);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'chidao-track-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PL1 = '17-TB/CQTTBCĐ#PL.1.b.1';
const PL4 = '17-TB/CQTTBCĐ#PL.4.d.2';
const PL3 = '17-TB/CQTTBCĐ#PL.3.a';
const PL4W = '17-TB/CQTTBCĐ#PL.4.d.1';
const PL5 = '17-TB/CQTTBCĐ#PL.5.c.d2.1';
// Not PL.1.c.1: 19-BC's Part II takes that one over (task history), so status counts it there.
const PL5E = '17-TB/CQTTBCĐ#PL.5.e';
const MONTHLY = '04-TB/BCĐTW#II.2.a.d3';
const ONGOING = '04-TB/BCĐTW#II.1.b.1';
const EVENT = '04-TB/BCĐTW#II.2.b.1';

describe.each(BACKENDS)('tracking on %s', (backend) => {
  let db: string;
  let drop = async () => {};
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(backend, join(dir, 'track.db')));
    await corpusAdd(CLEAN_CORPUS.map((p) => join(ROOT, p)), { db, progress: false });
    const record: [TaskEventKind, string, EventOptions][] = [
      ['done', PL1, { on: '2026-03-20', note: 'Đã trình' }],
      ['extend', PL4, { on: '2026-03-15', to: '2026-04-30', by: '25-TB/CQTTBCĐ' }],
      ['done', PL4, { on: '2026-04-10' }],
      ['withdraw', PL4W, { on: '2026-02-01' }],
      ['done', PL5, { on: '2026-02-20' }],
      ['reopen', PL5, { on: '2026-02-25' }],
      ['reassign', PL5E, { on: '2026-01-05', to: 'Bộ Nội vụ' }],
      ['progress', MONTHLY, { on: '2025-06-28', note: 'Báo cáo tháng 6' }],
    ];
    for (const [kind, id, options] of record) await recordEvent(kind, id, { db, user: 'tester', ...options });
  }, 120_000);
  afterAll(() => drop());

  const expected: [string, string, Category, number | null][] = [
    [PL1, '2026-03-10', 'đang thực hiện trong hạn', null],
    [PL1, '2026-03-25', 'hoàn thành đúng hạn', null],
    [PL1, '2026-04-15', 'hoàn thành đúng hạn', null],
    [PL4, '2026-03-25', 'đang thực hiện trong hạn', null],
    [PL4, '2026-04-05', 'quá hạn', 5],
    [PL4, '2026-04-15', 'hoàn thành quá hạn', null],
    [PL3, '2026-03-10', 'đang thực hiện trong hạn', null],
    [PL3, '2026-04-05', 'quá hạn', 5],
    [PL4W, '2026-01-15', 'đang thực hiện trong hạn', null],
    [PL4W, '2026-03-10', 'đã rút', null],
    [PL5, '2026-02-22', 'hoàn thành đúng hạn', null],
    [PL5, '2026-03-05', 'quá hạn', 4],
    [PL5E, '2026-02-10', 'quá hạn', 10],
    [MONTHLY, '2025-07-05', 'đang thực hiện trong hạn', null],
    [MONTHLY, '2025-08-02', 'quá hạn', 2],
    [ONGOING, '2030-01-01', 'thường xuyên', null],
    [EVENT, '2030-01-01', 'theo sự kiện', null],
  ];
  test.each(expected)('%s as of %s: %s', async (id, asOf, category, days) => {
    const rows = (await status({ db, asOf })).filter((r) => r.id === id);
    expect(rows.map((r) => [r.category, r.daysOverdue])).toEqual([[category, days]]);
  });

  test('an extension is shown with its count; a reassigned task counts against its new agency only', async () => {
    const rows = await status({ db, asOf: '2026-04-15' });
    expect(rows.find((r) => r.id === PL4)).toMatchObject({ extendedTo: '2026-04-30', extensions: 1, due: '2026-03-31' });
    const inNoiVu = await status({ db, asOf: '2026-04-15', agency: 'Bộ Nội vụ', role: 'responsible' });
    expect(inNoiVu.map((r) => r.id)).toContain(PL5E);
    const original = (await status({ db, asOf: '2026-04-15' })).find((r) => r.id === PL5E)!;
    expect(original.responsible).toEqual(['Bộ Nội vụ']);
    const before = await status({ db, asOf: '2026-04-15', agency: 'Chính phủ', role: 'responsible' });
    expect(before.map((r) => r.id)).not.toContain(PL5E);
  });

  test('no task is ever overdue without a date it was due on, and every overdue one says by how many days', async () => {
    const rows = await status({ db, asOf: '2026-12-31' });
    for (const r of rows) {
      if (r.category === 'quá hạn') expect(r.daysOverdue).toBeGreaterThan(0);
      else expect(r.daysOverdue).toBeNull();
      if (['ongoing', 'event', 'none', 'from'].includes(r.deadline.kind)) expect(COUNTED).not.toContain(r.category);
    }
  });

  test.each(['2026-Q1', '2025-06', '2026-H1', '2026'])('report %s: counts are the status rows of each agency as of its last day', async (label) => {
    const period = parsePeriod(label)!;
    const rows = await status({ db, asOf: period.end, role: 'responsible' });
    const report = buildReport(period, rows);
    expect(Object.values(report.total.counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
    for (const a of report.agencies.slice(0, 6)) {
      const own = await status({ db, asOf: period.end, agency: a.agency, role: 'responsible' });
      for (const [category, n] of Object.entries(a.counts)) expect([a.agency, category, own.filter((r) => r.category === category).length]).toEqual([a.agency, category, n]);
    }
    expect(report.overdue.every((r) => r.category === 'quá hạn' && r.daysOverdue! > 0)).toBe(true);
    expect(report.completed.every((r) => r.completedOn! >= period.start && r.completedOn! <= period.end)).toBe(true);
  });

  test('a report for one agency has its row alone, equal to its status rows', async () => {
    const period = parsePeriod('2026-Q1')!;
    const rows = await status({ db, asOf: period.end, agency: 'Bộ KHCN', role: 'responsible' });
    const report = buildReport(period, rows, 'Bộ KHCN');
    expect(report.agencies.map((a) => [a.agency, a.tasks])).toEqual([['Bộ Khoa học và Công nghệ', rows.length]]);
    expect(report.agencies[0].counts['quá hạn']).toBe(rows.filter((r) => r.category === 'quá hạn').length);
  });

  test('the Q1 2026 report lists what was completed in it and draws one bar per agency', async () => {
    const period = parsePeriod('2026-Q1')!;
    const report = buildReport(period, await status({ db, asOf: period.end, role: 'responsible' }));
    expect(report.completed.map((r) => r.id)).toEqual([PL1]);
    const html = formatReport(report, 'html');
    expect(html.match(/<svg[\s\S]*<\/svg>/)?.[0].match(/text-anchor="end"/g)?.length).toBe(report.agencies.length);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  test('the calendar parses with ical.js: one event per dated task, RRULEs on the recurring ones', async () => {
    const rows = await status({ db, asOf: '2026-04-15' });
    const parsed = new ICAL.Component(ICAL.parse(calendar(rows, new Date('2026-04-15T00:00:00Z'))));
    const events = parsed.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const ids = events.map((e) => e.component.getFirstPropertyValue('x-chidao-task-id'));
    const dated = rows.filter((r) => r.category !== 'đã rút' && ((['by', 'relative'].includes(r.deadline.kind) && r.deadline.date) || (r.deadline.kind === 'recurring' && r.issuedAt)));
    // In status order, so a task id a document holds twice is matched to its own row.
    expect(ids).toEqual(dated.map((r) => r.id));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const [i, e] of events.entries()) {
      const row = dated[i];
      expect(e.startDate.isDate).toBe(true);
      expect(e.description).toContain(row.id);
      expect(e.description).toContain(row.text);
      expect(e.isRecurring()).toBe(row.deadline.kind === 'recurring');
      if (row.deadline.kind === 'recurring') {
        const it = e.iterator();
        const days = [0, 1, 2].map(() => it.next()!.toString());
        const want = [firstOccurrence(row.deadline.recurrence!, row.issuedAt!)];
        while (want.length < 3) want.push(nextOccurrence(row.deadline.recurrence!, want.at(-1)!));
        expect(days).toEqual(want);
      } else {
        expect(e.startDate.toString()).toBe(row.extendedTo ?? row.deadline.date);
      }
    }
    expect(events.some((e) => e.isRecurring())).toBe(true);
  });

  test('bad input is refused in one line and changes nothing', async () => {
    const count = async () => {
      const store = await openStore(db, { mustExist: true });
      try {
        return (await store.events()).length;
      } finally {
        await store.close();
      }
    };
    const before = await count();
    await expect(recordEvent('done', '17-TB/CQTTBCĐ#PL.99', { db })).rejects.toThrow(/no stored task has an id beginning 17-TB\/CQTTBCĐ#PL.99/);
    await expect(recordEvent('done', '17-TB/CQTTBCĐ#PL.5', { db })).rejects.toThrow(/matches more than one task \(17-TB\/CQTTBCĐ#PL\.5\.a/);
    await expect(recordEvent('done', PL3, { db, on: '2025-12-01' })).rejects.toThrow(/before the task's document date 2025-12-29/);
    await expect(recordEvent('done', PL1, { db, on: '2026-03-21' })).rejects.toThrow(TrackError);
    expect(await count()).toBe(before);
  });

  test('a unique prefix names its task, and events outlive re-adding the document', async () => {
    const noted = await recordEvent('progress', '04-TB/BCĐTW#II.3.h.p', { db, on: '2025-06-15', note: 'Đang soạn' });
    expect(noted.taskId).toBe('04-TB/BCĐTW#II.3.h.p1');
    const path = join(ROOT, 'corpus/17-TB-CQTTBCD-phu-luc.txt');
    await corpusRemove(path, { db });
    await corpusAdd([path], { db, progress: false });
    expect((await status({ db, asOf: '2026-03-25' })).find((r) => r.id === PL1)?.category).toBe('hoàn thành đúng hạn');
  });
});

test('through the CLI: record, then status, report and calendar written whole', async () => {
  const db = join(dir, 'cli.db');
  await corpusAdd([join(ROOT, 'corpus/04-TB-BCDTW.txt')], { db, progress: false });
  const id = '04-TB/BCĐTW#II.3.b';
  const done = await chidao('task', 'done', id, '--on', '2025-06-25', '--user', 'lan', '--db', db);
  expect([done.code, done.stdout]).toEqual([0, `${id}: done on 2025-06-25, recorded by lan\n`]);
  const twice = await chidao('task', 'done', id, '--db', db);
  expect([twice.code, twice.stderr]).toEqual([2, `chidao: ${id}: already done on 2025-06-25 (chidao task reopen ${id} first)\n`]);
  const csv = await chidao('status', '--as-of', '2025-07-01', '--format', 'csv', '--db', db);
  expect(csv.stdout.split('\r\n').find((line) => line.includes(id))).toMatch(/^hoàn thành quá hạn,,2025-06-20,,,2025-06-25,2025-06-25,Ban Cơ yếu Chính phủ,/);
  const out = join(dir, 'q2.html');
  expect((await chidao('report', '--period', '2025-Q2', '--format', 'html', '-o', out, '--db', db)).code).toBe(0);
  expect(readFileSync(out, 'utf8')).toContain('<td>hoàn thành quá hạn</td>');
  const ics = join(dir, 'tasks.ics');
  expect((await chidao('calendar', '--agency', 'Ban Cơ yếu Chính phủ', '-o', ics, '--db', db)).code).toBe(0);
  const events = new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8'))).getAllSubcomponents('vevent');
  expect(events.map((e) => e.getFirstPropertyValue('x-chidao-task-id'))).toContain(id);
}, 60_000);

test.each([
  [['task', 'done', 'X', '--on', '2026-02-30', '--db', 'none.db'], /--on takes a date YYYY-MM-DD that exists, not 2026-02-30/],
  [['status', '--as-of', 'tomorrow', '--db', 'none.db'], /--as-of takes a date/],
  [['report', '--period', '2026-Q5', '--db', 'none.db'], /--period takes a month/],
  [['task', 'finish', 'X'], /task takes one of done, progress/],
  [['task', 'done', 'X', '--by', '25-TB', '--db', 'none.db'], /--by .* is for task extend; --user says who records/],
])('chidao %s: one line, exit 2', async (args, message) => {
  const { code, stderr } = await chidao(...args);
  expect(code).toBe(2);
  expect(stderr).toMatch(message);
  expect(stderr.trim().split('\n')).toHaveLength(1);
});
