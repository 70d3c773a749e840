import type { Logger } from 'pino'
import type { FactViewAndHead, ReadModelStore } from '../read-model/port.js'
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres/create-postgres-event-store.js'
import { readFactViewAndHead } from '../read-model/postgres/fact-view-and-head.js'
import { createPostgresReadModel } from '../read-model/postgres/read-model.js'
import type { MerkleTreeStore } from '../store/merkle-tree-port.js'
import { createPostgresMerkleTreeStore } from '../store/postgres/merkle-tree-store.js'

export interface PostgresBackend {
  store: PostgresEventStore
  /** On the store's pool: a projection batch and its checkpoint commit in one transaction. */
  readModel: ReadModelStore
  treeStore: MerkleTreeStore
  readFactViewAndHead(factId: string, stream: string): Promise<FactViewAndHead>
  close(): Promise<void>
}

/** One PostgreSQL database as event store and read model (what `openBackend` does for FACTLEDGER_STORE=postgres). */
export async function openPostgresBackend(options: { connectionString: string; logger?: Logger; pollIntervalMs?: number }): Promise<PostgresBackend> {
  const store = await createPostgresEventStore(options)
  return {
    store,
    readModel: createPostgresReadModel(store.pool),
    treeStore: createPostgresMerkleTreeStore(store.pool),
    readFactViewAndHead: (factId, stream) => readFactViewAndHead(store.pool, factId, stream),
    close: () => store.close(),
  }
}
