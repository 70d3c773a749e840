import { ANY, NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision } from '@eventstore/db-client'
import type { ExpectedRevision } from '../port.js'

/** The port's expected revision as the client spells it (the port's bigint is the client's exact revision). */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY
    case 'no_stream':
      return NO_STREAM
    case 'stream_exists':
      return STREAM_EXISTS
    default:
      return expected
  }
}

/**
 * What the adapter actually sends: the exact revision it read (or NO_STREAM),
 * never ANY, because the hash chain was computed on top of that revision and
 * must not land anywhere else.
 */
export function chainExpectedRevision(headRevision: bigint | null): AppendExpectedRevision {
  return headRevision === null ? NO_STREAM : headRevision
}
