import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chidao, ROOT } from './helpers.ts';


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

describe('chidao repair', () => {
  it('restores the marks of a stripped corpus line', async () => {
    const { code, stdout } = await chidao('repair', 'test/fixtures/stripped-line.txt');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('Bộ Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan liên quan');
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
