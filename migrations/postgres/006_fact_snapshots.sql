-- Each fact's documents every few of its indexed events, as in
-- migrations/sqlite/005_fact_snapshots.sql. json, not jsonb: the text is
-- handed back as written and parsed once by the reader.
CREATE TABLE rm_fact_snapshots (
  fact_id  text COLLATE "C" NOT NULL,
  position bigint NOT NULL,
  docs     json NOT NULL,
  PRIMARY KEY (fact_id, position)
);
