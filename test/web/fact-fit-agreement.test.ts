import t from 'tap'
import { prepareKnownFacts, suggestFact } from '../../src/extract/fact-suggestion.js'

// The page's own check, a plain browser module without types: it touches no DOM, so it runs here as it runs in the page.
type FactFit = (draft: { value: { unit?: string }; quote: string; counted: string }, fact: { subject: string; unit: string; kind: string }) => { fits: boolean; mismatches: string[] }
const pageModule = new URL('../../src/web/public/js/editor/fact-fit.js', import.meta.url).href
const { factFit } = (await import(pageModule)) as { factFit: FactFit }

/**
 * The page (fact-fit.js) and the extractor (fact-suggestion.ts) each decide
 * whether a draft fits a fact: the page in the browser, to hold back a
 * pre-selection; the extractor on the server, to make one. They are written
 * twice because one runs in the browser, so this table keeps them agreeing:
 * a suggestion the extractor makes is one the page lets stand, and a unit
 * or kind the page refuses is never suggested.
 */
interface Case {
  name: string
  unit?: string
  sentence: string
  counted: string
  fact: { subject: string; unit: string; kind: 'count' | 'amount' | 'percent' | 'date'; question: string }
  /** Both agree the draft fits (the extractor suggests it, the page keeps it pre-selected). */
  fits: boolean
}

const toll = { subject: 'Storm Ilse deaths', unit: 'persons', kind: 'count' as const, question: 'How many people did Storm Ilse kill?' }
const aid = { subject: 'Storm Ilse aid', unit: 'USD', kind: 'amount' as const, question: 'How much aid did the city pledge after Storm Ilse?' }
const share = { subject: 'Storm Ilse power outages', unit: '%', kind: 'percent' as const, question: 'What share of homes lost power in Storm Ilse?' }
const sanctions = { subject: 'officials sanctioned by Treasury', unit: 'persons', kind: 'count' as const, question: 'How many officials did the Treasury sanction?' }

const cases: Case[] = [
  { name: 'a count of the same subject', sentence: 'Storm Ilse deaths rose to 12, officials said.', counted: 'deaths', fact: toll, fits: true },
  { name: 'a dollar amount under a head count', unit: 'USD', sentence: 'Storm Ilse aid reached $15 million.', counted: 'aid', fact: toll, fits: false },
  { name: 'a share under a head count', unit: '%', sentence: 'Storm Ilse left 40% of homes without power.', counted: 'homes', fact: toll, fits: false },
  { name: 'a plain number under an amount', sentence: 'Storm Ilse aid went to 300 families.', counted: 'families', fact: aid, fits: false },
  { name: 'a dollar amount under an amount', unit: 'USD', sentence: 'The city pledged $15 million in Storm Ilse aid.', counted: 'aid', fact: aid, fits: true },
  { name: 'a share under a share', unit: '%', sentence: 'Storm Ilse power outages hit 40% of homes.', counted: 'homes', fact: share, fits: true },
  { name: 'a plain number under a share', sentence: 'Storm Ilse power outages hit 4,000 homes.', counted: 'homes', fact: share, fits: false },
  { name: 'a count of another subject (a toll is not a sanctions round)', sentence: 'The flood killed 12 people in Cedar Falls.', counted: 'people', fact: sanctions, fits: false },
]

for (const c of cases) {
  t.test(`${c.name}: ${c.fits ? 'both fit' : 'neither fits'}`, async (t) => {
    const draft = { counted: c.counted, sentence: c.sentence, unit: c.unit, validAt: null }
    const server = suggestFact(draft, prepareKnownFacts([{ factId: 'the-fact', ...c.fact }]))
    const page = factFit({ value: c.unit ? { unit: c.unit } : {}, quote: c.sentence, counted: c.counted }, c.fact)
    t.equal('factId' in server, c.fits, `extractor: ${server.reason}`)
    t.equal(page.fits, c.fits, `page: ${page.mismatches.join('; ') || 'fits'}`)
  })
}
