/**
 * One document from file to store rows: extraction (the CPU-bound part, run
 * in a worker thread by extract-pool.ts) and the rows `Store.put` writes.
 * Returns a reason instead of throwing, so a failure stays with its document.
 */
import { extractFile } from '../extract-file.ts';
import type { Limits } from '../ingest/limits.ts';
import { InputError, notADirective, type Doc } from '../doc/model.ts';
import { toRecord } from './record.ts';
import type { DocumentRecord } from './types.ts';

export interface ExtractJob {
  path: string;
  /** sha256 of the bytes the main thread read and looked up. */
  hash: string;
  pipelineVersion: string;
  /** Extract without the repair stage (`corpus add --no-repair`). */
  noRepair?: boolean;
  /** Limits on what is read (`corpus add --max-bytes …`). */
  limits?: Partial<Limits>;
}

export type ExtractOutcome = { record: DocumentRecord; reason?: undefined } | { record?: undefined; reason: string };

export async function prepareRecord(job: ExtractJob): Promise<ExtractOutcome> {
  let doc: Doc;
  try {
    doc = await extractFile(job.path, { noRepair: job.noRepair, ingest: job.limits });
  } catch (error) {
    if (error instanceof InputError) return { reason: error.reason };
    return { reason: `extraction failed: ${(error as Error).message}` };
  }
  const problem = unusable(doc);
  if (problem) return { reason: problem };
  return { record: toRecord(doc, job.path, job.hash, job.pipelineVersion) };
}

/** The rule `chidao extract` applies: a fatal message, or nothing that reads as a directive, stops a document. */
function unusable(doc: Doc): string | null {
  const fatal = doc.messages.find((m) => m.severity === 'fatal');
  if (fatal) return fatal.reason;
  return notADirective(doc);
}
