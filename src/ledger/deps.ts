import type { EventStore } from '../store/port.js'

/** What the ledger needs from the outside world; tests pass a fixed clock. */
export interface LedgerDeps {
  store: EventStore
  now: () => Date
}
