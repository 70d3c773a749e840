-- Each fact's events and the policy's history, as in migrations/sqlite/004_fact_event_index.sql.
CREATE TABLE rm_fact_events (
  fact_id  text COLLATE "C" NOT NULL,
  position bigint NOT NULL,
  viewed   boolean NOT NULL,
  PRIMARY KEY (fact_id, position)
);

CREATE TABLE rm_policy_history (
  position bigint PRIMARY KEY,
  doc      json NOT NULL
);

ALTER TABLE rm_checkpoint ADD COLUMN rebuilding boolean NOT NULL DEFAULT false;
