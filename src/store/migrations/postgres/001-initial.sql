-- The same tables as sqlite/001-initial.sql. Text compares and sorts by
-- code point (COLLATE "C") as SQLite does, so both back ends order results
-- alike; full text runs PostgreSQL's parser over the same folded `search`
-- column (record.ts), so both find the same tasks.
CREATE TABLE documents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path text COLLATE "C" NOT NULL UNIQUE,
  content_hash text NOT NULL UNIQUE,
  number text COLLATE "C",
  number_key text COLLATE "C",
  kind text,
  issuer text,
  issued_at text,
  place text,
  title text,
  signer text,
  pipeline text NOT NULL,
  pipeline_version text NOT NULL,
  task_count integer NOT NULL,
  added_at text NOT NULL
);
CREATE INDEX documents_number_key ON documents (number_key);

CREATE TABLE clauses (
  document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  parent_ord integer,
  path text NOT NULL,
  kind text NOT NULL,
  label text NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  PRIMARY KEY (document_id, ord)
);

CREATE TABLE tasks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  task_id text NOT NULL,
  clause text NOT NULL,
  text text NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  source_start integer,
  source_end integer,
  responsible text NOT NULL,
  coordinating text NOT NULL,
  directing text NOT NULL,
  deadline_text text,
  deadline_kind text NOT NULL,
  deadline_date text COLLATE "C",
  recurrence text,
  deliverable text,
  confidence double precision NOT NULL,
  search text NOT NULL,
  UNIQUE (document_id, ord)
);
CREATE INDEX tasks_deadline_date ON tasks (deadline_date);
CREATE INDEX tasks_search ON tasks USING gin (to_tsvector('simple'::regconfig, search));

CREATE TABLE task_agencies (
  task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('responsible', 'coordinating', 'directing')),
  agency text COLLATE "C" NOT NULL,
  agency_key text COLLATE "C" NOT NULL,
  PRIMARY KEY (task_id, role, agency_key)
);
CREATE INDEX task_agencies_by_agency ON task_agencies (agency_key, role, task_id);
