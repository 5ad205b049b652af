-- The same change as sqlite/004-task-link-sources.sql: links name each task
-- by its document's stored path as well as its id, since documents without
-- a number share ids; links already made get the paths of the documents
-- holding their ids.
CREATE TABLE task_links_by_source (
  earlier_source text COLLATE "C" NOT NULL,
  earlier_task text COLLATE "C" NOT NULL,
  later_source text COLLATE "C" NOT NULL,
  later_task text COLLATE "C" NOT NULL,
  change text NOT NULL,
  linked_at text NOT NULL,
  PRIMARY KEY (earlier_source, earlier_task, later_source, later_task)
);
INSERT INTO task_links_by_source
  SELECT de.path, l.earlier_task, dl.path, l.later_task, l.change, l.linked_at
  FROM task_links l
  JOIN tasks te ON te.task_id = l.earlier_task JOIN documents de ON de.id = te.document_id
  JOIN tasks tl ON tl.task_id = l.later_task JOIN documents dl ON dl.id = tl.document_id
  ON CONFLICT DO NOTHING;
DROP TABLE task_links;
ALTER TABLE task_links_by_source RENAME TO task_links;
ALTER INDEX task_links_by_source_pkey RENAME TO task_links_pkey;
CREATE INDEX task_links_by_later ON task_links (later_source);
