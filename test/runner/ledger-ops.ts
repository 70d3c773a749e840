import fc from 'fast-check'
import type { CommandContext } from '../../src/ledger/context.js'
import type { Runtime } from '../../src/runtime.js'

/** Random editorial work on three facts and three sources, for the runner's property tests. */
const editor: CommandContext = { actor: 'prop', role: 'editor' }
const admin: CommandContext = { actor: 'prop-admin', role: 'admin' }
export const SOURCES = ['01933c8e-0000-7000-8000-00000000a001', '01933c8e-0000-7000-8000-00000000a002', '01933c8e-0000-7000-8000-00000000a003']
export const FACTS = ['fact-a', 'fact-b', 'running-toll']
const FIGURES = ['21', 'more than 20', 'about 180', 'nearly 2,000', 'between 15 and 20', '16', '15', 'at least 10', 'up to 30', 'fewer than 12']
export const DATES = ['2024-09-03', '2024-09-20', '2024-11-27', '2025-04-30']
const MODALITIES = ['official', 'reported', 'planned', 'estimate', 'allegation'] as const

export type Op =
  | { op: 'record'; fact: number; source: number; figure: number; modality: number; date: number }
  | { op: 'correct'; claim: number; figure: number }
  | { op: 'retract' | 'dispute'; claim: number }
  | { op: 'resolveDispute'; claim: number; upheld: boolean }
  | { op: 'reassign'; claim: number; fact: number }
  | { op: 'pin'; claim: number }
  | { op: 'unpin'; fact: number }
  | { op: 'policy'; tolerance: number }
  | { op: 'retractSource'; source: number }

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('record' as const), fact: fc.nat(2), source: fc.nat(2), figure: fc.nat(FIGURES.length - 1), modality: fc.nat(4), date: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('correct' as const), claim: fc.nat(20), figure: fc.nat(FIGURES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('retract' as const, 'dispute' as const), claim: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('resolveDispute' as const), claim: fc.nat(20), upheld: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reassign' as const), claim: fc.nat(20), fact: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('pin' as const), claim: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unpin' as const), fact: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('policy' as const), tolerance: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retractSource' as const), source: fc.nat(2) }) },
)

/** A quote that prints the figure, as the ledger requires of a claim without an editor's reading. */
const quoteOf = (figure: string, n: number) => `officials said ${figure} in report ${n}`

/**
 * Register the sources and facts, then run the ops through the ledger's
 * commands (refused ones write nothing), calling `afterEach` after every op.
 */
export async function runOps(runtime: Pick<Runtime, 'ledger'>, ops: readonly Op[], afterEach: () => Promise<unknown>): Promise<void> {
  const { ledger } = runtime
  for (const [i, sourceId] of SOURCES.entries()) {
    await ledger.registerSource(editor, { sourceId, publisher: `Outlet ${i}`, title: `Report ${i}`, publishedAt: DATES[i]!, origin: `outlet-${i % 2}`, tier: (i % 3) + 1 })
  }
  for (const factId of FACTS) {
    await ledger.defineFact(editor, { factId, question: `How many for ${factId}?`, subject: factId, unit: 'persons', kind: 'count', timeVarying: factId === 'running-toll' })
  }
  await afterEach()
  const claims: Array<{ id: string; fact: string; disputes: string[] }> = []
  for (const op of ops) {
    const claim = claims.length ? claims[('claim' in op ? op.claim : 0) % claims.length]! : null
    switch (op.op) {
      case 'record': {
        const r = await ledger.recordClaim(editor, {
          factId: FACTS[op.fact]!, sourceId: SOURCES[op.source]!, citation: { quote: quoteOf(FIGURES[op.figure]!, claims.length) }, attributedTo: 'Someone',
          value: FIGURES[op.figure]!, modality: MODALITIES[op.modality]!, validAt: DATES[op.date]!,
        })
        if (r.ok) claims.push({ id: r.entityId, fact: FACTS[op.fact]!, disputes: [] })
        break
      }
      case 'correct':
        if (claim) await ledger.correctClaim(editor, claim.id, { reason: 'typo', changes: { value: FIGURES[op.figure]!, citation: { quote: quoteOf(FIGURES[op.figure]!, op.claim) } } })
        break
      case 'retract':
        if (claim) await ledger.retractClaim(editor, claim.id, { reason: 'withdrawn' })
        break
      case 'dispute':
        if (claim) {
          const r = await ledger.disputeClaim(editor, claim.id, { reason: 'doubt' })
          if (r.ok) claim.disputes.push(r.event.id)
        }
        break
      case 'resolveDispute': {
        // Resolve the oldest open dispute of one of the disputed claims.
        const disputed = claims.filter((c) => c.disputes.length > 0)
        const target = disputed[op.claim % Math.max(1, disputed.length)]
        if (target) await ledger.resolveDispute(editor, target.id, { disputeId: target.disputes.shift()!, outcome: op.upheld ? 'upheld' : 'dismissed', reason: 'checked' })
        break
      }
      case 'reassign':
        if (claim) {
          const r = await ledger.reassignClaim(editor, claim.id, { toFactId: FACTS[op.fact]!, reason: 'misfiled' })
          if (r.ok) claim.fact = FACTS[op.fact]!
        }
        break
      case 'pin':
        if (claim) await ledger.pinFact(editor, claim.fact, { claimId: claim.id, reason: 'preferred' })
        break
      case 'unpin':
        await ledger.unpinFact(editor, FACTS[op.fact]!, { reason: 'no longer' })
        break
      case 'policy':
        await ledger.adoptPolicy(admin, { aboutTolerance: op.tolerance / 100, note: 'tune' })
        break
      case 'retractSource':
        await ledger.retractSource(editor, SOURCES[op.source]!, { retractedAt: '2025-05-01', reason: 'withdrawn' })
        break
    }
    await afterEach()
  }
}
