/**
 * Records floors in golden/bars.json for golden files that have none: each
 * field's F1 as extracted today less a margin (default 0.02), and the header
 * bars for the header fields read right today. Existing bars are never
 * touched, so a floor only ever comes from the first run that set it; with
 * --raise, a field whose F1 less the margin is above its floor raises it
 * (never lowers one), after a change that earned it.
 *
 *   npx tsx scripts/set-bars.ts [--margin 0.02] [--raise]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate } from '../src/eval/run.ts';
import { FIELDS } from '../src/eval/score.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { margin: { type: 'string', default: '0.02' }, raise: { type: 'boolean', default: false } } });
const margin = Number(values.margin);
const path = join(root, 'golden', 'bars.json');
const bars = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, number>>;
const floor = (f: number) => Math.max(0, Math.floor((f - margin) * 100) / 100);
for (const row of await evaluate(root)) {
  if (bars[row.barKey]) {
    if (!values.raise) continue;
    const bar = bars[row.barKey];
    for (const f of FIELDS) {
      if (bar[f] === undefined || floor(row.scores[f].f) <= bar[f]) continue;
      console.log(`${row.barKey}: ${f} ${bar[f]} → ${floor(row.scores[f].f)}`);
      bar[f] = floor(row.scores[f].f);
    }
    continue;
  }
  const bar: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f, floor(row.scores[f].f)]));
  if (row.header.number && row.header.issuedAt) bar.header = 1;
  for (const f of ['kind', 'issuer', 'signer', 'addressees'] as const) if (row.header[f]) bar[f] = 1;
  bars[row.barKey] = bar;
  console.log(`${row.barKey}: ${JSON.stringify(bar)}`);
}
writeFileSync(path, `${JSON.stringify(bars, null, 2)}\n`);
