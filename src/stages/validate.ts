/**
 * validate: the extraction parsed against the contract's schema, every task
 * grounded in the text (its span holds its words, each field's evidence
 * holds the field's words), and warnings for what a reader should check by hand.
 */
import type { Doc, Message } from '../doc/model.ts';
import { Extraction, type Span, type Task } from '../schema.ts';
import { aliasesOf, bodiesOf, findAgencies } from '../lang/gazetteer.ts';
import { foldWords } from '../lang/fold.ts';
import { taskText } from '../doc/clauses.ts';

export function validate(doc: Doc): Doc {
  const messages = [...doc.messages];
  const tasks = doc.tasks ?? [];
  Extraction.parse({ document: doc.header, tasks });
  for (const task of tasks) {
    const { start, end } = task.span;
    if (taskText(doc.text.slice(start, end)) !== task.text) {
      messages.push({ reason: `task ${task.clause}: span does not hold the task's text`, severity: 'fatal', ruleId: 'validate:span', start, end });
    }
    if (!task.responsible.length) {
      messages.push({ reason: `task ${task.clause}: no responsible agency found`, severity: 'warning', ruleId: 'validate:no-responsible', start, end });
    }
    messages.push(...evidenceProblems(doc, task));
    const issued = doc.header?.issuedAt;
    if (issued && task.deadline.kind === 'by' && task.deadline.date && task.deadline.date < issued) {
      messages.push({ reason: `task ${task.clause}: deadline ${task.deadline.date} is before the document's date ${issued}`, severity: 'warning', ruleId: 'validate:past-deadline', start, end, actual: task.deadline.text ?? undefined });
    }
  }
  if (!tasks.length) messages.push({ reason: 'no tasks found', severity: 'warning', ruleId: 'validate:no-tasks', start: 0, end: 0 });
  return { ...doc, messages };
}

/**
 * Each evidence span lies inside the file as read and its words, folded
 * (marks and case off), share a word with its field's value; a name's span
 * may instead hold one of the name's aliases (`TTXVN` for `Thông tấn xã Việt
 * Nam`), as listed or as the gazetteer reads the words (`UBND`).
 */
function evidenceProblems(doc: Doc, task: Task): Message[] {
  const problems: Message[] = [];
  const problem = (field: string, why: string) => problems.push({ reason: `task ${task.clause}: ${field} evidence ${why}`, severity: 'warning', ruleId: 'validate:evidence', ...task.span });
  /** Whether the span holds the words of one of `values`. */
  const check = (field: string, values: string[], span: Span, names: boolean) => {
    const at = `${span.start}-${span.end}`;
    if (span.end <= span.start || span.end > doc.source.length) return problem(field, `${at} is not inside the document`);
    // Repair rewrote damaged words (`hing nim` read as `hằng năm`): its reading of the span counts as the span's words too.
    const words = doc.repaired ? `${doc.source.slice(span.start, span.end)} ${repairedWords(doc, span)}` : doc.source.slice(span.start, span.end);
    const folded = foldWords(words);
    const held = new Set(folded.split(' '));
    const shares = (value: string) => foldWords(value).split(' ').some((w) => held.has(w));
    const alias = (name: string) => aliasesOf(name).some((a) => ` ${folded} `.includes(` ${foldWords(a)} `)) || findAgencies(words).some((m) => bodiesOf(m).includes(name));
    if (!values.some((v) => shares(v) || (names && alias(v)))) problem(field, `${at} ("${doc.source.slice(span.start, span.end)}") shares no word with ${values.map((v) => `"${v}"`).join(', ')}`);
  };
  for (const field of ['responsible', 'coordinating', 'directing'] as const) {
    const names = task[field];
    const spans = task.evidence[field];
    // A name whose words were not found has no span (its reason says so): the spans no longer pair with the names one to one.
    if (spans.length !== names.length) problem(field, `has ${spans.length} spans for ${names.length} names`);
    spans.forEach((span, k) => check(field, spans.length === names.length ? [names[k]] : names, span, true));
  }
  if (task.evidence.deadline) check('deadline', [task.deadline.text ?? ''], task.evidence.deadline, false);
  if (task.evidence.deliverable) check('deliverable', [task.deliverable ?? ''], task.evidence.deliverable, false);
  return problems;
}

/** The working text over a span of the source: what repair made of the words as read. */
function repairedWords(doc: Doc, span: Span): string {
  let start = 0;
  while (start < doc.text.length && doc.toSource[start] < span.start) start++;
  let end = start;
  while (end < doc.text.length && doc.toSource[end] < span.end) end++;
  return doc.text.slice(start, end);
}
