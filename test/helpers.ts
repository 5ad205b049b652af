/** Shared by the tests: the corpus documents, read and run through their pipelines. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../src/extract-file.ts';
import type { Doc } from '../src/model.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const CLEAN_CORPUS = [
  'corpus/04-TB-BCDTW.txt',
  'corpus/17-TB-CQTTBCD-phu-luc.txt',
  'corpus/17-TB-CQTTBCD-phu-luc.draft.txt',
  'corpus/19-BC-CQTTBCD.md',
] as const;

const cache = new Map<string, Promise<Doc>>();
export function extracted(path: string): Promise<Doc> {
  if (!cache.has(path)) cache.set(path, extractFile(ROOT + path));
  return cache.get(path)!;
}

export function corpusText(path: string): string {
  return readFileSync(ROOT + path, 'utf8');
}
