import type { AttributionSource } from './draft-claim.js'

/** One cue naming who states a figure: attribution.ts finds them, attribution-chains.ts reads the chained ones. */
export interface Attribution {
  attributedTo: string
  via: string[]
  source: AttributionSource
  /** The reporting verb, when one introduced the speaker ("said", "allege"). */
  verb?: string
  /** Token index where the cue sits, to prefer the cue in the figure's own clause. */
  at: number
  /** Token range [from, to) of the cue's words: a number inside it ("according to two people") is not a claim. */
  span?: { from: number; to: number }
  /** The cue sits in a relative or embedded clause ("who according to ...", "what X says"): it says nothing of a figure before it. */
  embedded?: boolean
  /** A sentence subject attributes only the figures after its verb. */
  verbAt?: number
}
