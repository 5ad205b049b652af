/**
 * The corpus store: `openStore()` for the SQLite file `./chidao.db`,
 * `openStore('other.db')` for another file, `openStore('postgres://…')` for
 * a shared PostgreSQL server. Both back ends implement `Store` (types.ts).
 */
import type { Store } from './types.ts';

export * from './types.ts';

export const DEFAULT_DB = 'chidao.db';

export interface OpenOptions {
  /** Refuse to create a SQLite file: for commands that only read. @default false */
  readonly mustExist?: boolean;
  /** How long to wait for a lock (SQLite) or a connection (PostgreSQL), in ms. @default 5000 */
  readonly timeoutMs?: number;
}

/** Loads only the driver the database needs (better-sqlite3 or pg). */
export async function openStore(db: string = DEFAULT_DB, options: OpenOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) return (await import('./postgres.ts')).openPostgres(db, options);
  return (await import('./sqlite.ts')).openSqlite(db, options);
}
