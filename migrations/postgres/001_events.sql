-- The event log. Rows are only ever inserted: a trigger rejects UPDATE,
-- DELETE and TRUNCATE so nothing recorded is ever overwritten.

CREATE TABLE streams (
  stream    text PRIMARY KEY,
  -- revision and hash of the stream's last event: the head of its hash chain
  revision  bigint NOT NULL CHECK (revision >= 0),
  last_hash text NOT NULL
);

CREATE TABLE events (
  -- Assigned by the single sequencer in src/store/postgres/append-group.ts:
  -- max + 1 while holding a global advisory lock, so positions follow commit order.
  position       bigint PRIMARY KEY CHECK (position > 0),
  stream         text NOT NULL REFERENCES streams (stream),
  revision       bigint NOT NULL CHECK (revision >= 0),
  id             text NOT NULL UNIQUE,
  type           text NOT NULL,
  schema_version integer NOT NULL,
  -- json (not jsonb) keeps the text exactly as written, key order included
  data           json NOT NULL,
  metadata       json NOT NULL,
  hash           text NOT NULL,
  prev_hash      text,
  committed_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream, revision)
);

CREATE FUNCTION factledger_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only (% on events refused)', TG_OP;
END;
$$;

CREATE TRIGGER events_append_only_rows
  BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION factledger_events_append_only();

CREATE TRIGGER events_append_only_truncate
  BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION factledger_events_append_only();
