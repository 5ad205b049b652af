/**
 * The deliverable a task names: the product noun phrase after a verb of
 * making (`xây dựng Kế hoạch ...`, `ban hành Thông tư ...`), cut at the
 * first word that starts a purpose, manner or deadline.
 */
import { foldName } from './gazetteer.ts';
import cues from '../data/cues.json' with { type: 'json' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
const PRODUCT = new RegExp(`(?<![\\p{L}])(?:${alt(cues.productVerbs)})(?:,\\s*(?:${alt(cues.productVerbs)}))*\\s+(?:và\\s+(?:${alt(cues.productVerbs)})\\s+)?(?:(?:các|những|một|01|02|03)\\s+)?(?=(?:${alt(cues.productNouns)})(?![\\p{L}]))`, 'gu');
const MAX_WORDS = 14;

export function findDeliverable(text: string): string | null {
  const folded = foldName(text);
  PRODUCT.lastIndex = 0;
  const m = PRODUCT.exec(folded);
  if (!m) return null;
  const start = m.index + m[0].length;
  let end = text.length;
  for (const stop of cues.deliverableStops) {
    const at = folded.indexOf(stop, start + 1);
    if (at >= 0 && at < end) end = at;
  }
  const words = text.slice(start, end).trim().split(/\s+/u);
  const phrase = words.slice(0, MAX_WORDS).join(' ').replace(/[\s,;.:]+$/u, '');
  return phrase || null;
}
