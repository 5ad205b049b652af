/**
 * validate: the extraction parsed against the contract's schema, every task
 * grounded in the text (its span holds its words), and warnings for what a
 * reader should check by hand.
 */
import type { Doc } from '../model.ts';
import { Extraction } from '../schema.ts';
import { taskText } from './extract.ts';

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
    const issued = doc.header?.issuedAt;
    if (issued && task.deadline.kind === 'by' && task.deadline.date && task.deadline.date < issued) {
      messages.push({ reason: `task ${task.clause}: deadline ${task.deadline.date} is before the document's date ${issued}`, severity: 'warning', ruleId: 'validate:past-deadline', start, end, actual: task.deadline.text ?? undefined });
    }
  }
  if (!tasks.length) messages.push({ reason: 'no tasks found', severity: 'warning', ruleId: 'validate:no-tasks', start: 0, end: 0 });
  return { ...doc, messages };
}
