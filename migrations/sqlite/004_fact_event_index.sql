-- Each fact's events: every position whose event can change the fact's view
-- (its own events, its claims', the revisions and retractions of the sources
-- they cite, policy adoptions). An as-of question about one fact reads these
-- positions instead of the whole log. `viewed` is 1 where the runner
-- computed the fact's view right after that event: the view history's last
-- row at or before it is then the view there. At other positions (inside a
-- large catch-up batch) the view is reconciled on demand from the fact's events.
CREATE TABLE rm_fact_events (
  fact_id  TEXT    NOT NULL,
  position INTEGER NOT NULL,
  viewed   INTEGER NOT NULL CHECK (viewed IN (0, 1)),
  PRIMARY KEY (fact_id, position)
) STRICT, WITHOUT ROWID;

-- The policy in force from each adoption on, for views reconciled at a past position.
CREATE TABLE rm_policy_history (
  position INTEGER PRIMARY KEY,
  doc      TEXT    NOT NULL
) STRICT;

-- 1 while a rebuild is under way: a rebuild started again continues from the checkpoint.
ALTER TABLE rm_checkpoint ADD COLUMN rebuilding INTEGER NOT NULL DEFAULT 0 CHECK (rebuilding IN (0, 1));
