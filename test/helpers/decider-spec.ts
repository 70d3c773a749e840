import type { Test } from 'tap'
import type { RecordedEvent } from '../../events/envelope.js'
import { streamOf } from '../../events/ids.js'
import { eventTypes } from '../../events/registry.js'
import type { DecidedEvent, Decision, LedgerCommand } from '../../src/ledger/command.js'
import { policyStream } from '../../src/ledger/commands/adopt-policy.js'
import { foldEntity, type ReadEntity } from '../../src/ledger/entity.js'
import type { LedgerErrorCode } from '../../src/ledger/errors.js'
import { parseInput } from '../../src/ledger/parse-input.js'

/**
 * Given/when/then for a ledger command, without a store (after Emmett's
 * DeciderSpecification):
 *
 *   await decider(retractClaim).given([sourceRegistered, factDefined, claimRecorded])
 *     .when({ reason: 'withdrawn' }, claimId).then(t, { type: 'ClaimRetracted', data: { ... } })
 *   await decider(retractClaim).given([]).when({ reason: 'x' }, claimId).thenFails(t, 'NotFound', 'claimId')
 *
 * The body is parsed with the command's own schema (a bad body fails with
 * ValidationFailed, as over HTTP); `id` is the entity in the path, or the id
 * a creating command generates. The state is folded from the given events
 * with the projections' reducers, exactly as the ledger folds stored streams.
 */
export function decider<Body, Command, State>(command: LedgerCommand<Body, Command, State>) {
  return {
    given: (history: DecidedEvent[]) => ({
      when: (body: unknown, id = '01936d7e-0000-7000-8000-0000000000e1') => {
        const decision = async (): Promise<Decision> => {
          const parsed = parseInput(command.body, body)
          if (!parsed.ok) return parsed.error
          const decided = command.command(parsed.value, id)
          return command.decide(await command.state(readGiven(history), decided), decided)
        }
        return {
          /** The command decides on exactly this event. */
          then: async (t: Test, expected: DecidedEvent) => t.strictSame(await decision(), expected, `decides ${expected.type}`),
          /** The command is refused with this code, naming this field (the first issue's path for ValidationFailed). */
          thenFails: async (t: Test, code: LedgerErrorCode, field?: string) => {
            const outcome = await decision()
            t.match(outcome, { code }, `refused with ${code}`)
            if (field !== undefined) t.equal(fieldOf(outcome), field, `naming ${field}`)
          },
        }
      },
    }),
  }
}

function fieldOf(outcome: Decision): string | undefined {
  if ('issues' in outcome) return outcome.issues[0]?.path
  return 'field' in outcome ? outcome.field : undefined
}

/** The stream an event belongs to, read from its payload's entity id. */
function streamOfEvent({ type, data }: DecidedEvent): string {
  const ids = data as { claimId?: string; sourceId?: string; factId?: string }
  if (type === 'PolicyAdopted') return policyStream
  if (type.startsWith('Claim')) return streamOf.claim(ids.claimId!)
  if (type.startsWith('Source')) return streamOf.source(ids.sourceId!)
  return streamOf.fact(ids.factId!)
}

function readGiven(history: DecidedEvent[]): ReadEntity {
  const streams = new Map<string, RecordedEvent[]>()
  history.forEach((event, i) => {
    const stream = streamOfEvent(event)
    const events = streams.get(stream) ?? []
    const metadata = { actor: 'spec', role: 'editor' as const, correlationId: `given-${i}`, causationId: `given-${i}`, recordedAt: '2026-01-01T00:00:00Z' }
    events.push({ ...event, id: `given-${i}`, schemaVersion: eventTypes[event.type].current, metadata, stream, revision: BigInt(events.length), position: BigInt(i + 1), hash: '', prevHash: null })
    streams.set(stream, events)
  })
  return async (stream, evolve) => foldEntity(stream, streams.get(stream) ?? [], evolve)
}
