import type { EventMetadata } from './metadata.js'

/** An event about to be appended. `data` is already validated by the ledger. */
export interface NewEvent {
  id: string
  type: string
  schemaVersion: number
  data: unknown
  metadata: EventMetadata
}

/** An event as the store returns it: where it sits, and its place in the hash chain. */
export interface RecordedEvent extends NewEvent {
  stream: string
  /** 0-based revision within the stream. */
  revision: bigint
  /** Global position: strictly increasing in commit order, starting at 1. */
  position: bigint
  /** sha256 over the canonical event and prevHash (see src/store/hash-chain.ts). */
  hash: string
  /** Hash of the previous event of the same stream; null for revision 0. */
  prevHash: string | null
}
