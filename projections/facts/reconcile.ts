import { type Interval, intersectAll, isEmpty } from '../../events/quantity/interval.js'
import type { ClaimDoc, ExplanationStep, FactDoc, FactView, Policy, SourceDoc } from '../model.js'
import { byClaimId, type Candidate, idsOf, nameRelays, toCandidate } from './candidate.js'
import { resolveConflict } from './conflict.js'
import { correctionSteps } from './corrections.js'
import type { DisplayOptions } from './display.js'
import { dropClaims } from './drop-claims.js'
import { editorialSteps, openDisputes } from './editorial-steps.js'
import { claimAsKnownAt } from './known-at.js'
import { agreementStep, pinnedOutcome } from './outcomes.js'
import { applyPin } from './pin.js'
import { rankClaims } from './ranking.js'
import type { Exclusion } from './step-types.js'
import { summarize, undisputed } from './summary.js'
import { placeRiders } from './riders.js'
import { supersede, type Supersession } from './supersession.js'
import { selectValidTime } from './valid-time.js'
import { commonUnit, valueQuantity } from './value-quantity.js'

export interface ReconcileInput {
  fact: FactDoc
  /** The claims filed under the fact now (any status); claims reassigned away are not among them. */
  claims: readonly ClaimDoc[]
  /** At least every source the claims cite. */
  sources: ReadonlyMap<string, SourceDoc>
  policy: Policy
  /** The ledger position the documents reflect. */
  position: bigint
  /** Publication clock: what the public record said then. */
  knownAt?: string | null
  /** Valid-time clock: the figure for that time in the world. */
  validAt?: string | null
}

/**
 * Reconciliation policy v2 (see defaultPolicy in ../model.ts): from a fact's claims to its view, in the order of
 * DESIGN.md, each step explained. Pure and deterministic: the same documents
 * give the same view whatever order the claims come in, which is what lets a
 * rebuild equal an incremental run.
 */
export function reconcileFact(input: ReconcileInput): FactView {
  const { fact, policy } = input
  const knownAt = input.knownAt ?? null
  const validAt = input.validAt ?? null
  for (const c of input.claims) {
    if (c.factId !== fact.factId) throw new Error(`reconcile: claim ${c.claimId} is filed under ${c.factId}, not ${fact.factId}`)
  }
  // The claims as the public record had them at knownAt: source corrections published later are undone.
  const candidates = nameRelays(input.claims.map((c) => toCandidate(claimAsKnownAt(c, knownAt), input.sources, policy)).sort(byClaimId))
  const options: DisplayOptions = { unit: commonUnit(candidates) ?? fact.unit, kind: fact.kind }

  const dropped = dropClaims(candidates, knownAt)
  const timed = selectValidTime(dropped.kept, fact, validAt)
  const excluded: Exclusion[] = [...dropped.excluded, ...timed.excluded].sort((a, b) => (a.claimId < b.claimId ? -1 : 1))
  const standing = timed.kept
  const steps: ExplanationStep[] = [...timed.steps, ...dropped.steps, ...correctionSteps(standing, knownAt), ...editorialSteps(standing)]

  const base = {
    factId: fact.factId,
    question: fact.question,
    unit: fact.unit,
    kind: fact.kind,
    excluded,
    policyVersion: policy.version,
    asOf: { position: input.position.toString(), knownAt, validAt },
    disputes: openDisputes(candidates),
  }

  if (standing.length === 0) {
    const why = candidates.length === 0 ? 'No claims are filed under this fact.' : `No standing claims: all ${candidates.length} were left out.`
    steps.push({ step: 'no-claims', detail: why, claimIds: [] })
    return {
      ...base,
      value: null,
      display: '—',
      status: 'no-claims',
      origins: 0,
      attributedTo: [],
      supporting: [],
      superseded: [],
      conflicting: [],
      explanation: steps,
      summary: candidates.length === 0 ? 'no claims yet' : `no standing claims (${candidates.length} left out)`,
    }
  }

  const pin = applyPin(fact, standing, excluded)
  steps.push(...pin.steps)
  if (pin.pinned) {
    const outcome = pinnedOutcome(pin.pinned, standing)
    steps.push(...outcome.steps)
    return view(base, outcome.interval, [pin.pinned], { counted: outcome.supporting, reprints: [] }, [], outcome.conflicting.map((c) => c.claim.claimId), steps, options, {
      status: 'pinned',
      pinReason: fact.pin!.reason,
    })
  }

  const superseding = supersede(standing)
  steps.push(...superseding.steps)
  const remaining = superseding.kept
  const reprints = superseding.reprintConflicts.map((r) => r.claim.claim.claimId)
  const meet = intersectAll(remaining.map((c) => c.interval))
  if (!isEmpty(meet)) {
    const ranked = rankClaims(remaining).map((r) => r.candidate)
    const origins = new Set(remaining.filter(undisputed).map((c) => c.source.origin)).size
    steps.push(agreementStep(remaining, meet, origins, valueQuantity(meet, ranked, options).display))
    const riders = placeRiders(superseding.riders, remaining)
    steps.push(...riders.steps)
    return view(base, meet, ranked, { counted: remaining, reprints: riders.standing }, superseding.superseded, [...reprints, ...idsOf(riders.falling)], steps, options, {
      status: origins >= 2 ? 'confirmed' : 'single-source',
    })
  }

  // Explanations name the value as the view will display it ("nearly 2,000", not its bounds).
  const ranking = rankClaims(remaining)
  const rankedRemaining = ranking.map((r) => r.candidate)
  const conflict = resolveConflict(remaining, (i) => valueQuantity(i, rankedRemaining, options).display, ranking)
  steps.push(...conflict.steps)
  const riders = placeRiders(superseding.riders, conflict.supporting)
  steps.push(...riders.steps)
  const losers = [...conflict.conflicting.map((l) => l.candidate.claim.claimId), ...reprints, ...idsOf(riders.falling)]
  return view(base, conflict.interval, conflict.ranked, { counted: conflict.supporting, reprints: riders.standing }, superseding.superseded, losers, steps, options, {
    status: 'conflicting',
    decidedBy: conflict.conflicting[0]?.criterion,
  })
}

type Base = Pick<FactView, 'factId' | 'question' | 'unit' | 'kind' | 'excluded' | 'policyVersion' | 'asOf' | 'disputes'>

function view(
  base: Base,
  interval: Interval,
  ranked: readonly Candidate[],
  /** The claims the value rests on, and the reprints that stand with them (they support it but count for nothing of their own). */
  supporting: { counted: readonly Candidate[]; reprints: readonly Candidate[] },
  superseded: readonly Supersession[],
  conflicting: readonly string[],
  explanation: ExplanationStep[],
  options: DisplayOptions,
  how: { status: FactView['status']; pinReason?: string; decidedBy?: string | undefined },
): FactView {
  const { value, display } = valueQuantity(interval, ranked, options)
  return {
    ...base,
    value,
    display,
    status: how.status,
    // Origins that count: a claim under open dispute still supports the value but is not counted.
    origins: new Set(supporting.counted.filter(undisputed).map((c) => c.source.origin)).size,
    attributedTo: [...new Set(supporting.counted.map((c) => c.claim.attributedTo))].sort(),
    supporting: idsOf([...supporting.counted, ...supporting.reprints]),
    superseded: superseded.map((s) => s.claim.claim.claimId).sort(),
    conflicting: [...conflicting].sort(),
    explanation,
    summary: summarize({
      display,
      interval,
      supporting: supporting.counted,
      reprints: supporting.reprints,
      superseded,
      conflicting: conflicting.length,
      decidedBy: how.decidedBy,
      pinReason: how.pinReason,
      displayOptions: options,
    }),
  }
}
