/**
 * extract: the tasks of a clause tree (CONTRACT.md "What a task is"), with
 * context flowing down from headers: responsible, coordinating and directing
 * agencies, deadline, deliverable.
 */
import type { Clause, Doc } from '../model.ts';
import { sourceSpan } from '../model.ts';
import type { Deadline, Task } from '../schema.ts';
import { chooseDeadline, findDeadlines, NO_DEADLINE } from '../deadline.ts';
import { foldName } from '../gazetteer.ts';
import { hasActionVerb, readRoles, type Roles } from '../roles.ts';
import { findDeliverable } from '../deliverable.ts';
import { headOf } from './segment.ts';
import cues from '../../data/cues.json' with { type: 'json' };

export interface ExtractOptions {
  /** Only clauses under this path hold tasks (a report's Part II: `II`). @default whole body */
  readonly scope?: string | null;
  /** Or: only the Roman part whose heading has these words (`NHIỆM VỤ`). */
  readonly scopeHeading?: string;
}

interface Context {
  responsible: string[];
  coordinating: string[];
  directing: string[];
  deadline: Deadline | null;
  /** The section reports results or problems, not directives. */
  narrative: boolean;
}

const NOT_TASK = cues.notTask.map((p) => new RegExp(p, 'u'));
const wordsRe = (words: string[]) => new RegExp(`(?<![\\p{L}])(?:${words.join('|')})(?![\\p{L}])`, 'u');
const NARRATIVE_SECTION = wordsRe(cues.nonDirectiveSections);
const DIRECTIVE_SECTION = wordsRe(cues.directiveSections);
const ROOT_DIRECTIVE = /(?<![\p{L}])(?:yêu cầu|đề nghị|giao)\s+(?:các|bộ|ban|văn phòng|cơ quan|đảng|chính phủ|ủy ban|thủ tướng)/u;
const CONTAINER_KINDS = new Set(['sub', 'dash', 'plus', 'letter', 'point']);

export function extract(doc: Doc, options: ExtractOptions = {}): Doc {
  if (!doc.root) throw new Error('extract needs a segmented document');
  const tasks: Task[] = [];
  const scope = options.scope ?? (options.scopeHeading ? partHeaded(doc, options.scopeHeading) : null);
  const number = doc.header?.number ?? '';
  const visit = (node: Clause, ctx: Context) => {
    const inScope = !scope || node.path === scope || node.path.startsWith(`${scope}.`) || node.kind === 'root';
    if (!inScope || node.kind === 'recipients') return;
    const head = headOf(node, doc.text);
    const subs = node.children.filter((c) => c.kind === 'sub');
    const isContainer = node.children.some((c) => CONTAINER_KINDS.has(c.kind));
    const ownContext = node.kind === 'root' ? ctx : contextOf(head, ctx, node);
    if (!isContainer && node.kind !== 'root' && node.kind !== 'appendix' && node.kind !== 'part') {
      const task = readTask(doc, node, node.start, node.end, ctx, number);
      if (task) tasks.push(task);
    }
    const shared = subs.length ? sharedDeadline(doc.text, subs[subs.length - 1]) : null;
    const paraCount = { n: 0 };
    let own = ownContext;
    for (const child of node.children) {
      if (child.kind === 'para') {
        if (scope && !(node.path === scope || node.path.startsWith(`${scope}.`))) continue;
        // A paragraph ending in a colon introduces the items after it: its last sentence is their context.
        const intro = introSentence(doc.text, child);
        const before = own;
        if (intro !== null) own = contextOf(doc.text.slice(intro, child.end), own, child);
        const end = intro ?? child.end;
        // Above the first clause the root holds the preamble: a task there must be assigned in words.
        if (node.kind === 'root' && !ROOT_DIRECTIVE.test(foldName(doc.text.slice(child.start, end)))) continue;
        const task = readTask(doc, child, child.start, end, before, number, () => `${node.path ? `${node.path}.` : ''}p${++paraCount.n}`);
        if (task) tasks.push(task);
        continue;
      }
      if (child.kind === 'sub') {
        const end = shared && child === subs[subs.length - 1] ? shared.cut : child.end;
        const task = readTask(doc, child, child.start, end, { ...own, deadline: shared?.deadline ?? own.deadline }, number);
        if (task) tasks.push(task);
        continue;
      }
      visit(child, own);
    }
  };
  visit(doc.root, { responsible: [], coordinating: [], directing: [], deadline: null, narrative: false });
  return { ...doc, tasks };
}

function partHeaded(doc: Doc, words: string): string | null {
  const wanted = foldName(words);
  const part = doc.root!.children.find((c) => c.kind === 'part' && foldName(doc.text.slice(c.start, c.end)).includes(wanted));
  return part?.path ?? null;
}

/** What a heading passes down to the items under it. */
function contextOf(head: string, ctx: Context, node: Clause): Context {
  const folded = foldName(head);
  let narrative = ctx.narrative;
  if (node.kind === 'part' || node.kind === 'point' || node.kind === 'appendix') {
    if (DIRECTIVE_SECTION.test(folded)) narrative = false;
    else if (NARRATIVE_SECTION.test(folded)) narrative = true;
  }
  const roles = readRoles(head);
  const deadline = chooseDeadline(findDeadlines(head));
  return {
    responsible: roles.responsible.length ? roles.responsible : ctx.responsible,
    coordinating: roles.coordinating.length ? roles.coordinating : roles.responsible.length ? [] : ctx.coordinating,
    directing: roles.directing.length ? roles.directing : roles.responsible.length ? [] : ctx.directing,
    deadline: deadline ?? ctx.deadline,
    narrative,
  };
}

/** Where the last sentence of a paragraph that ends in a colon starts; null for other paragraphs. */
function introSentence(text: string, para: Clause): number | null {
  const words = text.slice(para.start, para.end).trimEnd();
  if (!words.endsWith(':')) return null;
  const breaks = [...words.matchAll(/[.;]\s+(?=\p{Lu})/gu)];
  return breaks.length ? para.start + breaks[breaks.length - 1].index! + 1 : para.start;
}

/**
 * A bare deadline sentence after the last sub-item (`Hoàn thành trong quý
 * I/2026.`) is written for all the sub-items: it leaves the last one's text
 * and flows to each.
 */
function sharedDeadline(text: string, last: Clause): { cut: number; deadline: Deadline } | null {
  const own = text.slice(last.start, last.end);
  const sentences = [...own.matchAll(/[.;]\s+(?=\p{Lu})/gu)];
  const at = sentences.length ? sentences[sentences.length - 1].index! + 1 : -1;
  if (at < 0) return null;
  const tail = own.slice(at).trim();
  const deadline = chooseDeadline(findDeadlines(tail));
  if (!deadline || !/^(?:hoàn thành|thời gian|thời hạn|các cơ quan|báo cáo)/u.test(foldName(tail))) return null;
  return { cut: last.start + at, deadline };
}

function readTask(doc: Doc, node: Clause, start: number, end: number, ctx: Context, number: string, paraPath?: () => string): Task | null {
  const raw = doc.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const words = raw.trim();
  const s = start + lead;
  const e = s + words.length;
  if (!words || ctx.narrative || !isDirective(words, ctx)) return null;
  const roles = readRoles(words);
  const merged = mergeRoles(roles, ctx);
  const deadline = chooseDeadline(findDeadlines(words)) ?? ctx.deadline ?? NO_DEADLINE;
  const clause = paraPath ? paraPath() : node.path;
  const confidence = merged.responsible.length ? (roles.responsible.length || ctx.responsible.length ? 0.9 : 0.7) : 0.5;
  return {
    id: `${number}#${clause}`,
    clause,
    text: words,
    span: { start: s, end: e },
    sourceSpan: sourceSpan(doc, s, e),
    responsible: merged.responsible,
    coordinating: merged.coordinating,
    directing: merged.directing,
    deadline,
    deliverable: findDeliverable(words.slice(roles.subjectEnd)),
    confidence,
  };
}

/**
 * An item's own words override what flows down from its header. A later
 * `Giao X …` adds X to the item's own doers, or stands for them when nothing
 * flows down.
 */
function mergeRoles(roles: Roles, ctx: Context): Pick<Roles, 'responsible' | 'coordinating' | 'directing'> {
  if (roles.directedByContext) return { responsible: roles.responsible, coordinating: roles.coordinating, directing: ctx.responsible };
  if (roles.responsible.length) return { responsible: unique([...roles.responsible, ...roles.assigned]), coordinating: roles.coordinating, directing: roles.directing };
  if (!ctx.responsible.length && roles.assigned.length) return { responsible: roles.assigned, coordinating: roles.coordinating, directing: [] };
  return {
    responsible: ctx.responsible,
    coordinating: roles.coordinating.length ? roles.coordinating : ctx.coordinating,
    directing: ctx.directing,
  };
}

const unique = (names: string[]) => [...new Set(names)];

function isDirective(words: string, ctx: Context): boolean {
  const folded = foldName(words);
  if (NOT_TASK.some((re) => re.test(folded))) return false;
  if (!hasActionVerb(words)) return false;
  // A statement of what has been done is a result, not a directive.
  const firstClause = folded.split(/[,;:]/u)[0];
  if (/(?<![\p{L}])(?:đã|vẫn còn|còn nhiều|chưa)(?![\p{L}])/u.test(firstClause) && !ctx.responsible.length) return false;
  return true;
}
