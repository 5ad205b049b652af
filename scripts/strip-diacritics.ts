/**
 * Writes a copy of a corpus document with every diacritic stripped (tones,
 * vowel marks, đ → d), byte for byte otherwise: the text state of a notice
 * typed without marks or OCR'd by an engine with no Vietnamese. The copy is
 * named SOURCE with `.stripped` before its extension and listed in
 * corpus/SOURCES.md as derived.
 *
 *   npx tsx scripts/strip-diacritics.ts corpus/B-42-….txt…
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { stripMarks } from '../src/lang/fold.ts';

for (const source of process.argv.slice(2)) {
  const target = source.replace(/(\.[a-z]+)$/, '.stripped$1');
  if (target === source) throw new Error(`${source}: no extension to put .stripped before`);
  writeFileSync(target, stripMarks(readFileSync(source, 'utf8')));
  console.log(target);
}
