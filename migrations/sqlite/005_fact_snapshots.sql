-- Each fact's documents every few of its indexed events (the fact, the
-- claims filed under it, the sources they cite, as JSON), so a view at a past
-- position folds only the fact's events after the nearest snapshot instead
-- of all of them (src/read/fact-at.ts). Written by the runner with the batch
-- (src/runner/fact-snapshots.ts); a rebuild empties and rewrites it.
CREATE TABLE rm_fact_snapshots (
  fact_id  TEXT    NOT NULL,
  position INTEGER NOT NULL,
  docs     TEXT    NOT NULL,
  PRIMARY KEY (fact_id, position)
) STRICT, WITHOUT ROWID;
