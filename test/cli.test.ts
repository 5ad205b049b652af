import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chidao, ROOT } from './helpers.ts';

describe('chidao --version and --help', () => {
  it('prints the version of package.json', async () => {
    const { code, stdout } = await chidao('--version');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  // Each command's help: its own usage line, and an option only it takes.
  it.each([
    ['extract', '--out-dir'],
    ['ocr', '--tessdata'],
    ['diff', '--carry'],
    ['repair', 'standard input'],
    ['corpus', '--db'],
    ['query', '--offset'],
    ['stats', '--db'],
    ['task', 'reassign'],
    ['status', '--due-within'],
    ['report', '--period'],
    ['calendar', 'tasks.ics'],
    ['eval', '--skip-repair'],
  ])('%s --help prints its usage and options, exit 0', async (command, own) => {
    const { code, stdout } = await chidao(command, '--help');
    expect(code).toBe(0);
    expect(stdout.startsWith(`Usage:\n  chidao ${command} `)).toBe(true);
    expect(stdout).toContain(own);
    expect(stdout).toContain('Options:');
    // Its own usage lines, not every command's.
    expect(stdout.match(/^ {2}chidao /gmu)).toHaveLength(command === 'extract' || command === 'task' ? 2 : 1);
  });
});


describe('chidao extract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chidao-'));

  it('prints the contract JSON', async () => {
    const { code, stdout } = await chidao('extract', 'corpus/17-TB-CQTTBCD-phu-luc.txt');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.document.number).toBe('17-TB/CQTTBCĐ');
    expect(out.tasks[0]).toMatchObject({ id: '17-TB/CQTTBCĐ#PL.1.a', clause: 'PL.1.a' });
  });

  it('writes CSV that Excel reads as UTF-8, one row per task', async () => {
    const out = join(dir, 'tasks.csv');
    const { code } = await chidao('extract', 'corpus/04-TB-BCDTW.txt', '--format', 'csv', '-o', out);
    expect(code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFid,clause,responsible')).toBe(true);
    expect(csv.trimEnd().split('\r\n').length).toBe(1 + 45);
    expect(csv).toContain('Bộ Khoa học và Công nghệ');
  });

  it('prints a Markdown table', async () => {
    const { stdout } = await chidao('extract', 'corpus/19-BC-CQTTBCD.md', '--format', 'md');
    expect(stdout).toMatch(/^# BÁO CÁO 19-BC\/CQTTBCĐ/u);
    expect(stdout).toContain('| II.2.a.d1 |');
  });

  it.each([
    ['empty', '', 'empty file'],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0]), 'binary'],
    ['prose', 'Hôm nay trời đẹp. Chúng tôi đi dạo quanh hồ.\n', 'no clauses'],
  ])('refuses %s input with one line, exit 2 and no output file', async (name, content, reason) => {
    const input = join(dir, `${name}.txt`);
    writeFileSync(input, content);
    const out = join(dir, `${name}.json`);
    const { code, stderr, stdout } = await chidao('extract', input, '-o', out);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(input);
    expect(stderr).toContain(reason);
    expect(existsSync(out)).toBe(false);
  });

  it('names a missing file', async () => {
    const { code, stderr } = await chidao('extract', 'corpus/no-such-notice.txt');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('chidao: corpus/no-such-notice.txt: no such file');
  });

  it('picks the pipeline from the text and lets --pipeline override it', async () => {
    const auto = JSON.parse((await chidao('extract', 'corpus/19-BC-CQTTBCD.md')).stdout);
    const forced = JSON.parse((await chidao('extract', 'corpus/19-BC-CQTTBCD.md', '--pipeline', 'notice')).stdout);
    expect(auto.tasks.every((t: { clause: string }) => t.clause.startsWith('II.'))).toBe(true);
    expect(forced.tasks.length).toBeGreaterThan(auto.tasks.length);
  });

  it('refuses a pipeline that does not exist, naming those that do, with exit 2 and no trace', async () => {
    const { code, stderr } = await chidao('extract', 'corpus/04-TB-BCDTW.txt', '--pipeline', 'memo');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^chidao: --pipeline must be one of .*\bnotice\b/);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('chidao extract of several files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chidao-batch-'));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const seeds = ['corpus/04-TB-BCDTW.txt', 'corpus/17-TB-CQTTBCD-phu-luc.txt', 'corpus/19-BC-CQTTBCD.md'];
  const numbers = ['04-TB/BCĐTW', '17-TB/CQTTBCĐ', '19-BC/CQTTBCĐ'];
  const lines = (stdout: string) => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string; document: { number: string }; tasks: unknown[] });

  it.each([
    ['on the main thread', '1'],
    ['in two worker threads', '2'],
  ])('prints JSON Lines, one document a line with its file, in the order given, %s', async (_, jobs) => {
    const { code, stdout, stderr } = await chidao('extract', ...seeds, '--jobs', jobs);
    expect(code).toBe(0);
    expect(lines(stdout).map((l) => [l.file, l.document.number])).toEqual(seeds.map((s, i) => [s, numbers[i]]));
    expect(lines(stdout)[0].tasks).toEqual(JSON.parse((await chidao('extract', seeds[0])).stdout).tasks);
    expect(stderr.trim()).toMatch(/^chidao: 3 of 3 files extracted in [\d.]+ s$/u);
  });

  it('writes one file per input with --out-dir, each as extract of that file alone prints it', async () => {
    const out = join(dir, 'csv');
    const { code } = await chidao('extract', ...seeds, '--out-dir', out, '--format', 'csv');
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['04-TB-BCDTW.csv', '17-TB-CQTTBCD-phu-luc.csv', '19-BC-CQTTBCD.csv']);
    expect(readFileSync(join(out, '19-BC-CQTTBCD.csv'), 'utf8')).toBe((await chidao('extract', seeds[2], '--format', 'csv')).stdout);
  });

  it.each([
    ['JSON Lines', []],
    ['--out-dir', ['--out-dir', 'OUT']],
  ])('reports a bad file and a missing one with their reasons, extracts the others and exits 1 (%s)', async (_, flags) => {
    const out = join(dir, `bad-${flags.length}`);
    const { code, stdout, stderr } = await chidao('extract', seeds[0], empty, 'corpus/no-such-notice.txt', seeds[1], ...flags.map((f) => (f === 'OUT' ? out : f)));
    expect(code).toBe(1);
    expect(stderr).toContain(`chidao: ${empty}: empty file\n`);
    expect(stderr).toContain('chidao: corpus/no-such-notice.txt: no such file or folder\n');
    expect(stderr).toMatch(/2 of 4 files extracted, 2 failed/u);
    if (flags.length) expect(readdirSync(out).sort()).toEqual(['04-TB-BCDTW.json', '17-TB-CQTTBCD-phu-luc.json']);
    else expect(lines(stdout).map((l) => l.file)).toEqual([seeds[0], seeds[1]]);
  });

  it('takes the readable files of a folder and its subfolders, sorted, leaving out others', async () => {
    const folder = join(dir, 'notices');
    mkdirSync(join(folder, 'b'), { recursive: true });
    copyFileSync(join(ROOT, seeds[1]), join(folder, 'b', 'z.txt'));
    copyFileSync(join(ROOT, seeds[0]), join(folder, 'a.txt'));
    copyFileSync(join(ROOT, seeds[2]), join(folder, 'c.md'));
    writeFileSync(join(folder, 'notes.json'), '{}');
    writeFileSync(join(folder, '.hidden.txt'), '');
    const { code, stdout } = await chidao('extract', folder);
    expect(code).toBe(0);
    expect(lines(stdout).map((l) => [l.file, l.document.number])).toEqual([
      [join(folder, 'a.txt'), numbers[0]],
      [join(folder, 'b', 'z.txt'), numbers[1]],
      [join(folder, 'c.md'), numbers[2]],
    ]);
  });

  it.each([
    ['a format other than json without --out-dir', ['--format', 'csv'], 'needs --out-dir'],
    ['--jobs 0', ['--jobs', '0'], '--jobs takes a whole number'],
    ['two inputs to one output name', ['COPY', '--out-dir', 'OUT'], 'would both be written'],
    ['an output over its input', ['--out-dir', 'corpus', '--format', 'md'], 'would overwrite an input'],
  ])('refuses %s with exit 2, writing nothing', async (_, flags, reason) => {
    const out = join(dir, 'refused');
    const copy = join(dir, 'copy', basename(seeds[0]));
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(join(ROOT, seeds[0]), copy);
    const { code, stdout, stderr } = await chidao('extract', ...seeds, ...flags.map((f) => ({ OUT: out, COPY: copy })[f] ?? f));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(reason);
    expect(existsSync(out)).toBe(false);
  });
});

describe('chidao repair', () => {
  it('restores the marks of a stripped corpus line', async () => {
    const { code, stdout } = await chidao('repair', 'test/fixtures/stripped-line.txt');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('Bộ Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan liên quan');
  });

  it('reads standard input as it comes: every line answered, and in JSON one object per line with flags on that line', () => {
    const input = readFileSync(join(ROOT, 'corpus/20-TB-CQTTBCD.ocr.txt'), 'utf8');
    const lines = input.replace(/\n$/, '').split('\n').length;
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/chidao.js'), 'repair', '-', ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20 });
    const text = run();
    expect(text.status).toBe(0);
    expect(text.stdout.replace(/\n$/, '').split('\n')).toHaveLength(lines);
    expect(text.stdout).toContain('20-TB/CQTTBCĐ');
    const objects = run('--format', 'json').stdout.replace(/\n$/, '').split('\n').map((l) => JSON.parse(l) as { text: string; flags: { start: number; end: number; chosen: string }[] });
    expect(objects).toHaveLength(lines);
    expect(objects.some((o) => o.flags.length > 0)).toBe(true);
    for (const o of objects) for (const f of o.flags) expect(o.text.slice(f.start, f.end)).toBe(f.chosen);
  });

  it('keeps the line count of the 20-TB OCR text', async () => {
    const { code, stdout } = await chidao('repair', 'corpus/20-TB-CQTTBCD.ocr.txt');
    expect(code).toBe(0);
    expect(stdout.split('\n').length).toBe(readFileSync(join(ROOT, 'corpus/20-TB-CQTTBCD.ocr.txt'), 'utf8').split('\n').length);
    expect(stdout).toContain('20-TB/CQTTBCĐ');
  });
});

describe('chidao diff', () => {
  it('reports a notice against itself as all unchanged, in Markdown', async () => {
    const { code, stdout } = await chidao('diff', 'corpus/04-TB-BCDTW.txt', 'corpus/04-TB-BCDTW.txt', '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/45 unchanged/u);
    expect(stdout).not.toMatch(/[1-9]\d* (added|dropped)/u);
  });

  it('names the side whose input is bad', async () => {
    const { code, stderr } = await chidao('diff', 'corpus/04-TB-BCDTW.txt', 'corpus/missing.txt');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('chidao: corpus/missing.txt: no such file (NEW side)');
  });

  it('lists what the adopted appendix dropped from the draft with --carry', async () => {
    const { code, stdout } = await chidao('diff', 'corpus/17-TB-CQTTBCD-phu-luc.draft.txt', 'corpus/17-TB-CQTTBCD-phu-luc.txt', '--carry', '--format', 'json');
    expect(code).toBe(0);
    const carried = JSON.parse(stdout) as { clause: string }[];
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.every((t) => /^(I|II)\./u.test(t.clause))).toBe(true);
  });
});
