import type { RecordedEvent } from '../../../events/envelope.js'
import { hashEvent } from '../../store/hash-chain.js'
import type { EventStore } from '../../store/port.js'
import type { LedgerHead } from './ledger-head.js'
import { createMerkleAccumulator } from './merkle-accumulator.js'
import { eventLeaf } from './merkle.js'

/**
 * `factledger verify` / `GET /ledger/verify`: one pass over the global log
 * that recomputes everything the ledger's integrity rests on and names the
 * first event, in global order, where it breaks:
 *
 * - position-order: positions strictly increase (a reordered or duplicated log);
 * - revision-gap: each stream's revisions run 0, 1, 2, ... (a deleted, repeated or renumbered event);
 * - broken-link: prevHash is the hash of the stream's previous event (a replaced or re-hashed predecessor);
 * - hash-mismatch: the stored hash is hashEvent of the event as stored (an edited id, type, data or metadata).
 *
 * Checks run in that order, so an event that is wrong in several ways is
 * reported for its most structural fault. An edit that also rewrites the
 * event's hash passes here at that event but breaks the link of the next one
 * in its stream; rewriting a whole stream tail consistently is only caught by
 * comparing the Merkle head with one published earlier (proveConsistency).
 *
 * Memory: the last revision and hash of each stream plus the Merkle
 * frontier; events are not kept.
 */
export type LedgerProblem = 'hash-mismatch' | 'broken-link' | 'revision-gap' | 'position-order'

export interface BadEvent {
  position: bigint
  eventId: string
  stream: string
  revision: bigint
  problem: LedgerProblem
  /** What the ledger should hold here (a hash, a revision, or "> position"); null for "no previous hash". */
  expected: string | null
  /** What it holds. */
  actual: string | null
}

export type LedgerVerification =
  | { ok: true; events: number; streams: number; head: LedgerHead; heads: LedgerHead[] }
  | { ok: false; firstBad: BadEvent; checked: number }

export interface VerifyOptions {
  /** Called with the number of events verified so far, every PROGRESS_EVERY events and once at the end. */
  onProgress?(n: number): void
  /** Also report the head at each of these tree sizes (those the log reaches), to compare with heads signed earlier. */
  headsAt?: readonly number[]
  /**
   * Verify only a tail of the log: the events come after this position, and
   * priorTip gives each stream's last event before them (its chain link).
   * The Merkle head is then over the tail alone and means nothing by itself.
   */
  after?: { position: bigint; priorTip(stream: string): Promise<StreamTip | undefined> }
}

export const PROGRESS_EVERY = 1000

export interface StreamTip {
  revision: bigint
  hash: string
}

export function verifyLedger(store: EventStore, options: VerifyOptions = {}): Promise<LedgerVerification> {
  return verifyEvents(store.readAll(), options)
}

/**
 * The same checks over any sequence of events in global order: the store's
 * log, or an export read offline (verify-export), so both are judged by one
 * piece of code.
 */
export async function verifyEvents(events: AsyncIterable<RecordedEvent>, options: VerifyOptions = {}): Promise<LedgerVerification> {
  const tips = new Map<string, StreamTip>()
  const tree = createMerkleAccumulator()
  const wanted = new Set(options.headsAt ?? [])
  const heads: LedgerHead[] = wanted.has(0) ? [{ size: 0, rootHash: tree.root().toString('hex'), position: 0n }] : []
  let lastPosition = options.after?.position ?? 0n
  let checked = 0

  for await (const event of events) {
    if (options.after && !tips.has(event.stream) && event.revision > 0n) {
      const prior = await options.after.priorTip(event.stream)
      if (prior) tips.set(event.stream, prior)
    }
    const fault = firstFault(event, lastPosition, tips.get(event.stream))
    if (fault) {
      const { position, id: eventId, stream, revision } = event
      return { ok: false, firstBad: { position, eventId, stream, revision, ...fault }, checked }
    }
    tips.set(event.stream, { revision: event.revision, hash: event.hash })
    tree.append(eventLeaf(event))
    lastPosition = event.position
    checked++
    if (wanted.has(checked)) heads.push({ size: checked, rootHash: tree.root().toString('hex'), position: lastPosition })
    if (checked % PROGRESS_EVERY === 0) options.onProgress?.(checked)
  }
  options.onProgress?.(checked)
  return {
    ok: true,
    events: checked,
    streams: tips.size,
    head: { size: tree.size(), rootHash: tree.root().toString('hex'), position: lastPosition },
    heads,
  }
}

type Fault = Pick<BadEvent, 'problem' | 'expected' | 'actual'>

function firstFault(event: RecordedEvent, lastPosition: bigint, tip: StreamTip | undefined): Fault | null {
  if (event.position <= lastPosition) {
    return { problem: 'position-order', expected: `> ${lastPosition}`, actual: event.position.toString() }
  }
  const revision = tip === undefined ? 0n : tip.revision + 1n
  if (event.revision !== revision) {
    return { problem: 'revision-gap', expected: revision.toString(), actual: event.revision.toString() }
  }
  const prevHash = tip?.hash ?? null
  if (event.prevHash !== prevHash) return { problem: 'broken-link', expected: prevHash, actual: event.prevHash }
  const hash = recomputedHash(event)
  if (event.hash !== hash) return { problem: 'hash-mismatch', expected: hash, actual: event.hash }
  return null
}

function recomputedHash(event: RecordedEvent): string | null {
  const { id, type, schemaVersion, data, metadata } = event
  try {
    return hashEvent({ id, type, schemaVersion, data, metadata }, event.stream, event.revision, event.prevHash)
  } catch {
    // A stored event so damaged it cannot be canonicalized has no hash it could match.
    return null
  }
}
