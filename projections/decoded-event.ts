import type { decodeRecorded } from '../events/decode.js'
import type { EventType } from '../events/registry.js'

/** What every reducer folds: a domain event at its current version, with where it sits in the ledger. */
export type DecodedEvent = ReturnType<typeof decodeRecorded>

/** A decoded event of one type (its `data` narrowed accordingly). */
export type DecodedEventOf<T extends EventType> = Extract<DecodedEvent, { type: T }>
