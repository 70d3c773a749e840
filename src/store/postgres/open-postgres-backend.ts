import type { Logger } from 'pino'
import type { FactViewAndHead } from '../open-backend.js'
import type { MerkleTreeStore } from '../merkle-tree-port.js'
import type { ReadModelStore } from '../read-model-port.js'
import { createPostgresEventStore, type PostgresEventStore } from './create-postgres-event-store.js'
import { readFactViewAndHead } from './fact-view-and-head.js'
import { createPostgresMerkleTreeStore } from './merkle-tree-store.js'
import { createPostgresReadModel } from './read-model.js'

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
