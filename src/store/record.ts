/** Turns an extracted Doc into the rows the store keeps (the same for every back end). */
import type { Clause, Doc } from '../doc/model.ts';
import type { Task } from '../schema.ts';
import { foldNumber, foldWords } from '../lang/fold.ts';
import { ROLES, type ClauseRow, type DocumentRecord, type TaskRow } from './types.ts';

/**
 * A document number as cited in running text: digits, then `-` or `/`
 * segments of which one at least has a capital (`123/TB-VPCP`,
 * `17-TB/CQTTBCĐ`, `2600/TTg-KTTH`), so dates (`16/3/2026`) are not numbers.
 */
const CITED_NUMBER = /(?<![\p{L}\p{N}])\d+(?:[-/][\p{L}\p{N}.&]+)*[-/][\p{L}\p{N}.&]*\p{Lu}[\p{L}\p{N}.&]*(?:[-/][\p{L}\p{N}.&]+)*/gu;

/** Number keys of the documents a text cites, without `own`. */
export function citedNumbers(text: string, own: string | null): string[] {
  const keys = new Set([...text.matchAll(CITED_NUMBER)].map((m) => foldNumber(m[0].replace(/\.$/u, ''))));
  if (own) keys.delete(foldNumber(own));
  return [...keys];
}

export function toRecord(doc: Doc, path: string, hash: string, pipelineVersion: string): DocumentRecord {
  const header = doc.header!;
  return {
    text: doc.text,
    cites: citedNumbers(doc.text, header.number),
    path,
    hash,
    pipeline: doc.pipeline ?? 'unknown',
    pipelineVersion,
    header,
    numberKey: header.number ? foldNumber(header.number) : null,
    clauses: doc.root ? flatten(doc.root) : [],
    tasks: taskRows(doc.tasks ?? []),
  };
}

/** The rows of a task list: the extracted one, or a person's corrected one. */
export function taskRows(tasks: readonly Task[]): TaskRow[] {
  return tasks.map((task, ord): TaskRow => {
    const agencies = ROLES.flatMap((role) => task[role].map((agency) => ({ role, agency, key: foldWords(agency) })));
    return {
      ord,
      hit: {
        id: task.id,
        clause: task.clause,
        text: task.text,
        span: task.span,
        sourceSpan: task.sourceSpan ?? null,
        responsible: task.responsible,
        coordinating: task.coordinating,
        directing: task.directing,
        deadline: task.deadline,
        deliverable: task.deliverable,
        confidence: task.confidence,
      },
      search: foldWords([task.text, task.deliverable ?? '', ...agencies.map((a) => a.agency)].join(' ')),
      // One row per (role, agency): a name listed twice in a role is one fact.
      agencies: agencies.filter((a, i) => agencies.findIndex((b) => b.role === a.role && b.key === a.key) === i),
    };
  });
}

/** The clause tree in document order; each row names its parent's position. */
function flatten(root: Clause): ClauseRow[] {
  const rows: ClauseRow[] = [];
  const visit = (clause: Clause, parentOrd: number | null) => {
    const ord = rows.length;
    rows.push({ ord, parentOrd, path: clause.path, kind: clause.kind, label: clause.label, start: clause.start, end: clause.end });
    for (const child of clause.children) visit(child, ord);
  };
  visit(root, null);
  return rows;
}
