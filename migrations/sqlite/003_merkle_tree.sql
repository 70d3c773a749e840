-- The RFC 6962 Merkle tree over the global log, stored so that a proof or a
-- root reads O(log n) rows instead of the whole log. It is a projection of
-- the events' hashes (src/ledger/tamper/tree-keeper.ts catches it up from the
-- log): it can be dropped and rebuilt, and `verify` recomputes it.
-- Leaves: leaf_index is the event's ordinal in global order (0-based), hash is
-- SHA-256(0x00 || the event's hash bytes).
CREATE TABLE merkle_leaves (
  leaf_index INTEGER PRIMARY KEY CHECK (leaf_index >= 0),
  position   INTEGER NOT NULL UNIQUE,
  hash       BLOB    NOT NULL CHECK (length(hash) = 32)
) STRICT;

-- Interior nodes of perfect subtrees only: node (level, node_index) is the
-- root of leaves [node_index * 2^level, (node_index + 1) * 2^level).
CREATE TABLE merkle_nodes (
  level      INTEGER NOT NULL CHECK (level >= 1),
  node_index INTEGER NOT NULL CHECK (node_index >= 0),
  hash       BLOB    NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, node_index)
) STRICT, WITHOUT ROWID;

-- Signed tree heads, one per tree size. A second head for a size already
-- signed is never stored over the first: two roots for one size is a fork.
CREATE TABLE signed_tree_heads (
  tree_size  INTEGER PRIMARY KEY CHECK (tree_size >= 0),
  root_hash  TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  signed_at  TEXT    NOT NULL,
  key_id     TEXT    NOT NULL,
  signature  TEXT    NOT NULL
) STRICT;

-- The last head the full start-up verification confirmed (one row).
CREATE TABLE verified_tree_head (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  tree_size   INTEGER NOT NULL,
  root_hash   TEXT    NOT NULL,
  position    INTEGER NOT NULL,
  verified_at TEXT    NOT NULL
) STRICT;
