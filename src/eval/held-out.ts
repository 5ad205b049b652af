/**
 * Language models that never saw a given text, for scoring repair on it:
 * scripts/train-lm.ts run without those training sources, into the user's
 * cache ($XDG_CACHE_HOME or ~/.cache, under chidao/), where neither `npm ci`
 * nor a fresh clone deletes them. A model is named by a hash of what
 * training reads and of what it leaves out, so a change to the sources or
 * the trainer builds it again.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { TRAINING_SOURCES } from '../repair/build-lm.ts';

/** What training reads: its text and the code that turns it into a model. */
const TRAINING_INPUTS = [...TRAINING_SOURCES, 'scripts/train-lm.ts', 'src/repair/build-lm.ts', 'src/repair/lm.ts', 'src/repair/text.ts'];

export interface HeldOutOptions {
  /** Told when a model has to be built (about two minutes each). */
  readonly onTraining?: (excluded: string[]) => void;
}

const hex = (parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 12);
};

/** For each group of training sources, the path of a model built without them; built where missing, two at a time. */
export async function heldOutModels(root: string, groups: string[][], options: HeldOutOptions = {}): Promise<string[]> {
  const unknown = groups.flat().filter((path) => !TRAINING_SOURCES.includes(path));
  if (unknown.length) throw new Error(`not training sources, so nothing to hold out: ${unknown.join(', ')}`);
  const version = hex(TRAINING_INPUTS.map((path) => readFileSync(join(root, path))));
  const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'chidao');
  const paths = groups.map((group) => join(cache, `lm-${version}-without-${hex([...group].sort())}`, 'model.bin.gz'));
  // Each build holds about 1.5 GB: two at once at most.
  const queue = new PQueue({ concurrency: Math.min(2, availableParallelism()) });
  await Promise.all(
    groups.map((group, k) =>
      existsSync(paths[k])
        ? undefined
        : queue.add(() => {
            options.onTraining?.(group);
            return train(root, group, join(paths[k], '..'));
          }),
    ),
  );
  return paths;
}

function train(root: string, excluded: string[], out: string): Promise<void> {
  const args = excluded.flatMap((path) => ['--exclude', path]);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/train-lm.ts'), ...args, '--out', out, '--fast'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`training a model without ${excluded.join(', ')} failed (exit ${code}): ${errors.trim()}`))));
  });
}
