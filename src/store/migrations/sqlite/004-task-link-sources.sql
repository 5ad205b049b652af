-- Links name each task by its document's stored path as well as its id:
-- documents without a number share ids (`#I.1.a` is in 17-TB's draft and in
-- B-15), and a link by id alone hid every stored task with that id. Links
-- already made get the paths of the documents holding their ids (all of
-- them, for a shared id: what the links meant until now).
CREATE TABLE task_links_by_source (
  earlier_source TEXT NOT NULL,
  earlier_task TEXT NOT NULL,
  later_source TEXT NOT NULL,
  later_task TEXT NOT NULL,
  change TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (earlier_source, earlier_task, later_source, later_task)
) WITHOUT ROWID;
INSERT OR IGNORE INTO task_links_by_source
  SELECT de.path, l.earlier_task, dl.path, l.later_task, l.change, l.linked_at
  FROM task_links l
  JOIN tasks te ON te.task_id = l.earlier_task JOIN documents de ON de.id = te.document_id
  JOIN tasks tl ON tl.task_id = l.later_task JOIN documents dl ON dl.id = tl.document_id;
DROP TABLE task_links;
ALTER TABLE task_links_by_source RENAME TO task_links;
-- A re-added document's links are remade by its path.
CREATE INDEX task_links_by_later ON task_links (later_source);
