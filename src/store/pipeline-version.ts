/**
 * What produced a stored extraction: the package version and a digest of the
 * declared pipelines and language data. A file stored under another version
 * is extracted again by `corpus add`, so the store follows data changes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let cached: string | undefined;

export function pipelineVersion(): string {
  if (cached) return cached;
  const digest = createHash('sha256');
  for (const dir of ['pipelines', 'data']) {
    for (const file of readdirSync(ROOT + dir).filter((f) => f.endsWith('.json')).sort()) {
      digest.update(`${dir}/${file}\0`).update(readFileSync(`${ROOT}${dir}/${file}`));
    }
  }
  const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
  cached = `${version}+${digest.digest('hex').slice(0, 12)}`;
  return cached;
}
