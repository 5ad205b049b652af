/**
 * What the review page reads from a task: the contract's task, whose
 * evidence, field confidences and reasons (src/schema.ts) may be missing in a
 * task list from elsewhere; such a task is reviewed from `span` and
 * `confidence` alone.
 */
import { LOW_CONFIDENCE, TaskField, type Task } from '../schema.ts';

export { LOW_CONFIDENCE };
export const FIELD_NAMES = TaskField.options;
export type FieldName = TaskField;

export type ReviewedTask = Omit<Task, 'evidence' | 'fieldConfidence' | 'reasons'> & Partial<Pick<Task, 'evidence' | 'fieldConfidence' | 'reasons'>>;
