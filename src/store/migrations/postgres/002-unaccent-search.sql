-- Full text by PostgreSQL itself: the tasks' own text, deliverable and
-- agencies, unaccent'ed and parsed by the server, instead of the `search`
-- column that chidao folded in code (001). The `unaccent` extension ships
-- with the server (Debian: postgresql-contrib) and is trusted, so a
-- database owner may create it.
--
-- Folding matches fold.ts (and so SQLite's FTS5, which indexes that
-- column): unaccent drops the marks and maps đ/Đ to d/D, lower() the case,
-- and every run of anything but [a-z0-9] becomes one space, so the parser
-- sees the same plain words FTS5 does and phrase queries match alike.
-- Known differences, none in Vietnamese text: unaccent spells some
-- letters and signs that fold.ts drops (æ → ae, ß → ss, ø → o, © → c,
-- ½ → 1/2), and keeps as separators the combining marks outside U+0300–
-- U+0362 that fold.ts removes.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it finds its dictionary through search_path);
-- naming the dictionary and the function with their schema makes the same
-- call IMMUTABLE, which a stored generated column needs. The schemas are
-- looked up here so that restoring a dump (empty search_path) works too.
DO $migration$
DECLARE
  ext_schema text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent');
  own_schema text := current_schema();
BEGIN
  EXECUTE format($f$
    CREATE FUNCTION %1$I.chidao_fold(words text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $body$ SELECT btrim(regexp_replace(lower(%2$I.unaccent(%3$L::regdictionary, words)), '[^a-z0-9]+', ' ', 'g')) $body$
  $f$, own_schema, ext_schema, format('%I.unaccent', ext_schema));
  -- The words fold.ts folds for a task (record.ts): text, deliverable, then
  -- the agencies of each role in order, so phrases span fields alike.
  EXECUTE format($f$
    CREATE FUNCTION %1$I.chidao_search_vector(task_text text, deliverable text, responsible text, coordinating text, directing text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $body$ SELECT to_tsvector('pg_catalog.simple'::regconfig, %1$I.chidao_fold(concat_ws(' ', task_text, deliverable,
      (SELECT string_agg(a.name, ' ' ORDER BY a.n) FROM jsonb_array_elements_text(responsible::jsonb) WITH ORDINALITY AS a (name, n)),
      (SELECT string_agg(a.name, ' ' ORDER BY a.n) FROM jsonb_array_elements_text(coordinating::jsonb) WITH ORDINALITY AS a (name, n)),
      (SELECT string_agg(a.name, ' ' ORDER BY a.n) FROM jsonb_array_elements_text(directing::jsonb) WITH ORDINALITY AS a (name, n))))) $body$
  $f$, own_schema);
END
$migration$;

-- Stored, so that a phrase query rechecks word positions without folding
-- the text again; rows already there are computed now.
ALTER TABLE tasks ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (chidao_search_vector(text, deliverable, responsible, coordinating, directing)) STORED;
CREATE INDEX tasks_search_vector ON tasks USING gin (search_vector);

DROP INDEX tasks_search;
ALTER TABLE tasks DROP COLUMN search;
