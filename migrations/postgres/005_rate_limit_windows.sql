-- Rate-limit windows shared by every API process on this database (requests
-- per API key, failed authentications per client address), so a limit does
-- not multiply with the number of processes. UNLOGGED: counters need no
-- crash safety, and skipping the WAL keeps a hit to one cheap upsert.
CREATE UNLOGGED TABLE rate_limit_windows (
  key     text PRIMARY KEY,
  count   integer NOT NULL,
  ends_at timestamptz NOT NULL
);
