import t from 'tap'
import { ClaimRecordedV3 } from '../../events/claim-events.js'
import { DraftClaim, draftToClaimFields } from '../../src/extract/draft-claim.js'
import { extractDraftClaims } from '../../src/extract/extract-draft-claims.js'

function drafts(text: string, publishedAt = '2024-11-27', extra: { publisher?: string } = {}) {
  const r = extractDraftClaims({ text, publishedAt, ...extra })
  if (!r.ok) throw new Error(r.error.message)
  return r
}
const only = (text: string, publishedAt?: string, extra?: { publisher?: string }) => {
  const r = drafts(text, publishedAt, extra)
  if (r.drafts.length !== 1) throw new Error(`expected one draft, got ${r.drafts.map((d) => d.figure).join(', ')}`)
  return r.drafts[0]!
}

t.test('a plain official figure: quote, offsets, quantity, speaker, modality, counted noun, valid time', async (t) => {
  const text = 'Lead in.\nThe U.S. Treasury Department on Wednesday sanctioned 21 security officials, the department said.'
  const d = only(text)
  t.equal(text.slice(d.start, d.end), d.quote)
  t.equal(d.quote, 'The U.S. Treasury Department on Wednesday sanctioned 21 security officials, the department said.')
  t.equal(text.slice(d.figureStart, d.figureEnd), '21')
  t.same(d.value, { text: '21', hedge: 'exact', stated: [21], lower: 21, upper: 21, lowerInclusive: true, upperInclusive: true })
  t.equal(d.attributedTo, 'U.S. Treasury Department', '"the department" is the department the sentence named')
  t.equal(d.attribution, 'speaker')
  t.equal(d.modality, 'official')
  t.equal(d.counted, 'security officials')
  t.equal(d.validAt, '2024-11-27')
  t.equal(d.validAtText, 'on Wednesday')
  t.ok(DraftClaim.safeParse(d).success, 'the draft satisfies its schema')
})

t.test('"according to documents seen by" is a conduit in via; the sentence subject is the author; plans are planned', async (t) => {
  const d = only('The Treasury Department is close to announcing 15 individual sanctions, according to documents seen by Bloomberg.', '2024-09-03')
  t.equal(d.attributedTo, 'Treasury Department')
  t.same(d.via, ['documents seen by Bloomberg'])
  t.equal(d.modality, 'planned')
  t.equal(d.counted, 'sanctions')
})

t.test('a number inside the attribution ("two people familiar") is skipped, not proposed', async (t) => {
  const r = drafts('The State Department plans to impose visa restrictions on 34 family members, according to two people familiar with the matter.')
  t.same(r.drafts.map((d) => [d.figure, d.counted, d.via]), [['34', 'family members', ['two people familiar with the matter']]])
  t.same(r.skipped.map((s) => s.figure), ['two'])
  t.match(r.skipped[0]!.reason, 'part of who said it')
})

t.test('an authored "according to" names the author; an estimate is an estimate', async (t) => {
  const d = only('Claims could reach between €200 million and €250 million, according to a preliminary estimate by the Insurance Federation.', '2025-03-14')
  t.equal(d.attributedTo, 'Insurance Federation')
  t.same(d.via, [])
  t.equal(d.modality, 'estimate')
  t.same([d.value.hedge, d.value.stated, d.value.unit], ['between', [200e6, 250e6], 'EUR'])
})

t.test('"citing figures from X" attributes to X, via the document that cites them; a following "of them" carries both', async (t) => {
  const r = drafts("Citing figures from the group Foro Penal, the report shows that 285 people were detained. As of April 10, 100 of them had been released.", '2025-04-30')
  t.same(
    r.drafts.map((d) => [d.figure, d.attributedTo, d.attribution, d.via, d.counted, d.validAt]),
    [
      ['285', 'group Foro Penal', 'citing', ['report'], 'people detained', '2025-04-30'],
      ['100', 'group Foro Penal', 'carried', ['report'], 'people released', '2025-04-10'],
    ],
  )
})

t.test('with nobody named, the figure is the publisher\'s and reported', async (t) => {
  const d = only('Protests swept the capital, and more than 2,400 Venezuelans were arrested.', '2024-09-03', { publisher: 'Wire Desk' })
  t.same([d.attributedTo, d.attribution, d.modality, d.counted], ['Wire Desk', 'publisher', 'reported', 'venezuelans arrested'])
  t.same([d.value.hedge, d.value.lower, d.value.lowerInclusive], ['more-than', 2400, false])
  t.equal(only('Some 300 people marched.').attributedTo, 'the publisher', 'without metadata it says so')
})

t.test('modality: allegation from the speaker\'s verb, reported when the speaker is not a government body', async (t) => {
  t.equal(only('Prosecutors allege he set 3 separate fires.').modality, 'allegation')
  t.equal(only('The opposition said 40 protesters were detained.').modality, 'reported')
  t.equal(only('Police said 40 protesters were detained.').modality, 'official')
})

t.test('each figure takes the wording of its own clause: "expected to" qualifies only the second', async (t) => {
  const r = drafts('Nearly 1,200 firefighters are assigned to the blaze, the state forestry department said, and another 400 are expected to arrive.', '2025-08-08')
  t.same(r.drafts.map((d) => [d.figure, d.modality, d.counted, d.attributedTo]), [
    ['Nearly 1,200', 'official', 'firefighters assigned', 'state forestry department'],
    ['400', 'planned', 'firefighters', 'state forestry department'],
  ])
})

t.test('valid time: weekdays, months, "as of", "since", dates of events, and no publication date', async (t) => {
  t.same([only('In September, the government sanctioned 16 officials.', '2024-11-27').validAt, only('In September, the government sanctioned 16 officials.', '2024-11-27').validAtPrecision], ['2024-09-01', 'month'])
  t.equal(only('As of April 10, 100 detainees had been released.', '2025-04-30').validAt, '2025-04-10')
  t.equal(only('Police detained 12 people on Sunday.', '2025-03-14').validAt, '2025-03-09', 'a realized figure is dated before publication')
  t.equal(only('The army plans to send 300 soldiers by Sunday.', '2025-03-14').validAt, '2025-03-16', 'a planned one looks forward')
  const since = only('The U.S. has sanctioned 180 officials since July 31, 2017.', '2024-11-27')
  t.same([since.validAt, since.validAtPrecision], ['2024-11-27', 'publication'])
  t.equal(only('Police arrested 50 people after the July 28 election.', '2024-09-03').validAtPrecision, 'publication', 'a date naming an event does not date the figure')
  const undated = extractDraftClaims({ text: 'Police detained 12 people on Sunday.' })
  t.same(undated.ok && [undated.drafts[0]!.validAt, undated.drafts[0]!.validAtPrecision], [null, 'unknown'])
  const absolute = extractDraftClaims({ text: 'Police detained 12 people on March 9, 2025.' })
  t.equal(absolute.ok && absolute.drafts[0]!.validAt, '2025-03-09')
})

t.test('what is counted comes from before the figure in fixed shapes, or from the previous figure', async (t) => {
  t.equal(only('US prosecutors offer a reward of up to $15 million for information.').counted, 'reward')
  const r = drafts('The death toll has risen to 42, the agency said on Friday, up from 31 on Wednesday.', '2025-03-14')
  t.same(r.drafts.map((d) => [d.figure, d.counted, d.validAt]), [['42', 'death toll', '2025-03-14'], ['31', 'death toll', '2025-03-12']])
})

t.test('numbers that are not counts are skipped with a reason, never proposed', async (t) => {
  const text = 'In 2024, turnout rose 2 percentage points. She won by a 2-1 margin. It ended his 11-year rule. The vote was on July 28. A 67-year-old man died. Maduro, 61, spoke. See Route 9 and the G20 summit. Page 1 / 2. It was three times higher. One official spoke.'
  const r = drafts(text)
  t.same(r.drafts, [])
  t.same(r.skipped.map((s) => [text.slice(s.start, s.end), s.reason.split(' ')[0] + ' ' + s.reason.split(' ')[1]]), [
    ['2024', 'a year'],
    ['2', 'a change'],
    ['2', 'a score,'],
    ['11', 'a duration'],
    ['28', 'part of'],
    ['67', 'an age'],
    ['61', 'an age'],
    ['9', 'an identifier'],
    ['20', 'part of'],
    ['1', 'a fraction'],
    ['2', 'a fraction'],
    ['three', 'a multiplier'],
    ['One', 'the word'],
  ])
})

t.test('percentages are figures with the unit "%", counted as what they are a share of', async (t) => {
  const text = 'Unemployment rose to 4.2% in May, the Labor Department said. Inflation of 3.1 percent was reported. Nearly half of those polled agreed. About 60 per cent of the nurses voted.'
  const r = drafts(text)
  t.same(r.drafts.map((d) => [d.figure, d.value.hedge, d.value.stated, d.value.unit, d.counted]), [
    ['4.2%', 'exact', [4.2], '%', 'unemployment'],
    ['3.1 percent', 'exact', [3.1], '%', 'inflation'],
    ['Nearly half', 'nearly', [50], '%', 'those polled'],
    ['About 60 per cent', 'about', [60], '%', 'nurses'],
  ])
})

t.test('"of them" counts the latest earlier whole the part fits in, not the last noun named', async (t) => {
  const text = 'Floods forced 1,200 residents from their homes in 14 villages. About 900 of them were later rehoused.'
  const last = drafts(text).drafts.at(-1)
  t.equal(last?.counted, 'residents rehoused')
})

t.test('vague amounts ("dozens", "hundreds") are not figures', async (t) => {
  t.same(drafts('Dozens of people were hurt and hundreds were charged.').drafts, [])
})

t.test('odd Unicode: no-break spaces in numbers, curly quotes, bidi marks and CRLF keep exact offsets', async (t) => {
  const text = '\u200FHeadline\u200F\r\n\r\nOfficials said \u201Cmore than 2\u00A0400\u201D people were arrested, and \u200Eabout 1\u202F500\u200E fled.\r\n'
  const r = drafts(text, '2024-09-03')
  t.same(r.drafts.map((d) => [d.figure, d.value.stated[0], d.value.hedge]), [['more than 2\u00A0400', 2400, 'more-than'], ['about 1\u202F500', 1500, 'about']])
  for (const d of r.drafts) {
    t.equal(text.slice(d.start, d.end), d.quote)
    t.equal(text.slice(d.figureStart, d.figureEnd), d.figure)
  }
})

t.test('a figure repeated in the headline becomes one draft from the body, the headline kept in alsoAt', async (t) => {
  const text = 'Council approves $4.8 billion budget\n\nThe city council on Thursday approved a $4.8 billion budget.'
  const r = drafts(text, '2025-06-20')
  t.equal(r.drafts.length, 1)
  t.equal(r.drafts[0]!.figureStart, text.lastIndexOf('$4.8'))
  t.same(r.drafts[0]!.alsoAt, [{ start: text.indexOf('$4.8'), end: text.indexOf('$4.8') + '$4.8 billion'.length }])
})

t.test('a very long sentence is quoted by the clause around the figure, within the citation limit', async (t) => {
  const filler = Array.from({ length: 120 }, (_, i) => `clause number ${'x'.repeat(i % 7)} goes on`).join(', ')
  const text = `Officials said ${filler}; the ministry said 345 families were displaced; ${filler}.`
  const d = only(text)
  t.ok(d.quote.length <= 2000 && d.quote.length < text.length)
  t.ok(d.quote.includes('345 families'))
  t.equal(text.slice(d.start, d.end), d.quote)
  t.ok(d.reasons.some((r) => r.includes('quote is the clause')))
})

t.test('known facts: a close match is suggested with its score; a poor one proposes a new fact', async (t) => {
  const knownFacts = [
    { factId: 'visa-restrictions-total', question: 'How many people are under US visa restrictions over Venezuela?', subject: 'visa restrictions', unit: 'persons' },
    { factId: 'reward-maduro', question: 'What reward does the US offer for Maduro?', subject: 'reward', unit: 'USD' },
  ]
  const r = extractDraftClaims({ text: 'The State Department imposed visa restrictions on nearly 2,000 people. The city has 40 parks.', publishedAt: '2024-11-27', knownFacts })
  const [visa, parks] = r.ok ? r.drafts : []
  t.equal(visa && 'factId' in visa.suggestedFact && visa.suggestedFact.factId, 'visa-restrictions-total')
  t.match(visa?.suggestedFact, { reason: /unit and kind agree \(persons, count\); subject words found: visa, restriction/ })
  t.match(parks?.suggestedFact, { new: true, reason: /below 0.35/ }, 'visa restrictions are the article\'s subject, but 40 parks match nothing')
  t.same(only('The city has 40 parks.').suggestedFact, { new: true, reason: 'no facts are defined yet' }, 'with no known facts, always new')
})

t.test('a fact is suggested only when subject, unit and kind agree: a storm toll is not offered for a sanctions fact', async (t) => {
  const knownFacts = [
    { factId: 'sanctioned-people', question: 'How many people did the US sanction over Venezuela?', subject: 'US sanctions on Venezuelan officials', unit: 'persons', kind: 'count' as const },
    { factId: 'jobless-rate', question: 'What was the unemployment rate in May?', subject: 'unemployment rate', unit: '%', kind: 'percent' as const },
    { factId: 'storm-aid', question: 'How much storm aid was promised?', subject: 'storm aid', unit: 'USD', kind: 'amount' as const },
  ]
  const suggest = (text: string) => {
    const r = extractDraftClaims({ text, publishedAt: '2025-06-06', knownFacts })
    return r.ok ? r.drafts.map((d) => d.suggestedFact) : []
  }
  const [storm] = suggest('Storm kills 12 people on the coast. The storm killed 12 people, police said.')
  t.match(storm, { new: true, reason: /no known fact agrees in subject, unit and kind/ }, 'people are counted in both, but the subject is a storm')
  const [jobless] = suggest('Unemployment rose to 4.2% in May, the Labor Department said.')
  t.match(jobless, { factId: 'jobless-rate', reason: /unit and kind agree \(%, percent\)/ })
  const [share] = suggest('About 40% of US sanctions on Venezuelan officials target the military, officials said.')
  t.notMatch(share, { factId: 'sanctioned-people' }, 'a share is never offered for a count fact')
  const [aid] = suggest('Officials said 300 people received storm aid.')
  t.notMatch(aid, { factId: 'storm-aid' }, 'a head count is never offered for an amount in USD')
})

t.test('an accepted draft maps onto ClaimRecorded fields; one without a valid time needs the editor\'s', async (t) => {
  const d = only('Police said 40 protesters were detained on Monday.', '2025-02-10')
  const mapped = draftToClaimFields(d, { verified: true })
  t.ok(mapped.ok)
  if (mapped.ok) {
    const payload = { claimId: '0190a5c6-1c4b-7cc0-8f3e-6a7b8c9d0e1f', factId: 'protest-detentions', sourceId: '0190a5c6-1c4b-7cc0-8f3e-6a7b8c9d0e20', ...mapped.fields }
    t.ok(ClaimRecordedV3.safeParse(payload).success, 'the mapped payload is a valid ClaimRecorded')
    t.same(mapped.fields.citation, { quote: d.quote, start: d.start, end: d.end, verified: true })
  }
  const undated = extractDraftClaims({ text: 'Police said 40 protesters were detained on Monday.' })
  const u = undated.ok ? undated.drafts[0]! : d
  t.same(draftToClaimFields(u, { verified: false }), { ok: false, error: { code: 'MissingValidAt', message: 'the draft has no valid time; the editor must give one' } })
  t.equal(draftToClaimFields(u, { verified: false, validAt: '2025-02-10' }).ok, true)
})

t.test('a figure repeated thousands of times is one draft listing its first 20 repeats', async (t) => {
  const text = 'There were 12 cases, '.repeat(3000)
  const r = drafts(text)
  t.equal(r.drafts.length, 1)
  t.equal(r.drafts[0]!.alsoAt.length, 20)
  t.ok(r.drafts[0]!.reasons.includes('the same figure appears 2999 more time(s) in the text (the first 20 listed)'))
  t.ok(r.drafts[0]!.quote.length <= 1200, 'a sentence with no end is quoted by a bounded clause')
})
