import type { Logger } from 'pino'
import type { Config } from './config.js'
import { createLedger, type Ledger } from './ledger/create-ledger.js'
import { createLedgerTree, type LedgerTree } from './ledger/tamper/ledger-tree.js'
import { createFactQueries, type FactQueries } from './read/fact-queries.js'
import { createProjectionRunner, type ProjectionRunner, type RunnerOptions } from './runner/projection-runner.js'
import { type Backend, openBackend } from './backend/open-backend.js'

/** Everything a command or the server works with, opened from one configuration. */
export interface Runtime extends Backend {
  config: Config
  logger: Logger
  ledger: Ledger
  runner: ProjectionRunner
  facts: FactQueries
  /** The stored Merkle tree: heads and O(log n) proofs. */
  tree: LedgerTree
}

export async function openRuntime(config: Config, logger: Logger, backend?: Backend, options: Pick<RunnerOptions, 'batchSize' | 'retryDelayMs' | 'factSnapshotEvery'> = {}): Promise<Runtime> {
  const opened = backend ?? (await openBackend(config, logger))
  const runner = createProjectionRunner({ store: opened.store, readModel: opened.readModel, logger, ...options })
  return {
    ...opened,
    config,
    logger,
    ledger: createLedger({ store: opened.store }),
    runner,
    facts: createFactQueries(opened),
    tree: createLedgerTree(opened.store, opened.treeStore),
    async close() {
      await runner.stop()
      await opened.close()
    },
  }
}
