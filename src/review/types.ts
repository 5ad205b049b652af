/**
 * What the review page reads from a task beyond the contract's fields: the
 * per-field evidence, confidence and reasons of issue 11 (items 1–2), all in
 * offsets into the file as read, like `task.sourceSpan`. Every member is
 * optional: a task without them is reviewed from `span` and `confidence` alone.
 * The lead unifies these with src/schema.ts when both land.
 */
import type { Span, Task } from '../schema.ts';

export const FIELD_NAMES = ['responsible', 'coordinating', 'directing', 'deadline', 'deliverable'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Where the words stand that made each field: one span per name, in the same order as the names. */
export interface Evidence {
  responsible: Span[];
  coordinating: Span[];
  directing: Span[];
  deadline: Span | null;
  deliverable: Span | null;
}

/** A field's confidence, 0..1. */
export type FieldConfidence = Record<FieldName, number>;

/** Why the extractor chose as it did, or why repair was unsure, on the words it saw. */
export interface FieldReason {
  field: FieldName;
  ruleId: string;
  reason: string;
  start: number;
  end: number;
}

export type ReviewedTask = Task & {
  evidence?: Evidence;
  fieldConfidence?: FieldConfidence;
  reasons?: FieldReason[];
};

/** Below this a field is shown as low-confidence and n/p stop on it. */
export const LOW_CONFIDENCE = 0.6;
