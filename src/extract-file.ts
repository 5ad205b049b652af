/** Ingest a file and run it through its pipeline: the one call every command shares. */
import { ingest, type IngestOptions } from './ingest/index.ts';
import type { Doc } from './doc/model.ts';
import { choosePipeline, runPipeline, type RunOptions } from './pipeline.ts';

export interface ExtractFileOptions extends RunOptions {
  readonly pipeline?: string;
  /** How to read the file (OCR data folder, workers). */
  readonly ingest?: IngestOptions;
}

export async function extractFile(path: string, options: ExtractFileOptions = {}): Promise<Doc> {
  const doc = await ingest(path, options.ingest);
  return runPipeline(doc, choosePipeline(doc.source, options.pipeline), options);
}
