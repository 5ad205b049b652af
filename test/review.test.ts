/**
 * The review page (issue 11, items 3 and 7): what it draws over the notice,
 * computed from the Doc, and how it behaves in a real browser — Debian's
 * chromium driven by playwright-core, the page opened from disk.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodiesOf, findAgencies, foldName } from '../src/lang/gazetteer.ts';
import { createDoc, sourceSpan, toWorking, type Doc } from '../src/doc/model.ts';
import { choosePipeline, runPipeline } from '../src/pipeline.ts';
import { reviewLayers, type FieldView } from '../src/review/layers.ts';
import { reviewPage } from '../src/review/page.ts';
import { diffDocs } from '../src/diff/index.ts';
import { diffPage } from '../src/diff/page.ts';
import { render } from '../src/format/index.ts';
import { Extraction, Golden } from '../src/schema.ts';
import { degrade, makeScanPdf, makeTextPdf, MILD, renderPages, tempDir } from './fixtures/make.ts';
import { corpusAdd, corpusList, query } from '../src/store/commands.ts';
import { Correction } from '../src/review/corrections.ts';
import { BACKENDS, chidao, CLEAN_CORPUS, extracted, freshDatabase, ROOT } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'chidao-review-'));

/** The seed with the fullest tasks: the first whose tasks name a doer, a co-worker, a deadline and a deliverable. */
async function fullestSeed(): Promise<string> {
  for (const path of CLEAN_CORPUS) {
    const doc = await extracted(path);
    if (doc.tasks!.some((t) => t.responsible.length && t.coordinating.length && t.deadline.kind !== 'none' && t.deliverable)) return path;
  }
  throw new Error('no seed names every field');
}

/** A notice read by OCR: the source of a golden file that has a hand-corrected text. */
function ocrNotice(): string {
  const goldens = readdirSync(join(ROOT, 'golden')).filter((f) => f.endsWith('.tasks.json'));
  const golden = goldens.map((f) => Golden.parse(JSON.parse(readFileSync(join(ROOT, 'golden', f), 'utf8')))).find((g) => g.corrected);
  return golden!.source;
}

/** The longest corpus document, by its size on disk. */
function longestCorpusDocument(): string {
  const files = readdirSync(join(ROOT, 'corpus')).filter((f) => f !== 'SOURCES.md');
  return `corpus/${files.sort((a, b) => statSync(join(ROOT, 'corpus', b)).size - statSync(join(ROOT, 'corpus', a)).size)[0]}`;
}

/** A notice read as plain text, so its `<script>` stays in the working text. */
function hostileDoc(): Doc {
  const source = [
    'THÔNG BÁO',
    'Kết luận của Bộ trưởng',
    '',
    '1. Bộ Tài chính chủ trì xây dựng báo cáo về <script>window.pwned = 1</script>, hoàn thành trước ngày 30/6/2025.',
    '2. Bộ Nội vụ phối hợp "</script><img src=x onerror="window.pwned = 2">" thực hiện.',
  ].join('\n');
  return runPipeline(createDoc('hostile.txt', source, 'text'), choosePipeline(source));
}

/**
 * The seed with evidence made by hand on one task: its first doer where its words stand, no deadline
 * words (the extractor found none), a low deliverable with a reason.
 */
function withEvidence(doc: Doc): { doc: Doc; task: number; doer: { start: number; end: number } } {
  const tasks = doc.tasks!;
  const task = tasks.findIndex((t) => t.responsible.length === 1 && t.deadline.kind !== 'none' && t.deliverable && doc.text.slice(t.span.start, t.span.end).includes(t.responsible[0]));
  const t = tasks[task];
  const at = doc.text.indexOf(t.responsible[0], t.span.start);
  const doer = { start: at, end: at + t.responsible[0].length };
  const evidence = { responsible: [sourceSpan(doc, doer.start, doer.end)], coordinating: [], directing: [], deadline: null, deliverable: sourceSpan(doc, t.span.start, t.span.end) };
  const reasons = [{ field: 'deliverable' as const, ruleId: 'extract:deliverable-choice', reason: 'two readings', ...sourceSpan(doc, t.span.start, t.span.start + 10) }];
  const fieldConfidence = { responsible: 0.95, coordinating: 0.9, directing: 0.9, deadline: 0.9, deliverable: 0.3 };
  const copy = tasks.map((x, k) => (k === task ? { ...x, coordinating: [], directing: [], evidence, fieldConfidence, reasons } : x));
  return { doc: { ...doc, tasks: copy }, task, doer };
}

describe('review layers', () => {
  it('maps source offsets back to working offsets: every task span of the seeds and the OCR notice from its sourceSpan', async () => {
    for (const path of [...CLEAN_CORPUS, ocrNotice()]) {
      const doc = await extracted(path);
      const working = toWorking(doc);
      for (const task of doc.tasks!) expect(working(task.sourceSpan!), `${path} ${task.clause}`).toEqual(task.span);
    }
  });

  it('gives every task a highlight and every field its words, or lists it as not found (seeds and the OCR notice)', async () => {
    for (const path of [...CLEAN_CORPUS, ocrNotice()]) {
      const doc = await extracted(path);
      const { fields, marks } = reviewLayers(doc);
      doc.tasks!.forEach((task, t) => expect(marks.some((m) => m.kind === 'task' && m.ref === t && m.end > m.start), `${path} ${task.clause}`).toBe(true));
      const names = doc.tasks!.reduce((n, t) => n + t.responsible.length + t.coordinating.length + t.directing.length + (t.deadline.kind !== 'none' ? 1 : 0) + (t.deliverable ? 1 : 0), 0);
      expect(fields).toHaveLength(names);
      for (const f of fields) {
        for (const span of f.spans) expect(standsFor(doc.text.slice(span.start, span.end), f.value), `${path} ${doc.tasks![f.task].clause} ${f.field}: ${f.value}`).toBe(true);
      }
      const missing = fields.filter((f) => !f.spans.length).length;
      expect(reviewPage(doc)).toContain(`Not found in the text (${missing})`);
    }
  });

  it('uses the extractor’s evidence, field confidence and reasons when a task has them', async () => {
    const { doc, task, doer } = withEvidence(await extracted(await fullestSeed()));
    const { fields, marks } = reviewLayers(doc);
    const own = (name: string) => fields.filter((f) => f.task === task && f.field === name);
    expect(own('responsible').map((f) => [f.spans, f.grounding, f.low])).toEqual([[[doer], 'evidence', false]]);
    // Evidence null: the extractor did not find the words, so neither does the page.
    expect(own('deadline').map((f) => [f.spans, f.grounding])).toEqual([[[], null]]);
    expect(own('deliverable').map((f) => [f.confidence, f.low, f.reasons])).toEqual([[0.3, true, ['extract:deliverable-choice: two readings']]]);
    expect(marks.some((m) => m.kind === 'reason' && m.start === doc.tasks![task].span.start && m.end === m.start + 10)).toBe(true);
  });

  it('marks each word repair changed with the word as read (the OCR notice)', async () => {
    const doc = await extracted(ocrNotice());
    const repaired = reviewLayers(doc).marks.filter((m) => m.kind === 'repaired');
    expect(repaired.length).toBeGreaterThan(0);
    for (const m of repaired) {
      const read = /^read as “(.*)”$/su.exec(m.title!)![1];
      expect(read.replace(/[^\p{L}\p{N}]/gu, '')).not.toBe(doc.text.slice(m.start, m.end).replace(/[^\p{L}\p{N}]/gu, ''));
      expect(doc.source).toContain(read);
    }
  });

  it('escapes the document: a <script> in a notice is text, and the page has only its own two scripts', () => {
    const doc = hostileDoc();
    expect(doc.text).toContain('<script>');
    const html = reviewPage(doc);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('chidao review', () => {
  it('writes the page with -o, and refuses bad input with one line, exit 2 and no output file', async () => {
    const seed = await fullestSeed();
    const out = join(dir, 'seed.html');
    const ok = await chidao('review', seed, '-o', out);
    expect(ok.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Ghi chú cuộc họp, không có nhiệm vụ nào.\n');
    const bad = await chidao('review', notes, '-o', join(dir, 'notes.html'));
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([`chidao: ${notes}: no clauses found (no numbered, lettered or dash items, and no paragraph that assigns work): is this a directive document?`]);
    expect(existsSync(join(dir, 'notes.html'))).toBe(false);
  });
});

describe.each(BACKENDS)('corpus add --corrections on %s', (backend) => {
  it('stores the corrected list with who and when; query answers from it; a plain add keeps it; corrections for another document are refused', async () => {
    const { db, drop } = await freshDatabase(backend, join(dir, `corrections-${backend}.db`));
    try {
      const seed = await fullestSeed();
      const doc = await extracted(seed);
      const extraction = Extraction.parse({ document: doc.header, tasks: doc.tasks });
      const [first, second] = extraction.tasks;
      const corrections = Correction.parse({
        ...extraction,
        source: seed,
        tasks: [{ ...first, responsible: ['Bộ Nội vụ'], confidence: 1 }, ...extraction.tasks.slice(2)],
        review: { by: 'Nguyễn Văn An', at: '2026-12-07T16:30:00.000Z', edited: [first.id], wrong: [second.id] },
      });
      const file = join(ROOT, seed);
      expect((await corpusAdd([file], { db, progress: false }))[0].status).toBe('added');
      expect((await corpusAdd([file], { db, progress: false, corrections }))[0]).toMatchObject({ status: 'replaced', tasks: extraction.tasks.length - 1 });
      expect((await corpusAdd([file], { db, progress: false }))[0].status).toBe('unchanged');

      const stored = await query({ db, document: doc.header!.number! });
      expect(stored.map((t) => t.id)).toEqual(corrections.tasks.map((t) => t.id));
      expect(stored[0].responsible).toEqual(['Bộ Nội vụ']);
      expect((await query({ db, agency: 'Bộ Nội vụ', role: 'responsible' })).map((t) => t.id)).toContain(first.id);
      expect((await corpusList({ db })).map((d) => [d.reviewedBy, d.reviewedAt])).toEqual([['Nguyễn Văn An', '2026-12-07T16:30:00.000Z']]);

      const other = CLEAN_CORPUS.find((p) => p !== seed)!;
      const [refused] = await corpusAdd([join(ROOT, other)], { db, progress: false, corrections });
      expect(refused).toMatchObject({ status: 'failed', reason: `the corrections are for ${doc.header!.number}, not ${(await extracted(other)).header!.number}` });
    } finally {
      await drop();
    }
  });
});

/** Whether words stand for a value: they share a word with it, or the gazetteer reads them as it (an alias). */
const standsFor = (words: string, value: string) => {
  const own = new Set(foldName(words).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
  return foldName(value).split(/[^\p{L}\p{N}]+/u).some((w) => own.has(w)) || findAgencies(words).some((m) => m.name === value || bodiesOf(m).includes(value));
};

const BROWSER = existsSync(CHROMIUM) ? 'in headless chromium' : `in headless chromium (skipped: no ${CHROMIUM}; run scripts/setup-browser.sh)`;

describe.skipIf(!existsSync(CHROMIUM))(`review page ${BROWSER}`, { timeout: 180_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page file from disk, recording console errors, page errors, dialogs and every request. */
  async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => errors.push(`dialog: ${d.message()}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    return { page, errors, requests };
  }

  const writePage = (name: string, doc: Doc) => {
    const file = join(dir, name);
    writeFileSync(file, reviewPage(doc));
    return file;
  };

  const selectedRow = (page: Page) => page.locator('li.task[aria-selected="true"]').getAttribute('data-t');
  /** Whether the element lies inside the notice's visible box. */
  const inNotice = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      const n = document.getElementById('notice')!.getBoundingClientRect();
      return r.height > 0 && r.top >= n.top && r.bottom <= n.bottom;
    }, selector);
  const everyTaskHighlighted = (page: Page) =>
    page.evaluate(() => Array.from(document.querySelectorAll('li.task')).every((row) => document.querySelector(`#notice [data-t~="${(row as HTMLElement).dataset.t}"]`)));

  it('a seed: opens from disk with no console error and no request but itself; rows and text linked both ways; j/k move', async () => {
    const seed = await fullestSeed();
    const file = join(dir, 'seed-browser.html');
    expect((await chidao('review', seed, '-o', file)).code).toBe(0);
    const { page, errors, requests } = await open(file);
    const tasks = (await extracted(seed)).tasks!;
    expect(await page.locator('li.task').count()).toBe(tasks.length);
    expect(await everyTaskHighlighted(page)).toBe(true);

    // Row → notice: the last task's words scroll into view.
    const last = tasks.length - 1;
    expect(await inNotice(page, `#notice [data-t~="${last}"]`)).toBe(false);
    await page.locator(`li.task[data-t="${last}"] .head`).click();
    expect(await selectedRow(page)).toBe(String(last));
    expect(await inNotice(page, `#notice [data-t~="${last}"]`)).toBe(true);

    // Notice → row: clicking the third task's own words selects its row.
    await page.locator('#notice span[data-t="2"]:not([data-f])').first().click();
    expect(await selectedRow(page)).toBe('2');
    expect(await page.locator('li.task[data-t="2"]').getAttribute('class')).toContain('sel');

    await page.keyboard.press('j');
    expect(await selectedRow(page)).toBe('3');
    expect(await inNotice(page, '#notice [data-t~="3"]')).toBe(true);
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    expect(await selectedRow(page)).toBe('1');

    // Filter by agency: only the tasks naming it stay, in the list and in the count.
    const agency = tasks[0].responsible[0];
    await page.selectOption('#filter-agency', agency);
    const naming = tasks.filter((t) => [...t.responsible, ...t.coordinating, ...t.directing].includes(agency)).length;
    expect(await page.locator('li.task:not([hidden])').count()).toBe(naming);
    expect(await page.locator('#shown').textContent()).toBe(`${naming} of ${tasks.length} tasks`);
    await page.selectOption('#filter-agency', '');
    expect(await page.locator('li.task:not([hidden])').count()).toBe(tasks.length);

    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('evidence made by hand: n goes to the low-confidence field, weakest first puts its task on top, null evidence is listed as not found', async () => {
    const { doc, task } = withEvidence(await extracted(await fullestSeed()));
    const { page, errors } = await open(writePage('evidence.html', doc));
    const field = reviewLayers(doc).fields.find((f: FieldView) => f.task === task && f.field === 'deliverable')!;
    await page.keyboard.press('n');
    expect(await selectedRow(page)).toBe(String(task));
    expect(await page.locator(`#side li.task [data-f="${field.id}"]`).getAttribute('class')).toContain('cur');
    expect(await inNotice(page, `#notice [data-f~="${field.id}"]`)).toBe(true);

    await page.locator('#order').click();
    const tops = await page.evaluate(() => Array.from(document.querySelectorAll('li.task')).map((r) => [(r as HTMLElement).dataset.t, r.getBoundingClientRect().top] as const));
    expect(tops.sort((a, b) => a[1] - b[1])[0][0]).toBe(String(task));

    expect(await page.locator('#missing li').allTextContents()).toContain(`${doc.tasks![task].clause} · deadline: ${doc.tasks![task].deadline.text}`);
    expect(errors).toEqual([]);
  });

  /** What the page's download link holds after an export. */
  const exported = async (page: Page, kind: 'json' | 'csv') => {
    await page.locator(`#export-${kind}`).click();
    const href = (await page.locator('#download').getAttribute('href'))!;
    return decodeURIComponent(href.slice(href.indexOf(',') + 1));
  };

  it('corrections: a field edited, a task marked wrong and a missed one added from selected words export as contract JSON that is also a golden file', async () => {
    const seed = await fullestSeed();
    const doc = await extracted(seed);
    const tasks = doc.tasks!;
    const { page, errors, requests } = await open(writePage('corrections.html', doc));

    await page.locator('li.task[data-t="0"] button.edit').click();
    const editor = page.locator('li.task[data-t="0"] form.editor');
    await editor.locator('input[name="responsible"]').first().fill('Bộ Nội vụ');
    await editor.locator('select[name="deadline-kind"]').selectOption('by');
    await editor.locator('input[name="deadline-date"]').fill('2026-03-31');
    await editor.locator('input[name="deadline-text"]').fill('trước ngày 31/3/2026');
    // Typed key by key: the j and k in the words move no selection while a form has the focus.
    await editor.locator('input[name="deliverable"]').fill('');
    await editor.locator('input[name="deliverable"]').pressSequentially('kế hoạch kiểm kê');
    await editor.locator('button[type="submit"]').click();
    expect(await page.locator('li.task[data-t="0"] .chip.edited').allTextContents()).toEqual(expect.arrayContaining(['Bộ Nội vụ']));
    expect(await page.locator('li.task[data-t="0"]').getAttribute('class')).toContain('edited');
    expect(await page.locator('li.task[aria-selected="true"]').count()).toBe(0);

    await page.locator('li.task[data-t="1"] button.wrong').click();

    // Select the notice's first line (words no task holds) and add it as a task.
    const firstLine = doc.text.slice(0, doc.text.indexOf('\n'));
    await page.evaluate((length) => {
      const node = document.getElementById('notice')!.firstChild!;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, firstLine.length);
    await page.locator('#add-task').click();
    const added = page.locator('li.task.added');
    await added.locator('input[name="responsible"]').fill('Bộ Tài chính');
    await added.locator('button[type="submit"]').click();
    await page.locator('#reviewer').fill('Nguyễn Văn An');

    const json = JSON.parse(await exported(page, 'json'));
    expect(() => Extraction.parse(json)).not.toThrow();
    const golden = Golden.parse(json);
    expect(golden.source).toBe(doc.path);
    expect(golden.tasks).toHaveLength(tasks.length);
    const first = json.tasks[0];
    expect([first.id, first.responsible[0], first.deadline, first.deliverable, first.confidence]).toEqual([tasks[0].id, 'Bộ Nội vụ', { text: 'trước ngày 31/3/2026', kind: 'by', date: '2026-03-31', recurrence: null }, 'kế hoạch kiểm kê', 1]);
    expect(json.tasks.map((t: { id: string }) => t.id)).not.toContain(tasks[1].id);
    const extra = json.tasks.at(-1);
    expect([extra.clause, extra.responsible, doc.text.slice(extra.span.start, extra.span.end)]).toEqual(['added.1', ['Bộ Tài chính'], firstLine]);
    expect(json.review).toMatchObject({ by: 'Nguyễn Văn An', edited: [tasks[0].id], added: [extra.id], wrong: [tasks[1].id] });
    expect(Number.isNaN(Date.parse(json.review.at))).toBe(false);

    const csv = await exported(page, 'csv');
    expect(csv).toBe(render(Extraction.parse(json), 'csv'));

    // Stored with the document, the export is what query answers for it.
    const file = join(dir, 'corrected.json');
    writeFileSync(file, await exported(page, 'json'));
    const db = join(dir, 'corrected.db');
    expect((await chidao('corpus', 'add', seed, '--corrections', file, '--db', db)).code).toBe(0);
    const answer = await chidao('query', '--document', doc.header!.number!, '--format', 'json', '--db', db);
    expect(JSON.parse(answer.stdout).map((t: { id: string; responsible: string[] }) => [t.id, t.responsible])).toEqual(json.tasks.map((t: { id: string; responsible: string[] }) => [t.id, t.responsible]));
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(join(dir, 'corrections.html')).href]);
  });

  it('exports, unedited, the list chidao extract gives: the same JSON tasks and the same CSV bytes', async () => {
    const doc = await extracted(await fullestSeed());
    const { page } = await open(writePage('unedited.html', doc));
    const extraction = Extraction.parse({ document: doc.header, tasks: doc.tasks });
    expect(Extraction.parse(JSON.parse(await exported(page, 'json')))).toEqual(extraction);
    expect(await exported(page, 'csv')).toBe(render(extraction, 'csv'));
  });

  it('hostile text: the <script> shows as text and runs nothing', async () => {
    const { page, errors } = await open(writePage('hostile.html', hostileDoc()));
    expect(await page.locator('#notice').textContent()).toContain('<script>window.pwned = 1</script>');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('the longest corpus document: every task highlighted, j moves, no console error', async () => {
    const path = longestCorpusDocument();
    const { page, errors } = await open(writePage('longest.html', await extracted(path)));
    expect(await everyTaskHighlighted(page)).toBe(true);
    for (let k = 0; k < 3; k++) await page.keyboard.press('j');
    expect(await selectedRow(page)).toBe('2');
    expect(errors).toEqual([]);
  });

  it('a scanned PDF (a page of the seed, scanned mildly): the repaired text, the word as read on hover, every task highlighted', async () => {
    const scans = tempDir();
    const pdf = makeScanPdf(scans, renderPages(makeTextPdf(scans), 3, 3).map((p) => degrade(p, MILD)), MILD.dpi);
    const file = join(dir, 'scan.html');
    expect((await chidao('review', pdf, '-o', file)).code).toBe(0);
    const { page, errors, requests } = await open(file);
    expect(await page.locator('li.task').count()).toBeGreaterThan(0);
    expect(await everyTaskHighlighted(page)).toBe(true);
    expect(await page.locator('.repaired-note').count()).toBe(1);
    for (const title of await page.locator('#notice .rp').evaluateAll((els) => els.map((e) => e.getAttribute('title')))) expect(title).toMatch(/read as “/);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('the diff page: two notices from disk, a change row selects its tasks on both sides, a task selects its change', async () => {
    const [draft, adopted] = [await extracted('corpus/17-TB-CQTTBCD-phu-luc.draft.txt'), await extracted('corpus/17-TB-CQTTBCD-phu-luc.txt')];
    const file = join(dir, 'diff.html');
    writeFileSync(file, diffPage(diffDocs(draft, adopted), draft, adopted));
    const { page, errors, requests } = await open(file);
    const inView = (side: string, selector: string) =>
      page.evaluate(([s, sel]) => {
        const r = document.querySelector(`#notice-${s} ${sel}`)!.getBoundingClientRect();
        const n = document.getElementById(`notice-${s}`)!.getBoundingClientRect();
        return r.height > 0 && r.top >= n.top && r.bottom <= n.bottom;
      }, [side, selector]);

    // The last changed row that has a task on both sides: its tasks scroll into view in both notices.
    const row = page.locator('li.change.c-changed').last();
    await row.click();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    for (const side of ['old', 'new']) {
      expect(await page.locator(`#notice-${side} .tk.sel`).count()).toBeGreaterThan(0);
      expect(await inView(side, '.tk.sel')).toBe(true);
    }

    // A task's words in NEW select the change it belongs to.
    await page.locator('#notice-new span.tk[data-t="0"]').first().click();
    const selected = page.locator('li.change[aria-selected="true"]');
    expect(await selected.count()).toBe(1);
    expect(await selected.locator('code').textContent()).toMatch(/→ [^∅]/);
    await page.keyboard.press('j');
    expect(await page.locator('li.change[aria-selected="true"]').count()).toBe(1);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
  });
});
