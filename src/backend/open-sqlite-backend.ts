import type { Logger } from 'pino'
import type { FactViewAndHead, ReadModelStore } from '../read-model/port.js'
import { type SqliteStore, createSqliteEventStore } from '../store/sqlite/create-sqlite-event-store.js'
import { createFactViewAndHeadReader } from '../read-model/sqlite/fact-view-and-head.js'
import { createSqliteReadModel } from '../read-model/sqlite/read-model.js'
import type { MerkleTreeStore } from '../store/merkle-tree-port.js'
import { openWalIndexStamp } from '../store/sqlite/wal-index-stamp.js'
import { createSqliteMerkleTreeStore } from '../store/sqlite/merkle-tree-store.js'

export interface SqliteBackend {
  store: SqliteStore
  /** On the store's connection: a projection batch and its checkpoint are one transaction. */
  readModel: ReadModelStore
  treeStore: MerkleTreeStore
  readFactViewAndHead(factId: string, stream: string): Promise<FactViewAndHead>
  /** The file's WAL-index header (see wal-index-stamp.ts); absent for `:memory:`. */
  readChangeStamp?(): string | null
  close(): Promise<void>
}

/** Open one ledger file as event store and read model (what `openBackend` does for FACTLEDGER_STORE=sqlite). */
export async function openSqliteBackend(options: { path: string; logger?: Logger; pollIntervalMs?: number }): Promise<SqliteBackend> {
  const store = await createSqliteEventStore(options)
  const stamp = openWalIndexStamp(store.database)
  return {
    store,
    readModel: createSqliteReadModel(store.database),
    treeStore: createSqliteMerkleTreeStore(store.database),
    readFactViewAndHead: createFactViewAndHeadReader(store.database),
    ...(stamp ? { readChangeStamp: () => stamp.read() } : {}),
    close: () => {
      stamp?.close()
      return store.close()
    },
  }
}
