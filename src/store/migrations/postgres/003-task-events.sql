-- The same table as sqlite/002-task-events.sql: events appended per task,
-- never updated, keyed by the contract's task id so that re-adding a
-- document (which replaces its task rows) keeps their history.
CREATE TABLE task_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id text COLLATE "C" NOT NULL,
  kind text NOT NULL CHECK (kind IN ('done', 'progress', 'reopen', 'extend', 'withdraw', 'reassign')),
  on_date text COLLATE "C" NOT NULL,
  note text,
  deadline text COLLATE "C",
  document text,
  agency text,
  recorded_by text NOT NULL,
  recorded_at text NOT NULL
);
CREATE INDEX task_events_by_task ON task_events (task_id, id);
