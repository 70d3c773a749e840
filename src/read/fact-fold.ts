import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'
import { streamOf } from '../../events/ids.js'
import { evolveClaim, isClaimEvent } from '../../projections/evolve-claim.js'
import { evolveFact } from '../../projections/evolve-fact.js'
import { evolveSource } from '../../projections/evolve-source.js'
import type { ClaimDoc, FactDoc, SourceDoc } from '../../projections/model.js'
import type { EventStore } from '../store/port.js'
import type { FactSnapshot } from '../read-model/port.js'

/** A fact's documents at one ledger position: what reconcileFact needs, policy aside. */
export interface FactDocs {
  fact: FactDoc
  claims: ClaimDoc[]
  sources: Map<string, SourceDoc>
}

/**
 * Folds one fact's indexed events (rm_fact_events) in position order with the
 * runner's reducers, so the documents at any of those positions are the ones
 * a replay of the whole log would give, without reading the rest of the log.
 *
 * The index holds every event of a claim while it is filed under the fact;
 * a claim that arrives by reassignment (or comes back) is read from its own
 * stream up to that point. Sources are read from their streams: few events each.
 *
 * Started from a snapshot (src/runner/fact-snapshots.ts), it folds only the
 * indexed events after it. The snapshot's sources are then folded from the
 * index too: once a claim citing a source has been filed under the fact,
 * every later event of that source is indexed for the fact (the runner
 * counts the facts a claim was filed under before), so none is missed.
 * A source the snapshot does not hold is read from its stream as above.
 */
export function createFactFold(store: EventStore, factId: string, from?: FactSnapshot | null) {
  let fact: FactDoc | null = from?.fact ?? null
  const claims = new Map<string, ClaimDoc>(from?.claims.map((c) => [c.claimId, c]))
  const snapshotSources = new Map<string, SourceDoc>(from?.sources.map((s) => [s.sourceId, s]))
  const sourceEvents = new Map<string, RecordedEvent[]>()

  async function foldStream(stream: string, before: bigint): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = []
    for await (const e of store.readStream(stream)) {
      if (e.position >= before) break
      events.push(e)
    }
    return events
  }

  /** The claim as it stood just before `position`: from memory while it stayed under this fact, else from its stream. */
  async function claimBefore(claimId: string, position: bigint): Promise<ClaimDoc | null> {
    const known = claims.get(claimId)
    if (known && known.factId === factId) return known
    let doc: ClaimDoc | null = null
    for (const e of await foldStream(streamOf.claim(claimId), position)) doc = evolveClaim(doc, decodeRecorded(e))
    return doc
  }

  async function sourceAt(sourceId: string, position: bigint): Promise<SourceDoc | null> {
    const kept = snapshotSources.get(sourceId)
    if (kept) return kept
    let events = sourceEvents.get(sourceId)
    if (!events) sourceEvents.set(sourceId, (events = await foldStream(streamOf.source(sourceId), BigInt(Number.MAX_SAFE_INTEGER))))
    let doc: SourceDoc | null = null
    for (const e of events) {
      if (e.position > position) break
      doc = evolveSource(doc, decodeRecorded(e))
    }
    return doc
  }

  return {
    /** Fold the next indexed event (positions must come in order). Policy events change no document here. */
    async apply(recorded: RecordedEvent): Promise<void> {
      const event = decodeRecorded(recorded)
      if (isClaimEvent(event)) {
        const id = event.data.claimId
        const before = event.type === 'ClaimRecorded' ? null : await claimBefore(id, recorded.position)
        claims.set(id, evolveClaim(before, event))
        return
      }
      switch (event.type) {
        case 'SourceRegistered':
        case 'SourceRevised':
        case 'SourceRetracted': {
          const kept = snapshotSources.get(event.data.sourceId)
          if (kept) snapshotSources.set(event.data.sourceId, evolveSource(kept, event))
          break
        }
        case 'FactDefined':
        case 'FactPinned':
        case 'FactUnpinned':
          if (event.data.factId === factId) fact = evolveFact(fact, event)
          break
        default:
          break
      }
    },

    /** The documents at `position` (at or after the last event applied), or null before the fact is defined. */
    async docsAt(position: bigint): Promise<FactDocs | null> {
      if (!fact) return null
      const filed = [...claims.values()].filter((c) => c.factId === factId)
      const sources = new Map<string, SourceDoc>()
      for (const c of filed) {
        if (sources.has(c.sourceId)) continue
        const source = await sourceAt(c.sourceId, position)
        if (source) sources.set(c.sourceId, source)
      }
      return { fact, claims: filed, sources }
    },
  }
}
