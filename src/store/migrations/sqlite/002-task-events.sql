-- What happened to each task after its notice (chidao task …): one row per
-- event, appended and never updated, so a tracker's figures can always be
-- recomputed for any past date. Keyed by the contract's task id rather than
-- tasks.id: re-adding a document replaces its task rows, not their history.
CREATE TABLE task_events (
  id INTEGER PRIMARY KEY,
  task_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('done', 'progress', 'reopen', 'extend', 'withdraw', 'reassign')),
  -- The day it happened, YYYY-MM-DD, as the user gave it.
  on_date TEXT NOT NULL,
  note TEXT,
  -- extend: the new deadline and the document that set it.
  deadline TEXT,
  document TEXT,
  -- reassign: the agency now responsible.
  agency TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX task_events_by_task ON task_events (task_id, id);
