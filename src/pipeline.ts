/**
 * Pipelines are data (pipelines/*.json): which stages a kind of document
 * gets, in order, with their options. This module loads them, picks one from
 * the text, and runs a Doc through it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Doc } from './doc/model.ts';
import type { LanguageModel } from './repair/index.ts';
import { normalise } from './stages/normalise.ts';
import { repair } from './stages/repair.ts';
import { segment } from './stages/segment.ts';
import { readHeader } from './stages/read-header.ts';
import { extract } from './stages/extract/index.ts';
import { validate } from './stages/validate.ts';

const PIPELINE_DIR = fileURLToPath(new URL('../pipelines/', import.meta.url));

const PipelineSpec = z.object({
  name: z.string(),
  description: z.string(),
  /** Regex sources (multiline) tested on the text as read; any match selects the pipeline. */
  detect: z.array(z.string()),
  stages: z.array(z.tuple([z.string(), z.record(z.string(), z.unknown())])),
});
export type PipelineSpec = z.infer<typeof PipelineSpec>;

export interface RunOptions {
  /** Turn the repair stage off whatever the pipeline says. */
  readonly noRepair?: boolean;
  /** Force repair on. */
  readonly forceRepair?: boolean;
  /** Repair with this model instead of the committed one (evaluation holds texts out of it). */
  readonly repairModel?: LanguageModel;
}

type Stage = (doc: Doc, options: Record<string, unknown>, run: RunOptions) => Doc;

const STAGES: Record<string, Stage> = {
  normalise: (doc, o) => normalise(doc, o),
  repair: (doc, o, run) => repair(doc, { ...(run.noRepair ? { when: 'never' } : run.forceRepair ? { when: 'always' } : o), model: run.repairModel }),
  segment: (doc, o) => segment(doc, o),
  'read-header': (doc) => readHeader(doc),
  extract: (doc, o) => extract(doc, o),
  validate: (doc) => validate(doc),
};

let cache: PipelineSpec[] | undefined;

export function loadPipelines(): PipelineSpec[] {
  cache ??= readdirSync(PIPELINE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const spec = PipelineSpec.parse(JSON.parse(readFileSync(PIPELINE_DIR + f, 'utf8')));
      const unknown = spec.stages.map(([name]) => name).filter((name) => !STAGES[name]);
      if (unknown.length) throw new Error(`pipelines/${f}: unknown stage ${unknown.join(', ')}`);
      return spec;
    });
  return cache;
}

export function pipelineNames(): string[] {
  return loadPipelines().map((p) => p.name);
}

/** The first pipeline whose detector matches; `notice` when none does. */
export function choosePipeline(text: string, name?: string): PipelineSpec {
  const all = loadPipelines();
  if (name) {
    const named = all.find((p) => p.name === name);
    if (!named) throw new Error(`no pipeline named ${name} (have: ${all.map((p) => p.name).join(', ')})`);
    return named;
  }
  return all.find((p) => p.detect.some((d) => new RegExp(d, 'mu').test(text))) ?? all.find((p) => p.name === 'notice')!;
}

export function runPipeline(doc: Doc, spec: PipelineSpec, options: RunOptions = {}): Doc {
  let out: Doc = { ...doc, pipeline: spec.name };
  for (const [name, stageOptions] of spec.stages) out = STAGES[name](out, stageOptions, options);
  return out;
}
