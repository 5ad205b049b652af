/**
 * Which task of OLD became which task of NEW. Clause paths are no key: an
 * adopted text re-letters points, turns dashes into `(1)`, merges items and
 * moves them between sections. Tasks are paired by what they say (blind to
 * diacritics, case and punctuation), with the agencies, the deadline and the
 * place in the tree breaking ties; items left over are then paired in the gaps
 * between anchors, attached to a neighbour they were merged into or split
 * from, or reported dropped and added.
 */
import type { Clause, Doc } from '../doc/model.ts';
import type { Task } from '../schema.ts';
import { headOf, walk } from '../doc/clauses.ts';
import type { Section } from './schema.ts';
import { foldMarks } from '../lang/fold.ts';

/** What diff reads of a task: what a stored task keeps too (store/link.ts diffs stored notices). */
export type ComparedTask = Pick<Task, 'clause' | 'text' | 'span' | 'sourceSpan' | 'responsible' | 'coordinating' | 'directing' | 'deadline'>;

/** What diff reads of a document: any Doc, or a stored document rebuilt from its rows. */
export type Comparable = Pick<Doc, 'path' | 'text' | 'root' | 'header'> & { tasks?: ComparedTask[] };

export interface Item {
  task: ComparedTask;
  /** Clause path, `#n` for the n-th task with a path already seen. */
  key: string;
  section: Section;
  /** Folded words (no diacritics, case or punctuation) of what the task asks, agencies left out. */
  words: string[];
}

/** Tasks that correspond: one to one, many to one (merged), one to many (split), or one side empty. */
export interface Group {
  old: number[];
  new: number[];
  similarity: number;
  /** NEW's section is not the one OLD's section became. */
  moved: boolean;
}

export interface Alignment {
  old: Item[];
  new: Item[];
  groups: Group[];
}

/** Words this alike make two tasks the same task, wherever they stand. */
const MATCH = 0.5;
/** Likeness plus context this high pairs tasks that position or mutual preference already suggests. */
const SECOND = 0.3;
/** Words this alike pair two leftovers that prefer each other to any other (and share their lead). */
const MOVED = 0.2;
/** Share of a task's weighted words found in a neighbour's partner that makes it merged into (or split from) it. */
const CONTAINED = 0.3;
/** Most tasks on either side of a gap between anchors for position to pair them. */
const GAP = 3;
/** How far apart (in tasks) items merged into one may stand. */
const NEAR = 2;
/** Section headings this alike are the same section, however renumbered. */
const SAME_HEADING = 0.6;

function words(text: string): string[] {
  return foldMarks(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * A task's words and its word pairs (the sequence: Vietnamese words are
 * mostly two syllables, and order tells `xây dựng chỉ số` from a list that
 * merely contains those syllables), each weighted by rarity: what every task
 * says (`chủ trì, phối hợp với`, the agencies' names) tells little about which
 * task it is.
 */
class Profile {
  readonly words = new Map<string, number>();
  readonly pairs = new Map<string, number>();
  readonly wordWeight: number;
  readonly pairWeight: number;

  constructor(words: string[], idf: Idf) {
    words.forEach((w, k) => {
      add(this.words, w);
      if (k > 0) add(this.pairs, `${words[k - 1]} ${w}`);
    });
    this.wordWeight = weigh(this.words, idf);
    this.pairWeight = weigh(this.pairs, idf);
  }
}

type Idf = (unit: string) => number;

const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

function weigh(units: Map<string, number>, idf: Idf): number {
  let w = 0;
  for (const [u, n] of units) w += n * idf(u);
  return w;
}

/** Every unit weighs the same (headings are too few for rarity to mean anything). */
const flat: Idf = () => 1;

/** Inverse document frequency of words and word pairs over the tasks of both documents. */
function idfOver(texts: string[][]): Idf {
  const df = new Map<string, number>();
  for (const ws of texts) {
    const units = new Set(ws);
    for (let k = 1; k < ws.length; k++) units.add(`${ws[k - 1]} ${ws[k]}`);
    for (const u of units) add(df, u);
  }
  const n = texts.length;
  return (u) => Math.log((n + 1) / ((df.get(u) ?? 0) + 0.5));
}

/** Weight of the units two profiles have in common. */
function common(a: Map<string, number>, b: Map<string, number>, idf: Idf): number {
  let w = 0;
  for (const [u, n] of a) w += Math.min(n, b.get(u) ?? 0) * idf(u);
  return w;
}

const dice = (shared: number, total: number) => (total ? (2 * shared) / total : 0);

/** Likeness of two tasks' words, 0–1: weighted Dice over words and over word pairs, averaged. */
function similarity(a: Profile, b: Profile, idf: Idf): number {
  if (!a.words.size || !b.words.size) return a.words.size === b.words.size ? 1 : 0;
  const words = dice(common(a.words, b.words, idf), a.wordWeight + b.wordWeight);
  const pairs = dice(common(a.pairs, b.pairs, idf), a.pairWeight + b.pairWeight);
  return (words + pairs) / 2;
}

/** Share of `part`'s weighted words and word pairs found in `whole`. */
function containment(part: Profile, whole: Profile, idf: Idf): number {
  const total = part.wordWeight + part.pairWeight;
  return total ? (common(part.words, whole.words, idf) + common(part.pairs, whole.pairs, idf)) / total : 0;
}

function items(doc: Comparable): Item[] {
  const sections = sectionsOf(doc);
  const seen = new Map<string, number>();
  return (doc.tasks ?? []).map((task) => {
    const n = (seen.get(task.clause) ?? 0) + 1;
    seen.set(task.clause, n);
    return {
      task,
      key: n > 1 ? `${task.clause}#${n}` : task.clause,
      section: sectionAt(sections, task),
      words: contentWords(task),
    };
  });
}

/** Role phrases that say who does the task, not what it is. */
const ROLES = [['chu', 'tri'], ['phoi', 'hop', 'voi']];

/**
 * The task's words without its agencies' names and role phrases: those are
 * compared as fields, and left in the text they make any two tasks of the
 * same agency look alike.
 */
function contentWords(task: ComparedTask): string[] {
  const runs = [...ROLES, ...[...task.responsible, ...task.coordinating, ...task.directing].map(words)].filter((r) => r.length);
  const all = words(task.text);
  const kept: string[] = [];
  for (let k = 0; k < all.length; ) {
    const run = runs.find((r) => r.every((w, d) => all[k + d] === w));
    if (run) k += run.length;
    else kept.push(all[k++]);
  }
  return kept;
}

interface Placed {
  path: string;
  start: number;
  section: Section;
}

/**
 * Every clause with the section it belongs to: its nearest numbered point
 * above it, or the part (appendix, root) when there is none.
 */
function sectionsOf(doc: Comparable): Placed[] {
  const placed: Placed[] = [];
  if (!doc.root) return placed;
  const heading = (c: Clause) => headOf(c, doc.text).split('\n')[0].trim();
  walk(doc.root, (node, ancestors) => {
    const point = [...ancestors].reverse().find((c) => c.kind === 'point');
    const outer = point ?? [...ancestors].reverse().find((c) => c.kind !== 'para') ?? node;
    placed.push({ path: node.path, start: node.start, section: { path: outer.path, heading: heading(outer) } });
  });
  return placed;
}

/**
 * The clause with the task's path that starts last before its words (drafts
 * repeat paths); for paragraphs, whose task paths the tree does not hold
 * (`II.p1`), the clause the words start in.
 */
function sectionAt(placed: Placed[], task: ComparedTask): Section {
  const before = placed.filter((p) => p.start <= task.span.start);
  const last = (ps: Placed[]) => ps.reduce<Placed | undefined>((m, p) => (!m || p.start >= m.start ? p : m), undefined);
  return (last(before.filter((p) => p.path === task.clause)) ?? last(before))?.section ?? { path: '', heading: '' };
}

/** What every pass reads and writes: both sides, their likeness, and who is paired with whom. */
interface State {
  a: Item[];
  b: Item[];
  idf: Idf;
  sim: number[][];
  /** Likeness plus context (agencies, deadline, section, position). */
  score: (i: number, j: number) => number;
  sectionPair: Map<string, string>;
  /** Partner index on the other side, -1 when none. */
  oldPartner: number[];
  newPartner: number[];
}

export function align(oldDoc: Comparable, newDoc: Comparable): Alignment {
  const a = items(oldDoc);
  const b = items(newDoc);
  const idf = idfOver([...a, ...b].map((x) => x.words));
  const pa = a.map((x) => new Profile(x.words, idf));
  const pb = b.map((y) => new Profile(y.words, idf));
  const sectionPair = pairSectionsByHeading(a, b);
  const sim = pa.map((x) => pb.map((y) => similarity(x, y, idf)));
  const score = (i: number, j: number) => sim[i][j] + context(a[i], b[j], sectionPair, i / a.length - j / b.length);
  const s: State = { a, b, idf, sim, score, sectionPair, oldPartner: a.map(() => -1), newPartner: b.map(() => -1) };

  anchor(s);
  fillGaps(s);
  const groups = joinMergedAndSplit(s, pa, pb);
  pairLeftovers(s, groups);

  const all = [...groups.values()];
  for (const g of all) {
    g.old.sort((p, q) => p - q);
    g.new.sort((p, q) => p - q);
    g.similarity = similarity(new Profile(g.old.flatMap((i) => a[i].words), idf), new Profile(g.new.flatMap((j) => b[j].words), idf), idf);
  }
  s.oldPartner.forEach((j, i) => j < 0 && all.push({ old: [i], new: [], similarity: 0, moved: false }));
  s.newPartner.forEach((i, j) => i < 0 && all.push({ old: [], new: [j], similarity: 0, moved: false }));

  const sections = pairSections(a, b, all, sectionPair);
  for (const g of all) {
    if (g.old.length && g.new.length) g.moved = sections.get(a[g.old[0]].section.path) !== b[g.new[0]].section.path;
  }
  return { old: a, new: b, groups: all };
}

function link(s: State, i: number, j: number): void {
  s.oldPartner[i] = j;
  s.newPartner[j] = i;
}

/** Link free pairs from the best score down. */
function linkGreedy(s: State, candidates: { i: number; j: number }[]): void {
  const scored = candidates.map((c) => ({ ...c, score: s.score(c.i, c.j) })).sort((p, q) => q.score - p.score);
  for (const c of scored) if (s.oldPartner[c.i] < 0 && s.newPartner[c.j] < 0) link(s, c.i, c.j);
}

/** 1. Anchors: pairs alike enough in words alone. */
function anchor(s: State): void {
  const candidates: { i: number; j: number }[] = [];
  s.a.forEach((_, i) => s.b.forEach((_, j) => s.sim[i][j] >= MATCH && candidates.push({ i, j })));
  linkGreedy(s, candidates);
}

/** 2. Tasks left between the same two anchors on both sides: the same slot, rewritten, when context agrees. */
function fillGaps(s: State): void {
  for (const [olds, news] of gaps(s.oldPartner, s.newPartner)) {
    // Between distant anchors position says nothing.
    if (olds.length > GAP || news.length > GAP) continue;
    linkGreedy(s, olds.flatMap((i) => news.filter((j) => s.score(i, j) >= SECOND).map((j) => ({ i, j }))));
  }
}

/**
 * 3. A leftover whose words sit inside the partner of a task next to it in
 * the same list was merged into it (or, from NEW, split from it).
 */
function joinMergedAndSplit(s: State, pa: Profile[], pb: Profile[]): Map<number, Group> {
  const groups = new Map<number, Group>();
  s.oldPartner.forEach((j, i) => j >= 0 && groups.set(i, { old: [i], new: [j], similarity: 0, moved: false }));
  const near = (xs: Item[], k: number, m: number) => Math.abs(k - m) <= NEAR && parent(xs[k]) === parent(xs[m]);

  s.oldPartner.forEach((_, i) => {
    if (s.oldPartner[i] >= 0) return;
    const host = bestHost(pa[i], pb, s.idf, (j) => {
      const g = groups.get(s.newPartner[j]);
      return !!g && g.new.length === 1 && near(s.a, i, g.old[0]);
    });
    if (host < 0) return;
    groups.get(s.newPartner[host])!.old.push(i);
    s.oldPartner[i] = host;
  });
  s.newPartner.forEach((_, j) => {
    if (s.newPartner[j] >= 0) return;
    const host = bestHost(pb[j], pa, s.idf, (i) => {
      const g = groups.get(i);
      return !!g && g.old.length === 1 && near(s.b, j, g.new[0]);
    });
    if (host < 0) return;
    groups.get(host)!.new.push(j);
    s.newPartner[j] = s.oldPartner[host];
  });
  return groups;
}

/**
 * 4. Anywhere else (a task moved to another section, where neither section
 * nor position speaks for it): leftovers that are each other's best match
 * and have the same lead agency.
 */
function pairLeftovers(s: State, groups: Map<number, Group>): void {
  const olds = s.oldPartner.flatMap((j, i) => (j < 0 ? [i] : []));
  const news = s.newPartner.flatMap((i, j) => (i < 0 ? [j] : []));
  const best = (xs: number[], f: (x: number) => number) => xs.reduce((m, x) => (f(x) > f(m) ? x : m), xs[0]);
  for (const i of olds) {
    if (!news.length) return;
    const j = best(news, (n) => s.sim[i][n]);
    const credible = s.sim[i][j] >= MOVED && sameSet(s.a[i].task.responsible, s.b[j].task.responsible);
    if (!credible || best(olds, (o) => s.sim[o][j]) !== i || s.newPartner[j] >= 0) continue;
    link(s, i, j);
    groups.set(i, { old: [i], new: [j], similarity: 0, moved: false });
  }
}

const parent = (x: Item) => x.task.clause.replace(/\.[^.]*$/u, '');

/** Small boosts that decide between equally worded candidates. */
function context(x: Item, y: Item, sectionPair: Map<string, string>, drift: number): number {
  let bonus = 0;
  if (sameSet(x.task.responsible, y.task.responsible)) bonus += 0.05;
  if (x.task.deadline.kind === y.task.deadline.kind && x.task.deadline.date === y.task.deadline.date) bonus += 0.03;
  if (sectionPair.get(x.section.path) === y.section.path) bonus += 0.05;
  return bonus + 0.05 * Math.max(0, 1 - 4 * Math.abs(drift));
}

function sameSet(a: string[], b: string[]): boolean {
  const fa = new Set(a.map(foldMarks));
  const fb = new Set(b.map(foldMarks));
  return fa.size === fb.size && [...fa].every((x) => fb.has(x));
}

/** Runs of unpaired tasks between consecutive anchors, OLD indices with NEW indices. */
function gaps(oldPartner: number[], newPartner: number[]): [number[], number[]][] {
  const out: [number[], number[]][] = [];
  let prevOld = -1;
  let prevNew = -1;
  for (let i = 0; i <= oldPartner.length; i++) {
    const j = i < oldPartner.length ? oldPartner[i] : newPartner.length;
    if (j < 0) continue;
    // Only anchors that keep their order frame a gap: a crossing one is a move.
    if (j > prevNew) {
      const olds = range(prevOld + 1, i).filter((k) => oldPartner[k] < 0);
      const news = range(prevNew + 1, j).filter((k) => newPartner[k] < 0);
      if (olds.length && news.length) out.push([olds, news]);
      prevNew = j;
    }
    prevOld = i;
  }
  return out;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** The task of `others` (allowed by `ok`) holding most of `x`'s words; -1 if none holds enough. */
function bestHost(x: Profile, others: Profile[], idf: Idf, ok: (k: number) => boolean): number {
  let best = -1;
  let bestShare = CONTAINED;
  others.forEach((y, k) => {
    if (!ok(k)) return;
    const share = containment(x, y, idf);
    if (share >= bestShare) {
      best = k;
      bestShare = share;
    }
  });
  return best;
}

/** Sections paired by their headings (`2. Về hoàn thiện thể chế` whatever its number). */
function pairSectionsByHeading(a: Item[], b: Item[]): Map<string, string> {
  const heads = (xs: Item[]) => [...new Map(xs.map((x) => [x.section.path, new Profile(words(x.section.heading), flat)])).entries()];
  const pairs: { from: string; to: string; score: number }[] = [];
  for (const [from, ha] of heads(a)) for (const [to, hb] of heads(b)) pairs.push({ from, to, score: similarity(ha, hb, flat) });
  pairs.sort((p, q) => q.score - p.score);
  const map = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (p.score < SAME_HEADING || map.has(p.from) || taken.has(p.to)) continue;
    map.set(p.from, p.to);
    taken.add(p.to);
  }
  return map;
}

/**
 * Sections paired by heading, then an unpaired section by where most of its
 * tasks went, when at least two did: one task alone going elsewhere is a move.
 */
function pairSections(a: Item[], b: Item[], groups: Group[], byHeading: Map<string, string>): Map<string, string> {
  const map = new Map(byHeading);
  const votes = new Map<string, Map<string, number>>();
  for (const g of groups) {
    if (!g.old.length || !g.new.length) continue;
    const from = a[g.old[0]].section.path;
    const to = b[g.new[0]].section.path;
    const v = votes.get(from) ?? new Map<string, number>();
    v.set(to, (v.get(to) ?? 0) + 1);
    votes.set(from, v);
  }
  const taken = new Set(map.values());
  for (const [from, v] of votes) {
    if (map.has(from)) continue;
    const [to, n] = [...v.entries()].sort((p, q) => q[1] - p[1])[0];
    if (n >= 2 && !taken.has(to)) map.set(from, to);
  }
  return map;
}
