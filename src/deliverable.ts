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
const MAX_WORDS = 24;
/** A listed item that is itself a product: `Phòng họp không giấy.`, `Hệ thống giám sát …`. */
const NOUN_ITEM = new RegExp(`^(?:(?:triển khai|xây dựng|hoàn thành)\\s+(?:ngay\\s+)?)?(?:(?:${alt(cues.productNouns)})(?![\\p{L}]))`, 'u');

export function findDeliverable(text: string, listed = false): string | null {
  const folded = foldName(text);
  PRODUCT.lastIndex = 0;
  const verb = PRODUCT.exec(folded);
  let start: number;
  if (verb) start = verb.index + verb[0].length;
  else if (listed && NOUN_ITEM.test(folded)) start = folded.search(new RegExp(`(?:${alt(cues.productNouns)})(?![\\p{L}])`, 'u'));
  else return null;
  let end = text.length;
  for (const stop of cues.deliverableStops) {
    const at = folded.indexOf(stop, start + 1);
    if (at >= 0 && at < end) end = at;
  }
  // A comma before a new verb ends the phrase; a comma inside a list of nouns does not.
  const clause = /,\s+(?=\S+\s)/gu;
  clause.lastIndex = start;
  for (let m = clause.exec(folded); m && m.index < end; m = clause.exec(folded)) {
    if (VERB_AFTER.test(folded.slice(m.index + m[0].length))) {
      end = m.index;
      break;
    }
  }
  const words = text.slice(start, end).trim().split(/\s+/u);
  const phrase = words.slice(0, MAX_WORDS).join(' ').replace(/[\s,;.:]+$/u, '');
  return phrase || null;
}

const VERB_AFTER = new RegExp(`^(?:${alt(cues.actionVerbs)})(?![\\p{L}])`, 'u');
