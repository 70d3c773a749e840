import type { RecordedEvent } from '../../events/envelope.js'
import type { LedgerError } from './errors.js'

/** What a successful command wrote (or, for an idempotent retry, had written the first time). */
export interface CommandSuccess {
  ok: true
  stream: string
  /** The stream's revision after the write: the ETag an editor sends back as If-Match. */
  revision: bigint
  position: bigint
  event: RecordedEvent
  /** true when this was a retry of an earlier command with the same Idempotency-Key. */
  duplicate: boolean
  /** Id of the entity the command created or changed. */
  entityId: string
}

export type CommandResult = CommandSuccess | { ok: false; error: LedgerError }
