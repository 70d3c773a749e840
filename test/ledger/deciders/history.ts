import { parseQuantity } from '../../../events/quantity/parse.js'
import type { DecidedEvent } from '../../../src/ledger/command.js'
import { sha256Hex } from '../../../src/ledger/snapshot.js'
import { SNAPSHOT, claimInput, factInput, sourceInput } from '../ledger-fixture.js'

/** The events behind ledger-fixture's seeded ledger, for given/when/then specs: one source, one fact, one claim. */
export const sourceId = sourceInput.sourceId
export const factId = factInput.factId
export const claimId = claimInput.claimId
export const otherFactId = 'us-sanctions-2024-09-round-count'

function quantity(text: string) {
  const parsed = parseQuantity(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.quantity
}

const { snapshotText: _text, ...sourceFields } = sourceInput
export const sourceRegistered: DecidedEvent = { type: 'SourceRegistered', data: { ...sourceFields, snapshot: { text: SNAPSHOT, sha256: sha256Hex(SNAPSHOT) } } }
export const factDefined: DecidedEvent = { type: 'FactDefined', data: { ...factInput, timeVarying: false } }
export const otherFactDefined: DecidedEvent = { type: 'FactDefined', data: { ...factInput, factId: otherFactId, question: 'How many in the September 2024 round?', timeVarying: false } }
export const claimRecorded: DecidedEvent = {
  type: 'ClaimRecorded',
  data: {
    ...claimInput,
    via: [],
    value: quantity('21'),
    citation: { quote: claimInput.citation.quote, start: 29, end: 29 + claimInput.citation.quote.length, verified: true, snapshotVersion: 0 },
  },
}
export const claimRetracted: DecidedEvent = { type: 'ClaimRetracted', data: { claimId, reason: 'the wire withdrew it' } }
export const sourceRetracted: DecidedEvent = { type: 'SourceRetracted', data: { sourceId, retractedAt: '2024-11-28', reason: 'pulled' } }

/** A source, its fact and a claim from it: where most claim commands start. */
export const recorded = [sourceRegistered, factDefined, claimRecorded]

export { quantity }
