import { z } from 'zod'
import type { FactStatus, SourceDoc } from '../../../projections/model.js'
import type { FactRecord } from '../fact-record.js'

/**
 * schema.org ClaimReview (JSON-LD) for a fact's reconciled view: what
 * fact-check aggregators and search engines read. The "claim" reviewed is the
 * figure the ledger reconciled; its appearances are the sources whose claims
 * support it, its author who the figure is attributed to. Pure.
 */
const Organization = z.object({ '@type': z.literal('Organization'), name: z.string(), url: z.string().optional() })

const CreativeWork = z.object({
  '@type': z.literal('CreativeWork'),
  url: z.string().optional(),
  headline: z.string(),
  datePublished: z.string(),
  publisher: Organization,
  author: z.object({ '@type': z.literal('Person'), name: z.string() }).optional(),
})

export const ClaimReview = z
  .object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('ClaimReview'),
    url: z.string(),
    name: z.string(),
    claimReviewed: z.string(),
    reviewBody: z.string(),
    author: Organization,
    datePublished: z.string(),
    reviewRating: z.object({
      '@type': z.literal('Rating'),
      alternateName: z.string(),
      ratingValue: z.number().int(),
      bestRating: z.number().int(),
      worstRating: z.number().int(),
      ratingExplanation: z.string(),
    }),
    itemReviewed: z.object({
      '@type': z.literal('Claim'),
      author: z.array(Organization),
      datePublished: z.string().optional(),
      appearance: z.array(CreativeWork),
      firstAppearance: CreativeWork.optional(),
    }),
  })
  .meta({ id: 'ClaimReview' })
export type ClaimReview = z.infer<typeof ClaimReview>

/** How well the record supports the figure, on a 1 (worst) to 5 (best) scale. */
export const ratings: Record<FactStatus, { alternateName: string; ratingValue: number }> = {
  confirmed: { alternateName: 'Confirmed', ratingValue: 5 },
  pinned: { alternateName: 'Chosen by editors', ratingValue: 4 },
  'single-source': { alternateName: 'Single source', ratingValue: 3 },
  conflicting: { alternateName: 'Conflicting', ratingValue: 2 },
  'no-claims': { alternateName: 'Unverified', ratingValue: 1 },
}

export interface ClaimReviewOptions {
  /** Absolute base URL of this API, without a trailing slash. */
  baseUrl: string
  /** The organization publishing the review. */
  reviewer: string
  /** When the fact's view last changed (the ledger time of its latest history row). */
  datePublished: string
}

/**
 * The rating with the open disputes taken into account: a disputed figure is
 * rated one step lower and says so, and the review text gives the reasons.
 */
function ratingOf(view: NonNullable<FactRecord['view']>): { alternateName: string; ratingValue: number; text: string } {
  const base = ratings[view.status]
  const { open, reasons } = view.disputes
  if (open === 0) return { ...base, text: view.summary }
  const why = reasons.map((r) => `"${r.trim().replace(/[.\s]+$/u, '')}"`).join('; ')
  return {
    alternateName: `${base.alternateName}, disputed`,
    ratingValue: Math.max(1, base.ratingValue - 1),
    text: `${view.summary}. ${open} open dispute${open === 1 ? '' : 's'} by editors: ${why}.`,
  }
}

export function toClaimReview(record: FactRecord & { view: NonNullable<FactRecord['view']> }, options: ClaimReviewOptions): ClaimReview {
  const { fact, view } = record
  const sources = new Map(record.sources.map((s) => [s.sourceId, s]))
  const claims = new Map(record.claims.map((c) => [c.claimId, c]))
  const supportingSources = new Map<string, SourceDoc>()
  for (const id of view.supporting) {
    const source = sources.get(claims.get(id)?.sourceId ?? '')
    if (source) supportingSources.set(source.sourceId, source)
  }
  const appearance = [...supportingSources.values()]
    .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0))
    .map(creativeWork)
  const { text, ...rating } = ratingOf(view)
  const first = appearance[0]
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${options.baseUrl}/facts/${encodeURIComponent(fact.factId)}`,
    name: fact.question,
    claimReviewed: `${fact.subject}: ${view.display}${view.value ? ` ${fact.unit}` : ''}`,
    reviewBody: text,
    author: { '@type': 'Organization', name: options.reviewer, url: options.baseUrl },
    datePublished: options.datePublished,
    reviewRating: { '@type': 'Rating', ...rating, bestRating: 5, worstRating: 1, ratingExplanation: text },
    itemReviewed: {
      '@type': 'Claim',
      author: view.attributedTo.map((name) => ({ '@type': 'Organization' as const, name })),
      ...(first ? { datePublished: first.datePublished, firstAppearance: first } : {}),
      appearance,
    },
  }
}

function creativeWork(source: SourceDoc): z.infer<typeof CreativeWork> {
  return {
    '@type': 'CreativeWork',
    ...(source.url ? { url: source.url } : {}),
    headline: source.title,
    datePublished: source.publishedAt,
    publisher: { '@type': 'Organization', name: source.publisher },
    ...(source.author ? { author: { '@type': 'Person' as const, name: source.author } } : {}),
  }
}
