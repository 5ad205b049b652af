/** The same notice read from another format gives the same task list, in every command that reads notices. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../src/extract-file.ts';
import { FIELDS, scoreTasks } from '../src/eval/score.ts';
import { makeTextPdf, tempDir } from './fixtures/make.ts';
import { chidao, extracted } from './helpers.ts';

describe('extract from a text-layer PDF', () => {
  let pdf: string;
  beforeAll(() => {
    pdf = makeTextPdf(tempDir());
  });

  it('gives exactly the tasks of the 04-TB text', async () => {
    const fromPdf = await extractFile(pdf);
    const fromText = await extracted('corpus/04-TB-BCDTW.txt');
    expect(fromPdf.format).toBe('pdf');
    expect(fromPdf.header).toMatchObject({ number: '04-TB/BCĐTW', issuedAt: '2025-05-30' });
    const scores = scoreTasks(fromPdf.tasks!, fromText.tasks!);
    for (const field of FIELDS) expect({ field, f: scores[field].f }).toEqual({ field, f: 1 });
  });
});

describe('the other commands read a PDF too', () => {
  let dir: string;
  let pdf: string;
  beforeAll(() => {
    dir = tempDir();
    pdf = makeTextPdf(dir);
  });

  it('diff: the PDF against the text is all unchanged', async () => {
    const { code, stdout } = await chidao('diff', pdf, 'corpus/04-TB-BCDTW.txt', '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/45 unchanged/u);
    expect(stdout).not.toMatch(/[1-9]\d* (added|dropped|reworded|redated|reassigned)/u);
  });

  it('corpus add: the PDF is stored with the tasks of the text', async () => {
    const db = join(dir, 'pdf.db');
    const { code, stdout } = await chidao('corpus', 'add', pdf, '--db', db, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject([{ status: 'added', number: '04-TB/BCĐTW', tasks: 45 }]);
    const stored = JSON.parse((await chidao('query', '--document', '04-TB/BCDTW', '--db', db, '--format', 'json')).stdout) as { id: string }[];
    expect(stored.map((t) => t.id)).toEqual((await extracted('corpus/04-TB-BCDTW.txt')).tasks!.map((t) => t.id));
  });

  it('repair: prints the text of the PDF', async () => {
    const { code, stdout } = await chidao('repair', pdf);
    expect(code).toBe(0);
    expect(stdout).toContain('Bộ Khoa học và Công nghệ chủ trì');
    expect(stdout.startsWith('BAN CHẤP HÀNH TRUNG ƯƠNG\n')).toBe(true);
  });
});
