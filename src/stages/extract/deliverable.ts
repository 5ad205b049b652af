/**
 * The deliverable a task names (golden/README.md, "Deliverables: one
 * convention"): the artefact its own actions make — a document, a system put
 * into operation, a unit set up, a one-off report of its own review — as the
 * shortest phrase that names it. Policies, mechanisms and solutions are
 * content, not artefacts, so they are not in the noun lists of
 * data/cues.json `deliverable`.
 */
import cues from '../../../data/cues.json' with { type: 'json' };
import { foldName } from '../../lang/gazetteer.ts';
import { alternation, escapeRegExp } from '../../lang/words.ts';

const D = cues.deliverable;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const words = (list: readonly string[]) => new RegExp(`${B}(?:${alternation(list)})${E}`, 'u');

const NOUN = `(?:${alternation([...D.documents, ...D.systems])})`;
const VERB = `(?:${alternation([...D.makeVerbs, ...D.deployVerbs])})${E}(?:\\s+(?:${alternation(D.recipients)})${E})?`;
const LINK = `(?:\\s*,\\s*|\\s+(?:${alternation(D.chainLinks)})\\s+|\\s+)`;
const BRIDGE = `(?:\\s*:)?(?:\\s*,?\\s+(?:${alternation([...D.adverbs, ...cues.focus])})${E})*\\s+(?:(?:${alternation(D.quantifiers)})\\s+)?(?:\\d+%\\s+)?(?:(?:${alternation(D.quantifiers)})\\s+)?(?:(?:${alternation(D.partOf)})\\s+)?(\\d+\\s+)?`;
/** A chain of verbs, then a count that is part of the name (`4 thủ tục trực tuyến`), then the artefact. */
const MAKES = new RegExp(`${B}(${VERB}(?:${LINK}${VERB}){0,5})${BRIDGE}(${NOUN})${E}`, 'gu');
const MAKE_VERB = words(D.makeVerbs);
const DOCUMENT = new RegExp(`^(?:${alternation(D.documents)})$`, 'u');
const BARE = new RegExp(`^(?:${alternation([...D.documents, ...D.systems])})$`, 'u');
const ENDS_IN_NOUN = new RegExp(`${B}${NOUN}\\s*$`, 'u');
const OPENS_WITH_NOUN = new RegExp(`^${NOUN}${E}`, 'u');
const OPENS_AS_VERB = new RegExp(`^(?:${alternation(D.verbLikeNouns)})${E}`, 'u');
const CLAUSE_INITIAL = new RegExp(`^(?:${alternation(D.clauseInitialVerbs)})${E}`, 'u');
const DEPLOY_FRAME = new RegExp(`${B}${escapeRegExp(D.deployFrame.verb)}$`, 'u');
const DEPLOY_AFTER = words(D.deployFrame.after);
const ISSUES = new RegExp(`${B}(?:${alternation(D.issue.verbs)})$`, 'u');
const PURPOSE = new RegExp(`${B}(?:${alternation(D.purpose)})${E}`, 'gu');
const COORDINATION = new RegExp(`${B}(?:${alternation(D.coordination)})${E}`, 'gu');
const OVERSEEN = new RegExp(`${B}(?:${alternation(D.oversight)})${E}.*${B}(?:${alternation(D.nominalisers)})${E}`, 'u');
const REVIEWED = new RegExp(`${B}${escapeRegExp(D.reviewAmend.review)}(?:\\s*,\\s*|\\s+)(?:(?:${alternation(D.reviewAmend.amend)})(?:\\s*,\\s*|\\s+))*$`, 'u');
const AMEND = new RegExp(`^(?:${alternation(D.reviewAmend.amend)})${E}`, 'u');
const EXCLUDED_SENTENCE = new RegExp(`^(?:${alternation([...D.mannerLeads, ...D.conditionalLeads])})${E}`, 'u');
const DETAIL = new RegExp(`^(?:${alternation(D.detailLeads)})${E}`, 'u');
const ACTION = words(cues.actionVerbs);
const NEXT_IS_VERB = new RegExp(`^(?:${alternation([...cues.actionVerbs, ...D.clauseVerbs])})${E}`, 'u');
const PREV_WAITS = new RegExp(`${B}(?:${alternation(D.sharedObjectVerbs)})$`, 'u');
const REPORT = new RegExp(`${B}${escapeRegExp(D.report.verb)}${E}[^.;]{0,60}?${B}${escapeRegExp(D.report.of)} (${alternation(D.report.findings)})${E}`, 'u');
const RECURRING = words(D.report.recurring);
const SOFT = new Set(D.softStops);
const FRAME = words(D.framedStop.unless);

interface Span {
  start: number;
  end: number;
}

interface Phrase {
  text: string;
  /** It ran to the end of its clause: a list of objects may go on after `;`. */
  reachedEnd: boolean;
}

export interface DeliverableContext {
  /** A numbered sub-item or `+` item: a bare noun phrase is its product. */
  listed?: boolean;
}

export function findDeliverable(text: string, ctx: DeliverableContext = {}): string | null {
  const folded = foldName(text);
  const found: string[] = [];
  for (const sentence of sentences(text)) {
    let carry = false;
    if (EXCLUDED_SENTENCE.test(folded.slice(sentence.start, sentence.end).trimStart())) continue;
    for (const clause of clauses(folded, sentence)) {
      const head = folded.slice(clause.start, clause.end).trimStart();
      const start = clause.end - head.length;
      if (DETAIL.test(head) && found.length) continue;
      const made = makes(text, folded, { start, end: clause.end });
      // `xây dựng Nghị định A; Nghị định B`: one verb, objects listed across semicolons.
      const phrase: Phrase | null = made ?? (carry && OPENS_WITH_NOUN.test(head) ? phraseAt(text, folded, start, clause.end) : null);
      carry = phrase !== null && phrase.reachedEnd;
      if (phrase) add(found, phrase.text);
    }
  }
  if (!found.length && ctx.listed) {
    const lead = folded.trimStart();
    if (OPENS_WITH_NOUN.test(lead) && !OPENS_AS_VERB.test(lead)) {
      const start = folded.length - lead.length;
      const phrase = phraseAt(text, folded, start, folded.length);
      if (phrase) add(found, phrase.text);
    }
  }
  if (!found.length) {
    const report = reportIn(text);
    if (report) found.push(report);
  }
  return found.length ? found.join('; ') : null;
}

/** The first artefact a clause's own verbs make, skipping mentions that are not its output. */
function makes(text: string, folded: string, clause: Span): Phrase | null {
  const body = folded.slice(0, clause.end);
  MAKES.lastIndex = clause.start;
  for (let m = MAKES.exec(body); m; MAKES.lastIndex = m.index + 1, m = MAKES.exec(body)) {
    const [, chain, count = '', noun] = m;
    const nounStart = m.index + m[0].length - noun.length;
    const prefix = folded.slice(clause.start, m.index);
    // A verb right after an artefact noun names it (`kế hoạch triển khai …`, `Chương trình xây dựng luật`).
    if (ENDS_IN_NOUN.test(prefix)) continue;
    if (CLAUSE_INITIAL.test(chain) && prefix.trim() !== '') continue;
    if (inPurpose(prefix) || OVERSEEN.test(prefix)) continue;
    if (AMEND.test(chain) && REVIEWED.test(prefix)) continue;
    // Implementing a plan makes nothing new; only systems and units are rolled out.
    if (DOCUMENT.test(noun) && !MAKE_VERB.test(chain)) continue;
    if (DEPLOY_FRAME.test(chain) && !DEPLOY_AFTER.test(folded.slice(nounStart, clause.end))) continue;
    return phraseAt(text, folded, nounStart - count.length, clause.end, ISSUES.test(chain) ? [D.issue.to] : []);
  }
  return null;
}

/** Inside `để …` / `nhằm …`, unless the clause so far only says with whom (`phối hợp với X để làm Y`). */
function inPurpose(prefix: string): boolean {
  const marks = [...prefix.matchAll(PURPOSE)];
  if (!marks.length) return false;
  const at = marks[marks.length - 1].index!;
  const before = prefix.slice(0, at);
  const partners = [...before.matchAll(COORDINATION)];
  if (!partners.length) return true;
  const after = partners[partners.length - 1];
  return ACTION.test(before.slice(after.index! + after[0].length));
}

/**
 * The phrase from an artefact's head noun to the first word that starts a
 * purpose, manner, predicate, deadline or new clause. A comma or `và` before
 * a verb ends it unless the word before waits for the same object
 * (`Hệ thống giám sát, đánh giá việc …`); a bare head noun (`kế hoạch`) runs
 * on through a purpose or a coordinated action, which is what says which one.
 */
function phraseAt(text: string, folded: string, start: number, limit: number, more: string[] = []): Phrase | null {
  const ends: { at: number; soft: boolean }[] = [{ at: limit, soft: false }];
  for (const stop of [...D.stops, ...more]) {
    const at = folded.indexOf(stop, start + 1);
    if (at < 0 || at >= limit || (stop === D.framedStop.stop && FRAME.test(folded.slice(start, at)))) continue;
    ends.push({ at, soft: SOFT.has(stop) });
  }
  const join = /\s*,\s+|\s+và\s+/gu;
  join.lastIndex = start;
  for (let m = join.exec(folded); m && m.index < limit; m = join.exec(folded)) {
    if (NEXT_IS_VERB.test(folded.slice(m.index + m[0].length)) && !PREV_WAITS.test(folded.slice(start, m.index))) ends.push({ at: m.index, soft: m[0].includes('và') });
  }
  ends.sort((a, b) => a.at - b.at);
  let end = ends[0];
  if (end.soft && BARE.test(folded.slice(start, end.at).trim())) end = ends[1] ?? end;
  const phrase = text.slice(start, end.at).trim().split(/\s+/u).slice(0, D.maxWords).join(' ').replace(/[\s,;.:]+$/u, '');
  return phrase ? { text: phrase, reachedEnd: end.at === limit } : null;
}

/** `Báo cáo Ban Chỉ đạo kết quả rà soát …`: the one-off report of the task's own review. */
function reportIn(text: string): string | null {
  for (const s of sentences(text)) {
    const sentence = foldName(text.slice(s.start, s.end));
    const m = REPORT.exec(sentence);
    if (m && !RECURRING.test(sentence)) return `${D.report.verb} ${D.report.of} ${m[1]}`;
  }
  return null;
}

/** A report sentence after the first sentence of a list's last sub-item (its words), written for every item. */
export function sharedReport(last: string): string | null {
  const first = sentences(last)[0];
  return first ? reportIn(last.slice(first.end)) : null;
}

/** Sentences end at a full stop before a capital or at the end; `...` and `dcs.vn` do not end one. */
function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/(?<!\.)\.\s+(?=\p{Lu})/gu)) {
    out.push({ start, end: m.index! + 1 });
    start = m.index! + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function clauses(folded: string, sentence: Span): Span[] {
  const out: Span[] = [];
  let start = sentence.start;
  for (let at = folded.indexOf(';', start); at >= 0 && at < sentence.end; at = folded.indexOf(';', at + 1)) {
    out.push({ start, end: at });
    start = at + 1;
  }
  out.push({ start, end: sentence.end });
  return out;
}

function add(found: string[], phrase: string): void {
  const key = foldName(phrase);
  // The same artefact named again (`… kế hoạch …; hoàn thành việc ban hành kế hoạch`).
  if (found.some((f) => foldName(f) === key || (BARE.test(key) && foldName(f).startsWith(key)))) return;
  found.push(phrase);
}
