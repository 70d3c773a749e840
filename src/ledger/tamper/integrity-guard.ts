import type { Logger } from 'pino'
import type { MerkleTreeStore, StoredTreeHead } from '../../store/merkle-tree-port.js'
import type { EventStore } from '../../store/port.js'
import type { LedgerHead } from './ledger-head.js'
import type { LedgerTree } from './ledger-tree.js'
import { type BadEvent, verifyEvents, verifyLedger } from './verify-ledger.js'

/** Where the ledger's integrity stands, as /ledger/integrity, /ready and the page's banner show it. */
export type IntegrityState =
  | { status: 'verifying'; checkedAtStart: number }
  | { status: 'verified'; size: number; rootHash: string; verifiedAt: string; checkedAtStart: number }
  | { status: 'tampered'; firstBad: BadEvent | null; detail: string }

export interface IntegrityGuard {
  state(): IntegrityState
  /** The start-up check: the events after the last verified head, before the server listens. */
  checkRecent(): Promise<IntegrityState>
  /** The whole log, against every stored signed head, in the background; resolves when done. */
  verifyAll(): Promise<IntegrityState>
}

/** Every signed head stored, smallest first. */
export async function allSignedHeads(treeStore: MerkleTreeStore): Promise<StoredTreeHead[]> {
  const signed: StoredTreeHead[] = []
  for (let page = await treeStore.listHeads(-1, 1000); page.length > 0; page = await treeStore.listHeads(page.at(-1)!.treeSize, 1000)) signed.push(...page)
  return signed
}

/** The first signed head whose root the recomputed log does not reproduce, said in a sentence; null when all match. */
export function headMismatch(computed: readonly LedgerHead[], signed: readonly StoredTreeHead[]): string | null {
  for (const head of signed) {
    const at = computed.find((h) => h.size === head.treeSize)
    if (at && at.rootHash !== head.rootHash) {
      return `the log's first ${head.treeSize} events have root ${at.rootHash}, but the head signed at ${head.signedAt} says ${head.rootHash}: history was rewritten`
    }
  }
  return null
}

const describe = (b: BadEvent) => `first bad event at position ${b.position} (${b.stream} revision ${b.revision}, id ${b.eventId}): ${b.problem}`

/**
 * Issue #12 item 7: a tampered ledger is not served as if it were fine. At
 * start-up only the events after the last head a full verification
 * confirmed are checked (fast, whatever the log's length); the whole log is
 * then recomputed in the background and compared with every head signed
 * before, so an edit anywhere, even one that re-hashed every later event, is
 * found. Until then the state says "verifying"; once tampering is found it
 * says so and stays so: writes are refused, /ready fails, every page shows it.
 */
export function createIntegrityGuard(deps: { store: EventStore; tree: LedgerTree; treeStore: MerkleTreeStore; logger: Logger }): IntegrityGuard {
  const { store, tree, treeStore, logger } = deps
  let state: IntegrityState = { status: 'verifying', checkedAtStart: 0 }

  function tampered(firstBad: BadEvent | null, detail: string): IntegrityState {
    state = { status: 'tampered', firstBad, detail }
    logger.error({ detail }, 'LEDGER TAMPERED: writes are refused and /ready fails until the ledger is restored')
    return state
  }

  return {
    state: () => state,

    async checkRecent() {
      const verified = await treeStore.verifiedHead()
      if (!verified) return state
      const result = await verifyEvents(store.readAll({ fromPosition: verified.position }), {
        after: {
          position: verified.position,
          async priorTip(stream) {
            // The stream's newest event from before the tail is the link its first tail event must carry.
            for await (const e of store.readStream(stream, { direction: 'backwards' })) {
              if (e.position <= verified.position) return { revision: e.revision, hash: e.hash }
            }
            return undefined
          },
        },
      })
      if (!result.ok) return tampered(result.firstBad, describe(result.firstBad))
      // The stored tree may lag the log (it is caught up on demand); compare it where it reaches.
      const storedRoot = (await treeStore.extent()).size >= verified.treeSize ? (await tree.rootAt(verified.treeSize)).toString('hex') : verified.rootHash
      if (storedRoot !== verified.rootHash) return tampered(null, `the stored Merkle tree's root at size ${verified.treeSize} is ${storedRoot}, the verified head says ${verified.rootHash}`)
      state = { status: 'verifying', checkedAtStart: result.events }
      return state
    },

    async verifyAll() {
      const signed = await allSignedHeads(treeStore)
      const result = await verifyLedger(store, { headsAt: signed.map((h) => h.treeSize) })
      if (state.status === 'tampered') return state
      if (!result.ok) return tampered(result.firstBad, describe(result.firstBad))
      const rewrite = headMismatch(result.heads, signed)
      if (rewrite) return tampered(null, rewrite)
      const checkedAtStart = state.status === 'verifying' ? state.checkedAtStart : 0
      const verifiedAt = new Date().toISOString()
      await treeStore.saveVerifiedHead({ treeSize: result.head.size, rootHash: result.head.rootHash, position: result.head.position, verifiedAt })
      state = { status: 'verified', size: result.head.size, rootHash: result.head.rootHash, verifiedAt, checkedAtStart }
      logger.info({ size: result.head.size, rootHash: result.head.rootHash }, 'ledger verified: every hash chain and every signed head')
      return state
    },
  }
}
