import type { Logger } from 'pino'
import type { MerkleTreeStore, StoredTreeHead } from '../../store/merkle-tree-port.js'
import type { LedgerTree } from './ledger-tree.js'
import { type SignedHead, signHead } from './signed-head.js'
import type { LedgerSigner } from './signing-key.js'

export interface HeadSigner {
  /** A signed head at the current tree size: the stored one when the size has not moved, else a new one, signed and stored. */
  current(): Promise<SignedHead>
  /** Count a write; once `every` writes piled up, sign a head in the background. */
  noteWrites(count: number): void
  /** Sign a head every `intervalMs` when the log grew; stop() ends it. */
  start(): void
  stop(): Promise<void>
}

export class ForkedHeadError extends Error {
  override readonly name = 'ForkedHeadError'
}

export const toSignedHead = (h: StoredTreeHead): SignedHead => ({
  size: h.treeSize,
  rootHash: h.rootHash,
  position: h.position.toString(),
  signedAt: h.signedAt,
  keyId: h.keyId,
  signature: h.signature,
})

/**
 * Signs and stores tree heads every N events or T seconds (FACTLEDGER_HEAD_EVERY,
 * FACTLEDGER_HEAD_INTERVAL), and on demand (a receipt, /ledger/head). One
 * head per size: a size already signed is answered with its stored head, and
 * a stored head whose root differs from the tree's now means the log was
 * rewritten underneath — that is refused loudly, never papered over.
 */
export function createHeadSigner(deps: { tree: LedgerTree; treeStore: MerkleTreeStore; signer: LedgerSigner; every: number; intervalMs: number; logger: Logger; now?: () => Date }): HeadSigner {
  const { tree, treeStore, signer, logger } = deps
  const now = deps.now ?? (() => new Date())
  let pending = 0
  let timer: NodeJS.Timeout | null = null
  let inFlight: Promise<SignedHead> | null = null

  async function signNow(): Promise<SignedHead> {
    const head = await tree.head()
    const latest = await treeStore.latestHead()
    if (latest && latest.treeSize === head.size && latest.rootHash === head.rootHash) return toSignedHead(latest)
    const signed = signHead(signer, head, now())
    const saved = await treeStore.saveHead({ treeSize: signed.size, rootHash: signed.rootHash, position: head.position, signedAt: signed.signedAt, keyId: signed.keyId, signature: signed.signature })
    if (!saved.saved) {
      if (saved.existing.rootHash !== signed.rootHash) {
        logger.error({ size: signed.size, signedRoot: saved.existing.rootHash, rootNow: signed.rootHash }, 'the log no longer matches a head signed earlier: history was rewritten')
        throw new ForkedHeadError(`a head signed earlier for size ${signed.size} has root ${saved.existing.rootHash}, the log now has ${signed.rootHash}`)
      }
      return toSignedHead(saved.existing)
    }
    logger.info({ size: signed.size, rootHash: signed.rootHash, keyId: signed.keyId }, 'signed a tree head')
    return signed
  }

  function current(): Promise<SignedHead> {
    // Concurrent callers share one signing: one head per size.
    inFlight ??= signNow().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  function inBackground(): void {
    pending = 0
    current().catch((err: unknown) => logger.error({ err }, 'signing a tree head failed'))
  }

  return {
    current,
    noteWrites(count) {
      pending += count
      if (pending >= deps.every) inBackground()
    },
    start() {
      timer ??= setInterval(inBackground, deps.intervalMs)
      timer.unref()
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = null
      await inFlight?.catch(() => undefined)
    },
  }
}
