import { z } from 'zod'
import { DraftClaim, SkippedFigure } from '../../extract/draft-claim.js'

export const ExtractRequest = z
  .object({
    text: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "the article text; omit it to use the source's latest snapshot", examples: ['Storm Ilse left 4,000 homes without power on Sunday, the utility said.'] }),
  })
  .strict()

export const ExtractResponse = z.object({
  sourceId: z.string(),
  textSource: z.enum(['body', 'snapshot']).describe('snapshot: offsets can be verified against the stored text when the claims are recorded'),
  drafts: z.array(DraftClaim),
  skipped: z.array(SkippedFigure),
})
