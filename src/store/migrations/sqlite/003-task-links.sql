-- A task's appearances across notices (chidao task history): when a notice
-- is added whose tasks `diff` pairs with tasks of one already stored (a
-- draft and its adoption, a follow-up that repeats or re-dates a task), one
-- row per pair, earlier notice's task first. Keyed by the contract's task
-- ids, as task_events are, so re-adding a document keeps its links.
CREATE TABLE task_links (
  earlier_task TEXT NOT NULL,
  later_task TEXT NOT NULL,
  -- The diff's change types, space-separated in its order: `unchanged`, or
  -- any of `reworded redated reassigned merged split moved`.
  change TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (earlier_task, later_task)
) WITHOUT ROWID;
CREATE INDEX task_links_by_later ON task_links (later_task);

-- The working text, so a later notice can be diffed against this one as
-- stored (diff's sections read their headings from it) without the file.
-- Documents stored before this migration have none, and are not linked
-- until added again.
ALTER TABLE documents ADD COLUMN text TEXT;
