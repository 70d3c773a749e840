import type { AttributionSource, ValidAtPrecision } from './draft-claim.js'
import type { Counted } from './counted-noun.js'

/**
 * How much an editor can trust a draft before reading it, as a product of
 * independent doubts, each of which is also said in words. Starting at
 * 0.95, not 1: the value always needs a human look.
 */

export interface ConfidenceInput {
  attribution: AttributionSource
  counted: Counted | null
  precision: ValidAtPrecision
  isHeading: boolean
  measure: boolean
  clauseQuote: boolean
}

const attributionDoubt: Record<AttributionSource, [number, string | null]> = {
  citing: [1, null],
  'according-to': [1, null],
  speaker: [1, null],
  subject: [0.95, 'attributed to the subject of the sentence, not to a named speaker'],
  carried: [0.85, 'no speaker in this sentence: carried over from the previous one'],
  publisher: [0.75, 'nobody named as the source: attributed to the publisher'],
}

export function scoreConfidence(input: ConfidenceInput): { confidence: number; reasons: string[] } {
  let confidence = 0.95
  const reasons: string[] = []
  const doubt = (factor: number, reason: string) => {
    confidence *= factor
    reasons.push(reason)
  }
  const [factor, why] = attributionDoubt[input.attribution]
  if (why) doubt(factor, why)
  if (input.counted === null) doubt(0.7, 'could not tell what is counted')
  else if (input.counted.how === 'continued') doubt(0.9, `what is counted ("${input.counted.noun}") is taken from the previous figure`)
  else if (input.counted.how === 'antecedent') doubt(0.9, `what is counted ("${input.counted.noun}") is taken from an earlier sentence`)
  else if (input.counted.how === 'purpose') doubt(0.95, `an amount for "${input.counted.noun}"`)
  if (input.precision === 'publication') doubt(0.9, 'no date near the figure: valid time is the publication date')
  else if (input.precision === 'unknown') doubt(0.8, 'no valid time could be found')
  else if (input.precision === 'month' || input.precision === 'year') doubt(0.95, `valid time known only to the ${input.precision}`)
  if (input.isHeading) doubt(0.8, 'stated in a headline or caption, where figures are shortened')
  if (input.measure) doubt(0.9, 'a measurement, not a count')
  if (input.clauseQuote) doubt(0.95, 'the sentence is very long: the quote is the clause around the figure')
  return { confidence: Math.round(confidence * 100) / 100, reasons }
}
