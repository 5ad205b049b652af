/**
 * The output contract (CONTRACT.md) as zod schemas. Everything that leaves the
 * program (extract JSON) or enters it from disk (golden files) is parsed here;
 * inside, the inferred types are trusted.
 */
import { z } from 'zod';

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof Span>;

export const DeadlineKind = z.enum(['by', 'from', 'relative', 'recurring', 'ongoing', 'event', 'none']);
export const Recurrence = z.enum(['weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly']);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Deadline = z.object({
  text: z.string().nullable(),
  kind: DeadlineKind,
  date: IsoDate.nullable(),
  recurrence: Recurrence.nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

/** The fields a task's evidence and per-field confidence cover. */
export const TaskField = z.enum(['responsible', 'coordinating', 'directing', 'deadline', 'deliverable']);
export type TaskField = z.infer<typeof TaskField>;

/** A field whose confidence is below this is "low confidence": a reviewer should check it first. */
export const LOW_CONFIDENCE = 0.6;

export const Evidence = z.object({
  responsible: z.array(Span),
  coordinating: z.array(Span),
  directing: z.array(Span),
  /** The deadline phrase's words; null when `deadline.kind` is `none`. */
  deadline: Span.nullable(),
  deliverable: Span.nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

const Unit = z.number().min(0).max(1);
export const FieldConfidence = z.object({ responsible: Unit, coordinating: Unit, directing: Unit, deadline: Unit, deliverable: Unit });
export type FieldConfidence = z.infer<typeof FieldConfidence>;

/** A message on a field's words (source offsets), with the rule that raised it. */
export const Reason = z.object({ field: TaskField, ruleId: z.string(), reason: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Reason = z.infer<typeof Reason>;

export const Task = z.object({
  id: z.string(),
  clause: z.string(),
  text: z.string(),
  /** Offsets into the working (normalised, repaired) text. */
  span: Span,
  /** The same words' offsets in the input file as read. */
  sourceSpan: Span.optional(),
  responsible: z.array(z.string()),
  coordinating: z.array(z.string()),
  directing: z.array(z.string()),
  deadline: Deadline,
  deliverable: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  /** Where each field's words stand, offsets into the file as read (like `sourceSpan`): one span per name, in the names' order. */
  evidence: Evidence,
  fieldConfidence: FieldConfidence,
  /** Why a field's confidence is what it is: a choice between readings, an unsure repaired word, words not found. */
  reasons: z.array(Reason),
});
export type Task = z.infer<typeof Task>;

export const DocumentHeader = z.object({
  number: z.string().nullable(),
  kind: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedAt: IsoDate.nullable(),
  place: z.string().nullable(),
  title: z.string().nullable(),
  signer: z.string().nullable(),
  /** The `Kính gửi` bodies (a Công điện's `điện:` list), canonical; [] when none. */
  addressees: z.array(z.string()).default([]),
});
export type DocumentHeader = z.infer<typeof DocumentHeader>;

export const Extraction = z.object({
  document: DocumentHeader,
  tasks: z.array(Task),
});
export type Extraction = z.infer<typeof Extraction>;

/**
 * A golden file: labelled by reading the document, so it has no offsets, no
 * evidence and no confidence. `source` names the corpus file it labels.
 */
export const GoldenTask = Task.omit({ span: true, sourceSpan: true, confidence: true, id: true, evidence: true, fieldConfidence: true, reasons: true }).extend({
  id: z.string().optional(),
  note: z.string().optional(),
});
export type GoldenTask = z.infer<typeof GoldenTask>;

export const Golden = z.object({
  source: z.string(),
  /** Restricts scoring to a part of the document (e.g. Part II of a report); null = whole body. */
  scope: z.string().nullable().default(null),
  /**
   * A hand-corrected text of the same document (an OCR'd source read by a
   * person, line for line). `chidao eval` scores it as a row of its own, with
   * no repair, so extraction and repair are measured apart.
   */
  corrected: z.string().optional(),
  /**
   * A copy of the same document with every diacritic stripped
   * (scripts/strip-diacritics.ts), as a scan or a phone keyboard delivers it.
   * `chidao eval` scores it, repaired, as a row of its own against the same
   * labels: what repair costs extraction on text the extractor knows.
   */
  stripped: z.string().optional(),
  document: DocumentHeader,
  tasks: z.array(GoldenTask),
});
export type Golden = z.infer<typeof Golden>;
