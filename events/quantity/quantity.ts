import { z } from 'zod'

/**
 * How a source hedged a figure. The word is kept so the text can always be
 * shown as said; the interval is what reconciliation computes with.
 */
export const Hedge = z.enum([
  'exact', // "21"
  'more-than', // "more than 20", "over 20"      -> (20, inf)
  'at-least', // "at least 100"                  -> [100, inf)
  'fewer-than', // "fewer than 10", "under 10"    -> [0, 10)
  'at-most', // "at most 10", "no more than 10"   -> [0, 10]
  'up-to', // "up to $15 million"                 -> [0, 15e6]
  'nearly', // "nearly 2,000", "almost 2,000"    -> [2000*(1-tol), 2000)
  'about', // "about 180", "around", "roughly", "some", "approximately" -> 180 +/- tol
  'between', // "between 15 and 20", "15-20"       -> [15, 20]
])
export type Hedge = z.infer<typeof Hedge>

/**
 * A value that keeps its hedge: the phrase as said, the hedge word, the stated
 * number(s), and the normalized interval. `null` bounds are unbounded (JSON
 * has no Infinity). Counts and amounts are plain numbers; a `date` fact
 * stores days since 1970-01-01 so the same interval algebra applies.
 */
export const Quantity = z
  .object({
    text: z.string().min(1).max(200).meta({ description: 'the figure as the source said it', examples: ['more than 20'] }),
    hedge: Hedge.meta({ description: 'the hedge word\'s meaning: exact, more-than, at-least, fewer-than, at-most, up-to, nearly, about or between', examples: ['more-than'] }),
    stated: z.array(z.number().finite()).min(1).max(2).meta({ description: 'the number(s) as stated, normalized (15000000 for "$15 million"); two for a range', examples: [[20]] }),
    lower: z.number().finite().nullable().meta({ description: 'lower bound of the interval the figure means; null when unbounded', examples: [20] }),
    upper: z.number().finite().nullable().meta({ description: 'upper bound; null when unbounded ("more than 20")', examples: [null] }),
    lowerInclusive: z.boolean().meta({ description: 'whether the lower bound itself is included ("at least 20": yes; "more than 20": no)', examples: [false] }),
    upperInclusive: z.boolean().meta({ description: 'whether the upper bound itself is included', examples: [false] }),
    unit: z.string().min(1).max(40).optional().meta({ description: 'the currency when the phrase carried one ("USD"), or "%" for a share', examples: ['USD'] }),
  })
  .strict()
  .refine((q) => q.lower === null || q.upper === null || q.lower <= q.upper, {
    message: 'lower must not exceed upper',
    path: ['lower'],
  })
export type Quantity = z.infer<typeof Quantity>
