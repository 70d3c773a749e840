import { streamOf } from '../../../events/ids.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
import { evolveSource } from '../../../projections/evolve-source.js'
import { verifyCitation } from '../citation.js'
import { defineCommand } from '../command.js'
import { fail } from '../errors.js'
import { resolveFigure } from '../figure.js'
import { RecordClaimInput } from '../inputs.js'
import { snapshotVersions } from '../snapshot.js'
import { checkClaimValue } from '../value/claim-value-check.js'
import { claimTarget, readClaim } from './claim-state.js'

/** File what a source said about a fact, with its citation checked against the source's own words. */
export const recordClaim = defineCommand({
  role: 'editor',
  body: RecordClaimInput,
  command: ({ claimId, ...body }, id) => ({ claimId: claimId ?? id, ...body }),
  target: claimTarget,
  state: async (read, c) => {
    const [{ claim }, fact, source] = await Promise.all([readClaim(read, c), read(streamOf.fact(c.factId), evolveFact), read(streamOf.source(c.sourceId), evolveSource)])
    return { claim, fact, source }
  },
  decide: ({ claim, fact, source }, command) => {
    const { claimId, citation, value: figure, reading, ...rest } = command
    const value = resolveFigure(figure, 'value')
    if (!value.ok) return value.error
    if (claim.doc) return fail.exists('claim', 'claimId', claimId)
    if (!fact.doc) return fail.notFound('fact', 'factId', rest.factId)
    if (!source.doc) return fail.notFound('source', 'sourceId', rest.sourceId)
    if (source.doc.retracted) return fail.invariant('sourceId', 'the source was retracted; claims from it are not recorded')
    const cited = verifyCitation(citation, snapshotVersions(source.events))
    if (!cited.ok) return cited.error
    const problem = checkClaimValue({ value: value.value, quote: citation.quote, reading }, fact.doc, { value: 'value', structured: typeof figure !== 'string' })
    if (problem) return problem
    return { type: 'ClaimRecorded', data: { claimId, ...rest, citation: cited.citation, value: value.value, ...(reading ? { reading } : {}) } }
  },
})
