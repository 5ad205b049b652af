/**
 * A task's appearances across notices: when a notice is stored, `diff`
 * pairs its tasks with those of related stored notices, and each pair
 * becomes a link from the earlier notice's task to the later one's.
 *
 * Which stored notices are related, as the genre has it: a follow-up that
 * repeats or re-dates tasks cites the notice it follows by number
 * (`thực hiện Thông báo số 123/TB-VPCP`), so a cited notice is always
 * compared and its pairs kept. A draft and its adoption cite nothing and
 * need not even share the issuer's wording (17-TB's draft is headed by the
 * committee's standing office, the adopted text by the committee), but they
 * give the same agencies the same work; so the few notices sharing most of
 * the new one's responsible agencies are diffed too, and linked only when
 * diff pairs most of the shorter task list, as it does for versions of one
 * text (and a cheap count of shared word pairs spares the diff of notices
 * that are not). Comparing against every stored notice would cost a diff
 * per notice stored on every add. Which of the two is the earlier: see
 * `storedIsEarlier`.
 */
import type { Comparable, ComparedTask } from '../diff/align.ts';
import { foldMarks, foldNumber } from '../lang/fold.ts';
import { diffDocs } from '../diff/index.ts';
import type { TaskSide } from '../diff/schema.ts';
import type { Clause, ClauseKind } from '../doc/model.ts';
import type { DocumentHeader } from '../schema.ts';
import { citedNumbers } from './record.ts';
import type { ClauseRow, DocumentRecord, Relate, StoredDocument, TaskHit, TaskLink } from './types.ts';

/** Stored notices diffed against a new one besides those it cites: the top of the agency ranking. */
export const RELATED_LIMIT = 5;
/** Share of the shorter task list diff must pair for two notices, neither citing the other, to be linked. */
export const SAME_TEXT = 0.5;
/**
 * Share of the shorter notice's word pairs the other must hold for diff to
 * be worth running when neither cites the other. Over the 1,653 pairs of
 * the corpus' 58 documents, versions of one text (a draft and its adoption,
 * a report and the notice that adopted its tasks, a stripped copy) hold
 * 0.91–1.00, the most alike of the others 0.65, and 1,605 pairs less than 0.4.
 */
export const SHARED_WORDS = 0.4;

/** What `Store.put` needs to link a new document's tasks to those of the stored ones. */
export function relateFor(record: DocumentRecord): Relate {
  const agencies = new Set(record.tasks.flatMap((t) => t.agencies.filter((a) => a.role === 'responsible').map((a) => a.key)));
  const added = { path: record.path, header: record.header, text: record.text, clauses: record.clauses, tasks: record.tasks.map((t) => t.hit), cites: record.cites };
  return {
    query: { cites: record.cites, agencies: [...agencies], limit: RELATED_LIMIT },
    link: (related) => related.flatMap((stored) => linksBetween(stored, added)),
  };
}

/** Whether `a` cites `b` by number (`a` already cited, as its record holds them). */
function cites(a: readonly string[], b: DocumentHeader): boolean {
  return b.number !== null && a.includes(foldNumber(b.number));
}

/**
 * A notice that cites another comes after it, whatever dates were read;
 * otherwise an undated document (a draft, a copy without its header)
 * precedes the issued text, dated ones go by date, and on the same date, or
 * when neither is dated, the one stored first is the earlier.
 */
export function storedIsEarlier(stored: { header: DocumentHeader; cites: readonly string[] }, added: { header: DocumentHeader; cites: readonly string[] }): boolean {
  if (cites(added.cites, stored.header)) return true;
  if (cites(stored.cites, added.header)) return false;
  if (stored.header.issuedAt === null || added.header.issuedAt === null) return stored.header.issuedAt === null;
  return stored.header.issuedAt <= added.header.issuedAt;
}

type Side = Omit<StoredDocument, 'tasks'> & { tasks: Omit<TaskHit, 'document' | 'source'>[] };

/** The links between a stored document and the one being added (with the numbers it cites), earlier task first. */
export function linksBetween(stored: Side, added: Side & { cites: readonly string[] }): TaskLink[] {
  const storedCites = citedNumbers(stored.text, stored.header.number);
  const [earlier, later] = storedIsEarlier({ ...stored, cites: storedCites }, added) ? [stored, added] : [added, stored];
  const cited = cites(added.cites, stored.header) || cites(storedCites, added.header);
  if (!cited && sharedWords(earlier, later) < SHARED_WORDS) return [];
  const result = diffDocs(toDoc(earlier), toDoc(later));
  const paired = result.changes.filter((c) => c.old.length && c.new.length);
  if (!cited) {
    const side = earlier.tasks.length <= later.tasks.length ? 'old' : 'new';
    const shorter = Math.min(earlier.tasks.length, later.tasks.length);
    if (paired.reduce((n, c) => n + c[side].length, 0) < SAME_TEXT * shorter) return [];
  }
  const earlierId = idsBySpan(earlier);
  const laterId = idsBySpan(later);
  return paired.flatMap((c) => c.old.flatMap((o) => c.new.map((n) => ({
    earlier: earlierId(o), later: laterId(n), change: c.types.join(' '), earlierSource: earlier.path, laterSource: later.path,
  }))))
    // A task id in both (a document added twice under two paths) is one task, not a link.
    .filter((l) => l.earlier !== l.later);
}

/** Share of the word pairs of one side's tasks (the side with fewer) found in the other's: cheap beside a diff. */
function sharedWords(a: Side, b: Side): number {
  const pairs = (side: Side) => {
    const set = new Set<string>();
    for (const t of side.tasks) {
      const words = foldMarks(t.text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      for (let k = 1; k < words.length; k++) set.add(`${words[k - 1]} ${words[k]}`);
    }
    return set;
  };
  const [x, y] = [pairs(a), pairs(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const p of small) if (large.has(p)) shared++;
  return small.size ? shared / small.size : 0;
}

/** A diff side's task id, found by its span (unique within a document, unlike clause paths in drafts). */
function idsBySpan(side: Side): (t: TaskSide) => string {
  const ids = new Map(side.tasks.map((t) => [`${t.span.start}:${t.span.end}`, t.id]));
  return (t) => ids.get(`${t.span.start}:${t.span.end}`)!;
}

/** A stored document as `diffDocs` reads it: header, working text, clause tree and tasks. */
function toDoc(side: Side): Comparable {
  const tasks = side.tasks.map((t): ComparedTask => {
    const { sourceSpan, ...task } = t;
    return sourceSpan ? { ...task, sourceSpan } : task;
  });
  return { path: side.path, text: side.text, header: side.header, root: tree(side.clauses), tasks };
}

/** The clause tree from its rows (in document order, each naming its parent's position). */
function tree(rows: readonly ClauseRow[]): Clause | undefined {
  const clauses = rows.map((r): Clause => ({ kind: r.kind as ClauseKind, label: r.label, path: r.path, start: r.start, end: r.end, children: [] }));
  rows.forEach((r, k) => r.parentOrd !== null && clauses[r.parentOrd].children.push(clauses[k]));
  return clauses[0];
}
