import t from 'tap'
import { parseQuantity } from '../../events/quantity/parse.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import { figuresInQuote } from '../../src/ledger/value/figures-in-quote.js'
import { valueAgreesWithQuote } from '../../src/ledger/value/quote-agreement.js'

const value = (text: string): Quantity => {
  const parsed = parseQuantity(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.quantity
}
/** Each figure the quote prints, with the words that make it an earlier one (null: the quote states it). */
const read = (quote: string) => figuresInQuote(quote).map((f) => [f.quantity.text, f.earlierCue])

t.test('a figure the quote gives as the earlier one is marked with the words that say so', async (t) => {
  t.same(read('21, up from 15'), [['21', null], ['15', 'up from 15']])
  t.same(read('the toll fell to 9, down from about 12'), [['9', null], ['about 12', 'down from about 12']])
  t.same(read('The toll rose to 21 from 15'), [['21', null], ['15', 'rose to 21 from 15']])
  t.same(read('21 (previously 15)'), [['21', null], ['15', 'previously 15']])
  t.same(read('the figure, initially put at 4,000, is 400'), [['4,000', 'initially put at 4,000'], ['400', null]])
  t.same(read('It had been 300.'), [['300', 'had been 300']])
  t.same(read('21 this year compared with 15 last year'), [['21', null], ['15', 'compared with 15']])
  t.same(read('21 vs. 15'), [['21', null], ['15', 'vs. 15']])
})

t.test('"rose from 15 to 21" is a change, not the range "between 15 and 21"', async (t) => {
  t.same(read('the toll rose from 15 to 21'), [['15', 'rose from 15'], ['21', null]])
  t.same(read('from 15 to 20 people were hurt'), [['from 15 to 20', null]], 'without a verb of change it stays a range')
})

t.test('"was" marks an earlier figure only against one the quote gives as now', async (t) => {
  t.same(read('The toll, which was 15 on Monday, is now 21'), [['15', 'was 15'], ['21', null]])
  t.same(read('The toll was 21, officials said'), [['21', null]], 'reported speech in the past tense states its figure')
})

t.test('words of time or place before a figure do not make it earlier', async (t) => {
  t.same(read('Earlier this week 21 people died'), [['21', null]])
  t.same(read('rescued 21 people from 15 buildings'), [['21', null], ['15', null]])
  t.same(read('21 died, up from 15, officials said earlier; 30 are missing'), [['21', null], ['15', 'up from 15'], ['30', null]], 'a cue does not reach across a clause')
})

t.test('the value must be the figure the quote states, not the earlier one', async (t) => {
  t.same(valueAgreesWithQuote(value('21'), '21, up from 15', 'count'), { ok: true, printedAs: '21' })
  t.same(valueAgreesWithQuote(value('15'), '21, up from 15', 'count'), { ok: false, printed: ['21'], earlier: 'up from 15' })
  t.same(valueAgreesWithQuote(value('15'), 'down from 15', 'count'), { ok: false, printed: [], earlier: 'down from 15' })
  t.same(valueAgreesWithQuote(value('between 15 and 21'), 'the toll rose from 15 to 21', 'count'), { ok: false, printed: ['21'], earlier: null })
  t.same(valueAgreesWithQuote(value('12'), 'At least 7 people died', 'count'), { ok: false, printed: ['at least 7'], earlier: null })
})
