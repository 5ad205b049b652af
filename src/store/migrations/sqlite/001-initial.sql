-- Documents, their clause trees and their tasks. `search` holds task text,
-- deliverable and agencies folded to unaccented lower-case words (record.ts),
-- so FTS5 finds `bo khoa hoc` and `Bộ Khoa học` alike.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  number TEXT,
  number_key TEXT,
  kind TEXT,
  issuer TEXT,
  issued_at TEXT,
  place TEXT,
  title TEXT,
  signer TEXT,
  pipeline TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  task_count INTEGER NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX documents_number_key ON documents (number_key);

CREATE TABLE clauses (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  parent_ord INTEGER,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  PRIMARY KEY (document_id, ord)
) WITHOUT ROWID;

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  task_id TEXT NOT NULL,
  clause TEXT NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_start INTEGER,
  source_end INTEGER,
  -- The role lists as extracted (JSON arrays), for output; task_agencies is for filtering.
  responsible TEXT NOT NULL,
  coordinating TEXT NOT NULL,
  directing TEXT NOT NULL,
  deadline_text TEXT,
  deadline_kind TEXT NOT NULL,
  deadline_date TEXT,
  recurrence TEXT,
  deliverable TEXT,
  confidence REAL NOT NULL,
  search TEXT NOT NULL,
  UNIQUE (document_id, ord)
);
CREATE INDEX tasks_deadline_date ON tasks (deadline_date);

CREATE TABLE task_agencies (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('responsible', 'coordinating', 'directing')),
  agency TEXT NOT NULL,
  agency_key TEXT NOT NULL,
  PRIMARY KEY (task_id, role, agency_key)
) WITHOUT ROWID;
CREATE INDEX task_agencies_by_agency ON task_agencies (agency_key, role, task_id);

CREATE VIRTUAL TABLE tasks_fts USING fts5 (search, content = 'tasks', content_rowid = 'id');
CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO tasks_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
  INSERT INTO tasks_fts (tasks_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
