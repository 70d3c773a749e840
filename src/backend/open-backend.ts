import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Logger } from 'pino'
import type { Config } from '../config.js'
import type { MerkleTreeStore } from '../store/merkle-tree-port.js'
import type { EventStore } from '../store/port.js'
import type { FactViewAndHead, ReadModelStore } from '../read-model/port.js'
import type { WaitForRunnerLease } from '../runner/run-projections.js'

/** An event store and the read model the projection runner keeps beside it. */
export interface Backend {
  store: EventStore
  readModel: ReadModelStore
  /** The stored Merkle tree over the log and its signed heads, beside the read model. */
  treeStore: MerkleTreeStore
  /**
   * A fact's current view and its stream's head revision in one statement:
   * one snapshot, one round trip, and on SQLite one read transaction (whose
   * file locks are system calls, the larger part of reading a fact). Only a
   * backend whose events and read model are one database offers it.
   */
  readFactViewAndHead?(factId: string, stream: string): Promise<FactViewAndHead>
  /**
   * A value that differs after any commit to the events or the read model, by
   * any process; null when it cannot be read now. Cheaper than any read (a
   * response cache checks it on every hit). Only a backend that keeps both in
   * one file it can watch offers it: SQLite, not PostgreSQL (any check there
   * is a round trip, about half the read's, and the cluster's snapshot moves
   * with every write, rate-limit counters included) nor EventStoreDB (events
   * elsewhere).
   */
  readChangeStamp?(): string | null
  /**
   * Where several app processes share one database, only the holder of this
   * lease may run the projections. Backends without it (embedded SQLite) have
   * one process by construction.
   */
  waitForRunnerLease?: WaitForRunnerLease
  close(): Promise<void>
}

/**
 * Open the configured backend. SQLite keeps events, read models and checkpoints
 * in one file; PostgreSQL in one database; EventStoreDB keeps the events and
 * the read model lives in a local SQLite file (FACTLEDGER_DB), rebuilt from the
 * log whenever it is missing.
 */
export async function openBackend(config: Config, logger: Logger): Promise<Backend> {
  switch (config.FACTLEDGER_STORE) {
    case 'sqlite': {
      const { openSqliteBackend } = await import('./open-sqlite-backend.js')
      ensureDir(config.FACTLEDGER_DB)
      return openSqliteBackend({ path: config.FACTLEDGER_DB, logger })
    }
    case 'postgres': {
      const { openPostgresBackend } = await import('./open-postgres-backend.js')
      const { waitForRunnerLease } = await import('../store/postgres/runner-lease.js')
      const backend = await openPostgresBackend({ connectionString: config.DATABASE_URL!, logger })
      return {
        ...backend,
        waitForRunnerLease: (onStandby, signal) =>
          waitForRunnerLease(backend.store.pool, 'projections', {
            signal,
            onStandby: (attempt) => {
              if (attempt === 1) logger.info('another process runs the projections; standing by')
              onStandby(attempt)
            },
          }),
      }
    }
    case 'esdb': {
      const { createEsdbEventStore } = await import('../store/esdb/create-esdb-event-store.js')
      const { openSqliteBackend } = await import('./open-sqlite-backend.js')
      ensureDir(config.FACTLEDGER_DB)
      const local = await openSqliteBackend({ path: config.FACTLEDGER_DB, logger })
      const store = await createEsdbEventStore({ connectionString: config.FACTLEDGER_ESDB_URL! })
      return {
        store,
        readModel: local.readModel,
        treeStore: local.treeStore,
        async close() {
          await store.close()
          await local.close()
        },
      }
    }
  }
}

function ensureDir(path: string): void {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
}
