-- 005 made rm_fact_snapshots WITHOUT ROWID. Its rows are hundreds of
-- kilobytes, and there a row is its own key: a seek for a fact's nearest
-- snapshot read every row it visited whole, overflow pages and all (~1 ms
-- for a 1,000-claim fact). As a rowid table the primary key's index holds
-- only (fact_id, position), and the documents are read for the one row wanted.
CREATE TABLE rm_fact_snapshots_rowid (
  fact_id  TEXT    NOT NULL,
  position INTEGER NOT NULL,
  docs     TEXT    NOT NULL,
  PRIMARY KEY (fact_id, position)
) STRICT;
INSERT INTO rm_fact_snapshots_rowid (fact_id, position, docs) SELECT fact_id, position, docs FROM rm_fact_snapshots;
DROP TABLE rm_fact_snapshots;
ALTER TABLE rm_fact_snapshots_rowid RENAME TO rm_fact_snapshots;
