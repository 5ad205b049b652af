/**
 * A corrected task list as the review page exports it: the contract's
 * extraction, a golden file's `source` and `scope`, and who reviewed it when.
 * `chidao corpus add --corrections FILE.json` reads it here, at the edge.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../doc/model.ts';
import { Extraction } from '../schema.ts';

export const Correction = Extraction.extend({
  source: z.string(),
  scope: z.string().nullable().default(null),
  review: z.object({
    by: z.string().nullable(),
    at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date-time'),
    edited: z.array(z.string()).default([]),
    added: z.array(z.string()).default([]),
    wrong: z.array(z.string()).default([]),
  }),
});
export type Correction = z.infer<typeof Correction>;

/** The corrections in a file; one line naming the file and what is wrong otherwise. */
export function readCorrection(file: string): Correction {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, code ? `cannot be read (${code})` : `not JSON (${(error as Error).message})`);
  }
  const parsed = Correction.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(file, `not a corrected task list: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  return parsed.data;
}
