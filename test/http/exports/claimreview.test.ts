import t from 'tap'
import { ClaimReview, ratings, toClaimReview } from '../../../src/http/exports/claimreview.js'
import { sanctionsRecord } from './fact-record-fixture.js'

const options = { baseUrl: 'https://ledger.example', reviewer: 'Example Fact Desk', datePublished: '2025-01-02T03:04:05.000Z' }

t.test('a ClaimReview carries every field schema.org and fact-check aggregators require', async (t) => {
  const record = sanctionsRecord()
  t.equal(record.view.status, 'confirmed', 'fixture: two independent outlets stand')
  const review = toClaimReview(record, options)
  t.ok(ClaimReview.safeParse(review).success, 'matches its own schema')
  t.equal(review['@context'], 'https://schema.org')
  t.equal(review['@type'], 'ClaimReview')
  t.equal(review.url, 'https://ledger.example/facts/late-november-round')
  t.equal(review.claimReviewed, 'late-november-round: 21 persons')
  t.same(review.author, { '@type': 'Organization', name: 'Example Fact Desk', url: 'https://ledger.example' })
  t.equal(review.datePublished, options.datePublished)
  t.same(review.reviewRating, {
    '@type': 'Rating',
    alternateName: 'Confirmed',
    ratingValue: 5,
    bestRating: 5,
    worstRating: 1,
    ratingExplanation: record.view.summary,
  })
})

t.test('itemReviewed is a Claim by whom the figure is attributed to, appearing in each supporting source', async (t) => {
  const { itemReviewed } = toClaimReview(sanctionsRecord(), options)
  t.equal(itemReviewed['@type'], 'Claim')
  t.same(itemReviewed.author.map((a) => a.name).sort(), ['State Department', 'U.S. Treasury'])
  t.ok(itemReviewed.author.every((a) => a['@type'] === 'Organization'))
  // AP's claim was retracted: only Reuters and Bloomberg appear, earliest first.
  t.same(
    itemReviewed.appearance.map((a) => [a.publisher.name, a.datePublished, a.headline]),
    [
      ['Reuters', '2024-11-28', 'Report 1'],
      ['Bloomberg', '2024-11-29', 'Report 3'],
    ],
  )
  t.ok(itemReviewed.appearance.every((a) => a['@type'] === 'CreativeWork' && a.publisher['@type'] === 'Organization'))
  t.same(itemReviewed.firstAppearance, itemReviewed.appearance[0])
  t.equal(itemReviewed.datePublished, '2024-11-28')
})

t.test('a fact without claims is reviewed as Unverified, with no appearance', async (t) => {
  const record = sanctionsRecord()
  const empty = { ...record, claims: [], view: { ...record.view, status: 'no-claims' as const, supporting: [], attributedTo: [], value: null, display: 'no claims' } }
  const review = toClaimReview(empty, options)
  t.equal(review.reviewRating.alternateName, 'Unverified')
  t.same(review.itemReviewed.appearance, [])
  t.equal(review.itemReviewed.firstAppearance, undefined)
  t.equal(review.claimReviewed, 'late-november-round: no claims')
})

t.test('every status has its own rating name, ordered from best supported to least', async (t) => {
  const order = ['confirmed', 'pinned', 'single-source', 'conflicting', 'no-claims'] as const
  t.same(order.map((s) => ratings[s].ratingValue), [5, 4, 3, 2, 1])
  t.equal(new Set(order.map((s) => ratings[s].alternateName)).size, order.length)
})

t.test('the fact id is escaped in the review URL', async (t) => {
  const record = sanctionsRecord()
  const review = toClaimReview({ ...record, fact: { ...record.fact, factId: 'a b/c' } }, options)
  t.equal(review.url, 'https://ledger.example/facts/a%20b%2Fc')
})
