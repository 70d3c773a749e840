import type { WriteHealth } from './write-health.js'
import type { HeadSigner } from '../ledger/tamper/head-signer.js'
import type { IntegrityGuard } from '../ledger/tamper/integrity-guard.js'
import type { LedgerSigner } from '../ledger/tamper/signing-key.js'
import type { Runtime } from '../runtime.js'

/** The runtime parts the routes use (a subset, so tests can build one from a memory backend). */
export type HttpRuntime = Pick<Runtime, 'config' | 'logger' | 'store' | 'readModel' | 'readFactViewAndHead' | 'readChangeStamp' | 'ledger' | 'runner' | 'facts' | 'tree' | 'treeStore'>

export interface HttpDeps {
  runtime: HttpRuntime
  /** The ledger's signing key (public part, and signatures). */
  signer: LedgerSigner
  /** Signed tree heads, every N events or T seconds and on demand. */
  heads: HeadSigner
  /** Whether writes can be stored now (a full disk, an unreachable store), as /ready reports it. */
  writeHealth: WriteHealth
  /** Whether the log verifies (start-up check, then the whole log in the background). */
  integrity: IntegrityGuard
  /** Resolves true once the read model reflects `position`, false if it did not in time. */
  waitForProjection(position: bigint): Promise<boolean>
  /** Live SSE streams, ended on shutdown. */
  liveStreams: Set<AbortController>
  heartbeatMs: number
  maxReadyLag: bigint
  sourceBodyLimit: number
  /** The organization named as author of ClaimReview exports. */
  reviewer: string
}
