/**
 * Versioned migrations: `<dialect>/NNN-name.sql`, applied in order of NNN and
 * recorded in `schema_version`. A migration is never edited once released;
 * a change to the schema is a new file for each dialect.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StoreError } from '../types.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SCHEMA_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at text NOT NULL
)`;

export function migrations(dialect: Dialect): Migration[] {
  const dir = fileURLToPath(new URL(`./${dialect}/`, import.meta.url));
  return readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(dir + f, 'utf8') }));
}

/** The migrations still to apply; refuses a database written by a newer chidao. */
export function pending(all: Migration[], applied: number[], where: string): Migration[] {
  const newest = all.at(-1)?.version ?? 0;
  const ahead = applied.filter((v) => v > newest);
  if (ahead.length) throw new StoreError(`${where}: schema version ${Math.max(...ahead)} is newer than this chidao knows (${newest})`);
  const done = new Set(applied);
  return all.filter((m) => !done.has(m.version));
}
