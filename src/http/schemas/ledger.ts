import { z } from 'zod'

const Hex = z.string().regex(/^[0-9a-f]*$/)

export const LedgerHeadResponse = z.object({
  size: z.number().int().describe('number of events (Merkle leaves)'),
  rootHash: Hex.describe('RFC 6962 Merkle tree head over the events in global order'),
  position: z.string().describe('position of the last event in the tree'),
})

export const InclusionProofResponse = z.object({
  position: z.string(),
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  leafHash: Hex.describe("SHA-256(0x00 || the event's hash bytes)"),
  rootHash: Hex,
  proof: z.array(Hex).describe('RFC 6962 audit path, leaf to root'),
})

export const ConsistencyProofResponse = z.object({
  fromSize: z.number().int(),
  toSize: z.number().int(),
  fromRoot: Hex,
  toRoot: Hex,
  proof: z.array(Hex),
})

export const VerificationResponse = z.union([
  z.object({ ok: z.literal(true), events: z.number().int(), streams: z.number().int(), head: LedgerHeadResponse }),
  z.object({
    ok: z.literal(false),
    checked: z.number().int(),
    firstBad: z.object({
      position: z.string(),
      eventId: z.string(),
      stream: z.string(),
      revision: z.string(),
      problem: z.enum(['hash-mismatch', 'broken-link', 'revision-gap', 'position-order']),
      expected: z.string().nullable(),
      actual: z.string().nullable(),
    }),
  }),
])

export const TreeSize = z.string().regex(/^\d{1,15}$/, 'must be a tree size (a non-negative integer)').transform(Number)
