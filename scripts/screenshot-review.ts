/**
 * Takes the README's picture of the review page (docs/review.png): the page of
 * a seed, opened from disk in headless chromium, one task selected.
 *
 *   npx tsx scripts/screenshot-review.ts [NOTICE] [OUT.png]
 *   (default corpus/04-TB-BCDTW.txt, docs/review.png; needs scripts/setup-browser.sh)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { extractFile } from '../src/extract-file.ts';
import { reviewPage } from '../src/review/page.ts';

const [notice = 'corpus/04-TB-BCDTW.txt', out = 'docs/review.png'] = process.argv.slice(2);
const file = join(mkdtempSync(join(tmpdir(), 'chidao-shot-')), 'review.html');
writeFileSync(file, reviewPage(await extractFile(notice)));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(pathToFileURL(file).href);
  // A task with a doer, a co-worker and a deadline shows every colour the legend names.
  const row = page.locator('li.task').filter({ has: page.locator('.f-coordinating') }).filter({ has: page.locator('.f-deadline') }).first();
  await row.locator('.head').click();
  await page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser.close();
}
