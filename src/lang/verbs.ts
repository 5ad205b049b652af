/** The genre's directive verbs (`rà soát`, `chủ trì`, `báo cáo` …, data/cues.json actionVerbs), matched on folded words. */
import { foldName } from './gazetteer.ts';
import { alternation } from './words.ts';
import cues from '../../data/cues.json' with { type: 'json' };

export const VERB = new RegExp(`(?<![\\p{L}])(?:${alternation(cues.actionVerbs)})(?![\\p{L}])`, 'u');
/** VERB anchored where lastIndex says (sticky), built once: it is tried at every sentence of every task. */
const VERB_AT = new RegExp(VERB.source, 'uy');

export function startsWithVerb(folded: string, at: number): boolean {
  VERB_AT.lastIndex = at;
  return VERB_AT.test(folded);
}

/** The words open with a directive verb, capitalised or not (`Đánh giá …`, `rà soát …`). */
export function opensWithAction(text: string): boolean {
  return startsWithVerb(foldName(text), 0);
}

export function hasActionVerb(text: string): boolean {
  return VERB.test(foldName(text));
}
