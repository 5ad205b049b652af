/** The same notice read from another format gives the same task list. */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../src/extract-file.ts';
import { FIELDS, scoreTasks } from '../src/eval/score.ts';
import { makeTextPdf, tempDir } from './fixtures/make.ts';
import { extracted } from './helpers.ts';

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
