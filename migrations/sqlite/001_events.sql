-- The event log. position is the rowid: assigned max + 1 inside the single
-- write transaction, so positions are gap-free and follow commit order.
-- Rows are only ever inserted: triggers reject UPDATE and DELETE.
CREATE TABLE events (
  position       INTEGER PRIMARY KEY,
  stream         TEXT    NOT NULL CHECK (length(stream) BETWEEN 1 AND 200),
  revision       INTEGER NOT NULL CHECK (revision >= 0),
  id             TEXT    NOT NULL UNIQUE,
  type           TEXT    NOT NULL CHECK (length(type) >= 1),
  schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
  -- JSON text exactly as JSON.stringify wrote it (key order included)
  data           TEXT    NOT NULL CHECK (json_valid(data)),
  metadata       TEXT    NOT NULL CHECK (json_valid(metadata)),
  hash           TEXT    NOT NULL,
  prev_hash      TEXT,
  UNIQUE (stream, revision)
) STRICT;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
