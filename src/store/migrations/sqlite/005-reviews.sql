-- Who checked a document's task list and when (`corpus add --corrections`): its
-- tasks are then the person's list, not the extractor's. Null when unreviewed.
ALTER TABLE documents ADD COLUMN reviewed_by TEXT;
ALTER TABLE documents ADD COLUMN reviewed_at TEXT;
