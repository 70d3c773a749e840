import { streamOf } from '../../../events/ids.js'
import { evolveClaim } from '../../../projections/evolve-claim.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
import { evolveSource } from '../../../projections/evolve-source.js'
import { authorize } from '../authorize.js'
import { verifyCitation } from '../citation.js'
import type { CommandContext } from '../context.js'
import type { LedgerDeps } from '../deps.js'
import { fail } from '../errors.js'
import { resolveFigure } from '../figure.js'
import { commandIds } from '../idempotency.js'
import { RecordClaimInput } from '../inputs.js'
import { loadStream } from '../load-stream.js'
import { parseInput } from '../parse-input.js'
import type { CommandResult } from '../result.js'
import { snapshotVersions } from '../snapshot.js'
import { checkClaimValue } from '../value/claim-value-check.js'
import { writeEvent } from '../write-event.js'

/** File what a source said about a fact, with its citation checked against the source's own words. */
export async function recordClaim(deps: LedgerDeps, ctx: CommandContext, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(RecordClaimInput, input)
  if (!parsed.ok) return parsed
  const { claimId: givenId, citation, value: figure, reading, ...rest } = parsed.value
  const value = resolveFigure(figure, 'value')
  if (!value.ok) return value

  const ids = commandIds(ctx)
  const claimId = givenId ?? ids.entityId
  const [target, fact, source] = await Promise.all([
    loadStream(deps.store, streamOf.claim(claimId), evolveClaim),
    loadStream(deps.store, streamOf.fact(rest.factId), evolveFact),
    loadStream(deps.store, streamOf.source(rest.sourceId), evolveSource),
  ])
  const cited = verifyCitation(citation, snapshotVersions(source.events))
  const data = {
    claimId,
    ...rest,
    citation: cited.ok ? cited.citation : { ...citation, verified: false },
    value: value.value,
    ...(reading ? { reading } : {}),
  }
  return writeEvent(deps, ctx, target, { type: 'ClaimRecorded', data, eventId: ids.eventId, entityId: claimId }, () => {
    if (target.doc) return fail.exists('claim', 'claimId', claimId)
    if (!fact.doc) return fail.notFound('fact', 'factId', rest.factId)
    if (!source.doc) return fail.notFound('source', 'sourceId', rest.sourceId)
    if (source.doc.retracted) return fail.invariant('sourceId', 'the source was retracted; claims from it are not recorded')
    if (!cited.ok) return cited.error
    return checkClaimValue({ value: value.value, quote: citation.quote, reading }, fact.doc, { value: 'value', structured: typeof figure !== 'string' })
  })
}
