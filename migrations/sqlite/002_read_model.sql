-- Projection documents beside the events, written by the projection runner in
-- the same transaction as their checkpoint. All of it can be dropped and
-- rebuilt from the events.
CREATE TABLE rm_sources (
  source_id TEXT PRIMARY KEY,
  doc       TEXT NOT NULL
) STRICT;

CREATE TABLE rm_facts (
  fact_id TEXT PRIMARY KEY,
  doc     TEXT NOT NULL
) STRICT;

CREATE TABLE rm_claims (
  claim_id  TEXT PRIMARY KEY,
  fact_id   TEXT NOT NULL,
  source_id TEXT NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
CREATE INDEX rm_claims_by_fact ON rm_claims (fact_id);
CREATE INDEX rm_claims_by_source ON rm_claims (source_id);

-- The current view of each fact. search_text is the lower-cased fact id,
-- question and subject, for the q filter of GET /facts.
CREATE TABLE rm_fact_views (
  fact_id     TEXT PRIMARY KEY,
  status      TEXT NOT NULL,
  search_text TEXT NOT NULL,
  view        TEXT NOT NULL
) STRICT;
CREATE INDEX rm_fact_views_by_status ON rm_fact_views (status, fact_id);

-- Every change of a fact's view, at the ledger position it changed.
CREATE TABLE rm_fact_view_history (
  fact_id  TEXT    NOT NULL,
  position INTEGER NOT NULL,
  view     TEXT    NOT NULL,
  PRIMARY KEY (fact_id, position)
) STRICT;

-- One row each: the position and code version the documents reflect, and the policy in force.
CREATE TABLE rm_checkpoint (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  position INTEGER NOT NULL,
  version  TEXT    NOT NULL
) STRICT;

CREATE TABLE rm_policy (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  doc TEXT NOT NULL
) STRICT;
