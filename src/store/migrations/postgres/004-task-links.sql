-- The same table and column as sqlite/003-task-links.sql: a task's
-- appearances across notices, keyed by the contract's task ids as
-- task_events are; the working text for diffing later notices against.
CREATE TABLE task_links (
  earlier_task text COLLATE "C" NOT NULL,
  later_task text COLLATE "C" NOT NULL,
  change text NOT NULL,
  linked_at text NOT NULL,
  PRIMARY KEY (earlier_task, later_task)
);
CREATE INDEX task_links_by_later ON task_links (later_task);

ALTER TABLE documents ADD COLUMN text text;
