/**
 * The shared store: PostgreSQL through `pg`. Same tables and migrations as
 * SQLite (migrations/postgres), same query SQL (sql.ts) but for full text,
 * which the server folds with unaccent and indexes itself. Each document is
 * written in one transaction with its rows sent as JSON record sets, so a
 * write costs a handful of round trips whatever the document's size.
 */
import pg from 'pg';
import { migrations, pending, SCHEMA_VERSION_TABLE } from './migrations/index.ts';
import {
  countTasks, deleteDocuments, deleteLinksTo, eventParams, FIND_BY_HASH, findTasks, INSERT_EVENT, relatedDocuments, SELECT_DOCUMENTS, SELECT_EVENTS, SELECT_LINKS,
  SELECT_TASK_EVENTS, selectAgencyStats, selectMonthStats, selectTasks, storedDocuments, toEvent, toHit, toLink, toStats, toStored, toStoredDocuments, toSummary, toTaskRef, type Sql,
} from './sql.ts';
import { StoreError, type DocumentRecord, type NewTaskEvent, type PutResult, type Relate, type Store, type Stored, type TaskEvent, type TaskFilter } from './types.ts';

export interface PostgresOptions {
  /** How long to wait for a connection, in ms. @default 5000 */
  readonly timeoutMs?: number;
}

/** Advisory lock keys: one for migrating, one that serialises writers as SQLite does. */
const MIGRATE_LOCK = 0x63686964;
const WRITE_LOCK = 0x63686965;

/** `?` placeholders (sql.ts) become `$1, $2, …`. */
const numbered = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

function redact(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', '28P01', '28000', '3D000', '57P03']);

function explain(location: string, error: unknown): unknown {
  const { code, message } = error as { code?: string; message: string };
  if ((code && CONNECTION_CODES.has(code)) || /timeout|terminated|connect/i.test(message)) return new StoreError(`${location}: cannot reach the database (${code ? `${code}: ` : ''}${message || 'no reason given'})`);
  return error;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Store> {
  const location = redact(url);
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: options.timeoutMs ?? 5000 });
  // An idle client losing its server must not crash the process; the next call reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await migrate(client, location);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw explain(location, error);
  }
  return new PostgresStore(pool, location);
}

async function migrate(client: pg.PoolClient, location: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query(SCHEMA_VERSION_TABLE);
    const applied = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows.map((r) => r.version);
    for (const m of pending(migrations('postgres'), applied, location)) {
      await client.query(m.sql).catch((error: { code?: string; message: string }) => {
        // 58P01: the extension's files are not installed; 42501: not allowed to create it.
        if (/extension "unaccent"/.test(error.message) && (error.code === '58P01' || error.code === '42501')) {
          throw new StoreError(`${location}: migration ${m.version}-${m.name} needs PostgreSQL's unaccent extension (${error.message}); install it on the server (Debian: postgresql-contrib) or have the database owner run CREATE EXTENSION unaccent`);
        }
        throw error;
      });
      await client.query('INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

class PostgresStore implements Store {
  readonly backend = 'postgres';

  constructor(private readonly pool: pg.Pool, readonly location: string) {}

  private async all(sql: Sql): Promise<Record<string, unknown>[]> {
    try {
      return (await this.pool.query(numbered(sql.text), sql.params)).rows;
    } catch (error) {
      throw explain(this.location, error);
    }
  }

  async findByHash(hash: string): Promise<Stored | null> {
    const [row] = await this.all({ text: FIND_BY_HASH, params: [hash] });
    return row ? toStored(row) : null;
  }

  put(record: DocumentRecord, relate?: Relate): Promise<PutResult> {
    return this.writing(async (client) => {
      const { result, documentId } = await write(client, record);
      if (relate && documentId !== null) await relink(client, record, documentId, relate);
      return result;
    });
  }

  /** One write transaction, serialised with every other writer as SQLite's are. */
  private async writing<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw explain(this.location, error);
    }
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const result = await run(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      // A refusal from `run` (appendEvent's checks) is already the user's one line.
      throw error instanceof StoreError ? error : explain(this.location, error);
    } finally {
      client.release();
    }
  }

  async list() {
    return (await this.all({ text: SELECT_DOCUMENTS, params: [] })).map(toSummary);
  }

  async remove(document: string): Promise<number> {
    const sql = deleteDocuments(document);
    try {
      return (await this.pool.query(numbered(sql.text), sql.params)).rowCount ?? 0;
    } catch (error) {
      throw explain(this.location, error);
    }
  }

  async query(filter: TaskFilter) {
    return (await this.all(selectTasks(filter, 'postgres'))).map(toHit);
  }

  async count(filter: TaskFilter) {
    return Number((await this.all(countTasks(filter, 'postgres')))[0].n);
  }

  async stats(filter: TaskFilter) {
    const [agencies, months] = await Promise.all([this.all(selectAgencyStats(filter, 'postgres')), this.all(selectMonthStats(filter, 'postgres'))]);
    return toStats(agencies, months);
  }

  async findTasks(prefix: string, limit: number) {
    return (await this.all(findTasks(prefix, limit))).map(toTaskRef);
  }

  async links() {
    return (await this.all({ text: SELECT_LINKS, params: [] })).map(toLink);
  }

  async events() {
    return (await this.all({ text: SELECT_EVENTS, params: [] })).map(toEvent);
  }

  appendEvent(taskId: string, decide: (history: TaskEvent[]) => NewTaskEvent): Promise<TaskEvent> {
    return this.writing(async (client) => {
      const event = decide((await client.query(numbered(SELECT_TASK_EVENTS), [taskId])).rows.map(toEvent));
      const recordedAt = new Date().toISOString();
      const [row] = (await client.query(`${numbered(INSERT_EVENT)} RETURNING id`, eventParams(event, recordedAt))).rows;
      return { ...event, seq: Number(row.id), recordedAt };
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

const rows = async (client: pg.PoolClient, sql: Sql) => (await client.query(numbered(sql.text), sql.params)).rows;

async function relink(client: pg.PoolClient, record: DocumentRecord, documentId: string, relate: Relate): Promise<void> {
  const found = await Promise.all(relatedDocuments(relate.query, documentId).map((sql) => rows(client, sql)));
  const ids = [...new Set(found.flat().map((r) => String(r.id)))];
  let links: ReturnType<Relate['link']> = [];
  if (ids.length) {
    const read = storedDocuments(ids);
    links = relate.link(toStoredDocuments(await rows(client, read.documents), await rows(client, read.clauses), await rows(client, read.tasks)));
  }
  await rows(client, deleteLinksTo(record.path));
  if (!links.length) return;
  await client.query(`INSERT INTO task_links (earlier_source, earlier_task, later_source, later_task, change, linked_at)
    SELECT x."earlierSource", x.earlier, x."laterSource", x.later, x.change, $2
    FROM jsonb_to_recordset($1::jsonb) AS x ("earlierSource" text, earlier text, "laterSource" text, later text, change text) ON CONFLICT DO NOTHING`,
  [JSON.stringify(links), new Date().toISOString()]);
}

async function write(client: pg.PoolClient, r: DocumentRecord): Promise<{ result: PutResult; documentId: string | null }> {
  const old = (await client.query('SELECT id, content_hash, pipeline_version FROM documents WHERE content_hash = $1 OR path = $2', [r.hash, r.path])).rows;
  // A person's corrections always replace what is stored, even for the same bytes and pipeline.
  if (!r.review && old.some((o) => o.content_hash === r.hash && o.pipeline_version === r.pipelineVersion)) return { result: 'unchanged', documentId: null };
  if (old.length) await client.query('DELETE FROM documents WHERE id = ANY($1)', [old.map((o) => o.id)]);
  const h = r.header;
  const documentId = (await client.query(`INSERT INTO documents (path, content_hash, number, number_key, kind, issuer, issued_at, place, title, signer, pipeline, pipeline_version, task_count, added_at, text, reviewed_by, reviewed_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [r.path, r.hash, h.number, r.numberKey, h.kind, h.issuer, h.issuedAt, h.place, h.title, h.signer, r.pipeline, r.pipelineVersion, r.tasks.length, new Date().toISOString(), r.text, r.review?.by ?? null, r.review?.at ?? null])).rows[0].id;
  await client.query(`INSERT INTO clauses (document_id, ord, parent_ord, path, kind, label, start_offset, end_offset)
    SELECT $1, x.ord, x.parent_ord, x.path, x.kind, x.label, x.start_offset, x.end_offset
    FROM jsonb_to_recordset($2::jsonb) AS x (ord int, parent_ord int, path text, kind text, label text, start_offset int, end_offset int)`,
    [documentId, JSON.stringify(r.clauses.map((c) => ({ ord: c.ord, parent_ord: c.parentOrd, path: c.path, kind: c.kind, label: c.label, start_offset: c.start, end_offset: c.end })))]);
  const result = old.length ? 'replaced' : 'added';
  if (!r.tasks.length) return { result, documentId };
  // No `search`: the server folds and indexes the words itself (migrations/postgres/002).
  const tasks = r.tasks.map(({ ord, hit: t }) => ({
    ord, task_id: t.id, clause: t.clause, text: t.text, span_start: t.span.start, span_end: t.span.end,
    source_start: t.sourceSpan?.start ?? null, source_end: t.sourceSpan?.end ?? null,
    responsible: JSON.stringify(t.responsible), coordinating: JSON.stringify(t.coordinating), directing: JSON.stringify(t.directing),
    deadline_text: t.deadline.text, deadline_kind: t.deadline.kind, deadline_date: t.deadline.date, recurrence: t.deadline.recurrence,
    deliverable: t.deliverable, confidence: t.confidence,
  }));
  const ids = (await client.query(`INSERT INTO tasks (document_id, ord, task_id, clause, text, span_start, span_end, source_start, source_end, responsible, coordinating, directing,
      deadline_text, deadline_kind, deadline_date, recurrence, deliverable, confidence)
    SELECT $1, x.ord, x.task_id, x.clause, x.text, x.span_start, x.span_end, x.source_start, x.source_end, x.responsible, x.coordinating, x.directing,
      x.deadline_text, x.deadline_kind, x.deadline_date, x.recurrence, x.deliverable, x.confidence
    FROM jsonb_to_recordset($2::jsonb) AS x (ord int, task_id text, clause text, text text, span_start int, span_end int, source_start int, source_end int,
      responsible text, coordinating text, directing text, deadline_text text, deadline_kind text, deadline_date text, recurrence text, deliverable text,
      confidence double precision)
    RETURNING id, ord`, [documentId, JSON.stringify(tasks)])).rows;
  const idByOrd = new Map(ids.map((row) => [row.ord as number, row.id as string]));
  const agencies = r.tasks.flatMap((t) => t.agencies.map((a) => ({ task_id: idByOrd.get(t.ord), role: a.role, agency: a.agency, agency_key: a.key })));
  await client.query(`INSERT INTO task_agencies (task_id, role, agency, agency_key)
    SELECT x.task_id, x.role, x.agency, x.agency_key FROM jsonb_to_recordset($1::jsonb) AS x (task_id bigint, role text, agency text, agency_key text)`,
    [JSON.stringify(agencies)]);
  return { result, documentId };
}
