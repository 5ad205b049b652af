/** Shared by the tests: the corpus documents, read and run through their pipelines, and the CLI. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { extractFile } from '../src/extract-file.ts';
import type { Doc } from '../src/doc/model.ts';

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

/** The hand-corrected text of the OCR'd 20-TB notice, line for line (golden/20-TB-CQTTBCD.corrected.txt). */
export const CORRECTED_20TB = 'golden/20-TB-CQTTBCD.corrected.txt';

/** A text that needs no repair (a hand-corrected one), run through its pipeline with repair off. */
export function extractedAsIs(path: string): Promise<Doc> {
  const key = `as-is:${path}`;
  if (!cache.has(key)) cache.set(key, extractFile(ROOT + path, { noRepair: true }));
  return cache.get(key)!;
}

export function corpusText(path: string): string {
  return readFileSync(ROOT + path, 'utf8');
}

/** `chidao ARGS…` as a child process, run from the project root: exit code, stdout, stderr. */
export async function chidao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/chidao.js'), ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The store back ends the tests run on: SQLite always, PostgreSQL when CHIDAO_TEST_PG names a server. */
export const BACKENDS = ['sqlite', ...(process.env.CHIDAO_TEST_PG ? ['postgres'] : [])];

/** A fresh database of `backend`: the SQLite file given, or a new PostgreSQL database; and how to drop it. */
export async function freshDatabase(backend: string, sqliteFile: string): Promise<{ db: string; drop: () => Promise<void> }> {
  if (backend === 'sqlite') return { db: sqliteFile, drop: async () => {} };
  const { url, drop } = await freshPostgres(process.env.CHIDAO_TEST_PG!);
  return { db: url, drop };
}

/** A fresh database on the PostgreSQL server at `url` (scripts/start-postgres.sh), and how to drop it. */
export async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `chidao_test_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
