import { streamOf } from '../../../events/ids.js'
import { evolveClaim } from '../../../projections/evolve-claim.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
import type { ClaimDoc, FactDoc } from '../../../projections/model.js'
import { defineCommand } from '../command.js'
import type { Entity, ReadEntity } from '../entity.js'
import { fail } from '../errors.js'
import { DefineFactInput, PinFactInput, UnpinFactInput } from '../inputs.js'
import { factUnitFitsKind } from '../value/unit-fits-kind.js'

const factTarget = (c: { factId: string }) => ({ stream: streamOf.fact(c.factId), entityId: c.factId })
const readFact = async (read: ReadEntity, c: { factId: string }) => ({ fact: await read(streamOf.fact(c.factId), evolveFact) })

/** A question a figure answers; a subset names its parent fact, which must exist. */
export const defineFact = defineCommand({
  role: 'editor',
  body: DefineFactInput,
  command: ({ factId, ...body }, id) => ({ ...body, factId: factId ?? id }),
  target: factTarget,
  state: async (read, c): Promise<{ fact: Entity<FactDoc>; parent: Entity<FactDoc> | null }> => ({
    ...(await readFact(read, c)),
    parent: c.subsetOf ? await read(streamOf.fact(c.subsetOf), evolveFact) : null,
  }),
  decide: ({ fact, parent }, command) => {
    if (fact.doc) return fail.exists('fact', 'factId', command.factId)
    if (command.subsetOf === command.factId) return fail.invariant('subsetOf', 'a fact cannot be a subset of itself')
    const unitProblem = factUnitFitsKind(command.kind, command.unit)
    if (unitProblem) return fail.invalid([{ path: 'unit', message: unitProblem }])
    if (parent && !parent.doc) return fail.notFound('fact', 'subsetOf', command.subsetOf!)
    return { type: 'FactDefined', data: command }
  },
})

/** Editors prefer one standing claim for the fact; the pin is shown and explained, never silently applied. */
export const pinFact = defineCommand({
  role: 'editor',
  body: PinFactInput,
  command: (body, id) => ({ factId: id, ...body }),
  target: factTarget,
  state: async (read, c): Promise<{ fact: Entity<FactDoc>; claim: Entity<ClaimDoc> }> => ({
    ...(await readFact(read, c)),
    claim: await read(streamOf.claim(c.claimId), evolveClaim),
  }),
  decide: ({ fact, claim }, command) => {
    const { factId, claimId } = command
    if (!fact.doc) return fail.notFound('fact', 'factId', factId)
    if (!claim.doc) return fail.notFound('claim', 'claimId', claimId)
    if (claim.doc.factId !== factId) return fail.invariant('claimId', `the claim is filed under "${claim.doc.factId}", not this fact`)
    if (claim.doc.retracted) return fail.invariant('claimId', 'a retracted claim cannot be pinned')
    if (fact.doc.pin?.claimId === claimId) return fail.invariant('claimId', 'this claim is already pinned')
    return { type: 'FactPinned', data: command }
  },
})

export const unpinFact = defineCommand({
  role: 'editor',
  body: UnpinFactInput,
  command: (body, id) => ({ factId: id, ...body }),
  target: factTarget,
  state: readFact,
  decide: ({ fact }, command) => {
    if (!fact.doc) return fail.notFound('fact', 'factId', command.factId)
    if (!fact.doc.pin) return fail.invariant('factId', 'the fact has no pin to remove')
    return { type: 'FactUnpinned', data: command }
  },
})
