-- Projection documents beside the events, written by the (single, leased)
-- projection runner in the same transaction as their checkpoint. All of it
-- can be dropped and rebuilt from the events. Same tables as SQLite's.
--
-- Documents are json, not jsonb: json keeps the text as written, key order
-- included, so a view reads back byte-identical to what SQLite returns.
-- Keys are COLLATE "C" so cursor paging orders ids by bytes, as SQLite does,
-- whatever the database's default collation.

CREATE TABLE rm_sources (
  source_id text COLLATE "C" PRIMARY KEY,
  doc       json NOT NULL
);

CREATE TABLE rm_facts (
  fact_id text COLLATE "C" PRIMARY KEY,
  doc     json NOT NULL
);

CREATE TABLE rm_claims (
  claim_id  text COLLATE "C" PRIMARY KEY,
  fact_id   text COLLATE "C" NOT NULL,
  source_id text COLLATE "C" NOT NULL,
  doc       json NOT NULL
);
CREATE INDEX rm_claims_by_fact ON rm_claims (fact_id);
CREATE INDEX rm_claims_by_source ON rm_claims (source_id);

-- The current view of each fact. search_text is the lower-cased fact id,
-- question and subject (lower-cased in JavaScript, as for SQLite), for the q filter.
CREATE TABLE rm_fact_views (
  fact_id     text COLLATE "C" PRIMARY KEY,
  status      text NOT NULL,
  search_text text NOT NULL,
  view        json NOT NULL
);
CREATE INDEX rm_fact_views_by_status ON rm_fact_views (status, fact_id);

-- Every change of a fact's view, at the ledger position it changed.
CREATE TABLE rm_fact_view_history (
  fact_id  text COLLATE "C" NOT NULL,
  position bigint NOT NULL,
  view     json NOT NULL,
  PRIMARY KEY (fact_id, position)
);

-- One row each: the position and code version the documents reflect, and the policy in force.
CREATE TABLE rm_checkpoint (
  id       smallint PRIMARY KEY CHECK (id = 1),
  position bigint NOT NULL,
  version  text NOT NULL
);

CREATE TABLE rm_policy (
  id  smallint PRIMARY KEY CHECK (id = 1),
  doc json NOT NULL
);
