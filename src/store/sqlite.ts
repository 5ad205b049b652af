/**
 * The embedded store: one SQLite file through better-sqlite3. Calls are
 * synchronous, so each `put` runs start to finish as one transaction and an
 * interrupted `corpus add` can only lose the document in flight.
 */
import Database from 'better-sqlite3';
import { migrations, pending, SCHEMA_VERSION_TABLE } from './migrations/index.ts';
import {
  countTasks, deleteDocuments, deleteLinksTo, eventParams, FIND_BY_HASH, findTasks, INSERT_EVENT, INSERT_LINK, relatedDocuments, SELECT_DOCUMENTS, SELECT_EVENTS, SELECT_LINKS,
  SELECT_TASK_EVENTS, selectAgencyStats, selectMonthStats, selectTasks, storedDocuments, toEvent, toHit, toLink, toStats, toStored, toStoredDocuments, toSummary, toTaskRef, type Sql,
} from './sql.ts';
import { StoreError, type DocumentRecord, type NewTaskEvent, type PutResult, type Relate, type Store, type Stored, type TaskEvent, type TaskFilter } from './types.ts';

export interface SqliteOptions {
  /** Refuse to create the file (commands that only read). @default false */
  readonly mustExist?: boolean;
  /** How long to wait for another writer's lock, in ms. @default 5000 */
  readonly timeoutMs?: number;
}

type Row = Record<string, unknown>;

/** SQLite's codes turned into the one line the user reads. */
function explain(file: string, error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new StoreError(`${file}: not a SQLite database, or damaged (${message})`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError(`${file}: locked by another process (${message}); try again when it has finished`);
  if (code.startsWith('SQLITE_CANTOPEN')) return new StoreError(`${file}: cannot open (${message})`);
  if (code.startsWith('SQLITE_READONLY')) return new StoreError(`${file}: read-only (${message})`);
  return error;
}

export async function openSqlite(file: string, options: SqliteOptions = {}): Promise<Store> {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: options.mustExist ?? false, timeout: options.timeoutMs ?? 5000 });
  } catch (error) {
    throw (error as { code?: string }).code === 'SQLITE_CANTOPEN' && options.mustExist ? new StoreError(`${file}: no such database (chidao corpus add creates it)`) : explain(file, error);
  }
  try {
    migrate(db, file);
    // WAL lets queries read while a `corpus add` writes.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // A 64 MiB page cache (the default is 2 MiB) and sorts in memory: at 10,000 notices an agency's
    // tasks span thousands of pages, which the default cache re-read from the file on every query
    // (bench/store.ts: first 100 tasks of an agency 26 → 16 ms median, agency and dates 73 → 37 ms).
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
  } catch (error) {
    db.close();
    throw explain(file, error);
  }
  return new SqliteStore(db, file);
}

function migrate(db: Database.Database, file: string): void {
  // Reading first: a corrupt file fails here, before anything is written.
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (tables.length && !tables.includes('schema_version')) throw new StoreError(`${file}: a SQLite database, but not one chidao made (no schema_version table)`);
  const applied = () => (tables.length ? (db.prepare('SELECT version FROM schema_version').pluck().all() as number[]) : []);
  if (!pending(migrations('sqlite'), applied(), file).length) return;
  db.transaction(() => {
    db.exec(SCHEMA_VERSION_TABLE);
    // Again inside the write lock: another process may have migrated meanwhile.
    const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending(migrations('sqlite'), db.prepare('SELECT version FROM schema_version').pluck().all() as number[], file)) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}

class SqliteStore implements Store {
  readonly backend = 'sqlite';
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database, readonly location: string) {}

  private guard<T>(run: () => T): Promise<T> {
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(explain(this.location, error));
    }
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private all(sql: Sql): Row[] {
    return this.prepare(sql.text).all(...sql.params) as Row[];
  }

  findByHash(hash: string): Promise<Stored | null> {
    return this.guard(() => {
      const row = this.prepare(FIND_BY_HASH).get(hash) as Row | undefined;
      return row ? toStored(row) : null;
    });
  }

  put(record: DocumentRecord, relate?: Relate): Promise<PutResult> {
    return this.guard(() => this.db.transaction(() => {
      const { result, documentId } = this.write(record);
      if (relate && documentId !== null) this.relink(record, documentId, relate);
      return result;
    }).immediate());
  }

  /** Rows of a statement whose text varies with its IN lists: not kept among the prepared ones. */
  private once(sql: Sql): Row[] {
    return this.db.prepare(sql.text).all(...sql.params) as Row[];
  }

  private relink(record: DocumentRecord, documentId: number | bigint, relate: Relate): void {
    const ids = [...new Set(relatedDocuments(relate.query, documentId).flatMap((sql) => this.once(sql).map((r) => r.id)))];
    const read = storedDocuments(ids);
    const links = ids.length ? relate.link(toStoredDocuments(this.once(read.documents), this.once(read.clauses), this.once(read.tasks))) : [];
    const stale = deleteLinksTo(record.path);
    this.prepare(stale.text).run(...stale.params);
    const insert = this.prepare(INSERT_LINK);
    const now = new Date().toISOString();
    for (const l of links) insert.run(l.earlierSource, l.earlier, l.laterSource, l.later, l.change, now);
  }

  private write(r: DocumentRecord): { result: PutResult; documentId: number | bigint | null } {
    const old = this.prepare('SELECT id, content_hash, pipeline_version FROM documents WHERE content_hash = ? OR path = ?').all(r.hash, r.path) as Row[];
    // A person's corrections always replace what is stored, even for the same bytes and pipeline.
    if (!r.review && old.some((o) => o.content_hash === r.hash && o.pipeline_version === r.pipelineVersion)) return { result: 'unchanged', documentId: null };
    for (const o of old) this.prepare('DELETE FROM documents WHERE id = ?').run(o.id);
    const h = r.header;
    const documentId = this.prepare(`INSERT INTO documents (path, content_hash, number, number_key, kind, issuer, issued_at, place, title, signer, pipeline, pipeline_version, task_count, added_at, text, reviewed_by, reviewed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(r.path, r.hash, h.number, r.numberKey, h.kind, h.issuer, h.issuedAt, h.place, h.title, h.signer, r.pipeline, r.pipelineVersion, r.tasks.length, new Date().toISOString(), r.text, r.review?.by ?? null, r.review?.at ?? null).lastInsertRowid;
    const clause = this.prepare('INSERT INTO clauses (document_id, ord, parent_ord, path, kind, label, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const c of r.clauses) clause.run(documentId, c.ord, c.parentOrd, c.path, c.kind, c.label, c.start, c.end);
    const task = this.prepare(`INSERT INTO tasks (document_id, ord, task_id, clause, text, span_start, span_end, source_start, source_end, responsible, coordinating, directing,
      deadline_text, deadline_kind, deadline_date, recurrence, deliverable, confidence, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const agency = this.prepare('INSERT INTO task_agencies (task_id, role, agency, agency_key) VALUES (?, ?, ?, ?)');
    for (const { ord, hit: t, search, agencies } of r.tasks) {
      const taskId = task.run(documentId, ord, t.id, t.clause, t.text, t.span.start, t.span.end, t.sourceSpan?.start ?? null, t.sourceSpan?.end ?? null,
        JSON.stringify(t.responsible), JSON.stringify(t.coordinating), JSON.stringify(t.directing),
        t.deadline.text, t.deadline.kind, t.deadline.date, t.deadline.recurrence, t.deliverable, t.confidence, search).lastInsertRowid;
      for (const a of agencies) agency.run(taskId, a.role, a.agency, a.key);
    }
    return { result: old.length ? 'replaced' : 'added', documentId };
  }

  list() {
    return this.guard(() => (this.prepare(SELECT_DOCUMENTS).all() as Row[]).map(toSummary));
  }

  remove(document: string): Promise<number> {
    const sql = deleteDocuments(document);
    return this.guard(() => this.prepare(sql.text).run(...sql.params).changes);
  }

  query(filter: TaskFilter) {
    return this.guard(() => this.all(selectTasks(filter, 'sqlite')).map(toHit));
  }

  count(filter: TaskFilter) {
    return this.guard(() => Number(this.all(countTasks(filter, 'sqlite'))[0].n));
  }

  stats(filter: TaskFilter) {
    return this.guard(() => toStats(this.all(selectAgencyStats(filter, 'sqlite')), this.all(selectMonthStats(filter, 'sqlite'))));
  }

  findTasks(prefix: string, limit: number) {
    return this.guard(() => this.all(findTasks(prefix, limit)).map(toTaskRef));
  }

  links() {
    return this.guard(() => this.all({ text: SELECT_LINKS, params: [] }).map(toLink));
  }

  events() {
    return this.guard(() => this.all({ text: SELECT_EVENTS, params: [] }).map(toEvent));
  }

  appendEvent(taskId: string, decide: (history: TaskEvent[]) => NewTaskEvent): Promise<TaskEvent> {
    return this.guard(() => this.db.transaction(() => {
      const event = decide(this.all({ text: SELECT_TASK_EVENTS, params: [taskId] }).map(toEvent));
      const recordedAt = new Date().toISOString();
      const seq = Number(this.prepare(INSERT_EVENT).run(...eventParams(event, recordedAt)).lastInsertRowid);
      return { ...event, seq, recordedAt };
    }).immediate());
  }

  close(): Promise<void> {
    return this.guard(() => {
      // Refreshes the planner's statistics after large writes; cheap otherwise.
      this.db.pragma('optimize');
      this.db.close();
    });
  }
}
