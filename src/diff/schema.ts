/**
 * The diff of two task lists as zod schemas: what `chidao diff` prints as
 * JSON, and the hand-labelled golden diffs it is scored against.
 */
import { z } from 'zod';
import { Deadline, Span } from '../schema.ts';

export const CHANGE_TYPES = ['unchanged', 'reworded', 'redated', 'reassigned', 'added', 'dropped', 'split', 'merged', 'moved'] as const;
export const ChangeType = z.enum(CHANGE_TYPES);
export type ChangeType = z.infer<typeof ChangeType>;

/** One run of a word-level diff: kept, inserted in NEW, or deleted from OLD. */
export const WordPart = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
export type WordPart = z.infer<typeof WordPart>;

export const Section = z.object({
  /** Clause path of the section (a numbered point, or the part when the task sits directly under it). */
  path: z.string(),
  heading: z.string(),
});
export type Section = z.infer<typeof Section>;

/** A task on one side of a change, pointing at its words in that document. */
export const TaskSide = z.object({
  clause: z.string(),
  /** The clause path, with `#n` for the n-th task that repeats a path (drafts number two items `(3)`). */
  key: z.string(),
  section: Section,
  text: z.string(),
  span: Span,
  sourceSpan: Span.optional(),
  responsible: z.array(z.string()),
  coordinating: z.array(z.string()),
  directing: z.array(z.string()),
  deadline: Deadline,
});
export type TaskSide = z.infer<typeof TaskSide>;

/** Names that came and went in one agency field. */
export const AgencyChange = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });

export const Change = z.object({
  /** Never empty; `unchanged` stands alone, the others combine (reworded and redated). */
  types: z.array(ChangeType).min(1),
  /** Empty for `added`; several for `merged`. */
  old: z.array(TaskSide),
  /** Empty for `dropped`; several for `split`. */
  new: z.array(TaskSide),
  /** Text similarity of the two sides, 0–1 (diacritics, case and punctuation ignored). */
  similarity: z.number().min(0).max(1),
  fields: z.object({
    /** Word-level diff of OLD's text (joined when several) into NEW's; set when reworded. */
    text: z.array(WordPart).optional(),
    deadline: z.object({ old: z.array(Deadline), new: z.array(Deadline) }).optional(),
    responsible: AgencyChange.optional(),
    coordinating: AgencyChange.optional(),
    directing: AgencyChange.optional(),
    section: z.object({ old: Section, new: Section }).optional(),
  }),
});
export type Change = z.infer<typeof Change>;

export const DocRef = z.object({
  path: z.string(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  tasks: z.number().int().nonnegative(),
});

export const DiffResult = z.object({
  old: DocRef,
  new: DocRef,
  /** Changes carrying each type (a change with two types counts under both). */
  summary: z.record(ChangeType, z.number().int().nonnegative()),
  changes: z.array(Change),
});
export type DiffResult = z.infer<typeof DiffResult>;

/** A golden diff: changes named by task keys, labelled by reading both documents. */
export const GoldenDiff = z.object({
  old: z.string(),
  new: z.string(),
  keys: z.string().optional(),
  changes: z.array(
    z.object({
      old: z.array(z.string()),
      new: z.array(z.string()),
      types: z.array(ChangeType).min(1),
      note: z.string().optional(),
    }),
  ),
});
export type GoldenDiff = z.infer<typeof GoldenDiff>;
