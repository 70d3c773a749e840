-- The RFC 6962 Merkle tree over the global log, stored so that a proof or a
-- root reads O(log n) rows instead of the whole log. It is a projection of
-- the events' hashes (src/ledger/tamper/tree-keeper.ts catches it up from the
-- log): it can be dropped and rebuilt, and `verify` recomputes it.
-- Leaves: leaf_index is the event's ordinal in global order (0-based), hash is
-- SHA-256(0x00 || the event's hash bytes).
CREATE TABLE merkle_leaves (
  leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
  position   bigint NOT NULL UNIQUE,
  hash       bytea  NOT NULL CHECK (length(hash) = 32)
);

-- Interior nodes of perfect subtrees only: node (level, node_index) is the
-- root of leaves [node_index * 2^level, (node_index + 1) * 2^level).
CREATE TABLE merkle_nodes (
  level      integer NOT NULL CHECK (level >= 1),
  node_index bigint  NOT NULL CHECK (node_index >= 0),
  hash       bytea   NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, node_index)
);

-- Signed tree heads, one per tree size. A second head for a size already
-- signed is never stored over the first: two roots for one size is a fork.
CREATE TABLE signed_tree_heads (
  tree_size  bigint PRIMARY KEY CHECK (tree_size >= 0),
  root_hash  text   NOT NULL,
  position   bigint NOT NULL,
  signed_at  text   NOT NULL,
  key_id     text   NOT NULL,
  signature  text   NOT NULL
);

-- The last head the full start-up verification confirmed (one row).
CREATE TABLE verified_tree_head (
  id          integer PRIMARY KEY CHECK (id = 1),
  tree_size   bigint NOT NULL,
  root_hash   text   NOT NULL,
  position    bigint NOT NULL,
  verified_at text   NOT NULL
);
