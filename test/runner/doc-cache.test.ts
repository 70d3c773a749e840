import t from 'tap'
import type { ClaimDoc, FactDoc, SourceDoc } from '../../projections/model.js'
import { createDocCache } from '../../src/runner/doc-cache.js'

const fact = (id: string) => ({ factId: id }) as FactDoc
const claim = (id: string, factId: string) => ({ claimId: id, factId }) as ClaimDoc
const batch = (facts: Array<[string, FactDoc | null]>, claims: Array<[string, ClaimDoc | null]> = [], claimsByFact: Array<[string, Map<string, ClaimDoc>]> = []) => ({
  sources: new Map<string, SourceDoc | null>(),
  facts: new Map(facts),
  claims: new Map(claims),
  claimsByFact: new Map(claimsByFact),
})

t.test('an unknown id is a miss (undefined); a remembered null means "known not to exist"', async (t) => {
  const cache = createDocCache()
  t.equal(cache.fact('f1'), undefined)
  cache.remember(batch([['f1', null]]))
  t.equal(cache.fact('f1'), null)
})

t.test('the least recently used entry is evicted first, and reading an entry makes it recent', async (t) => {
  const cache = createDocCache({ facts: 2, sources: 2, claims: 2 })
  cache.remember(batch([['f1', fact('f1')], ['f2', fact('f2')]]))
  t.equal(cache.fact('f1')?.factId, 'f1', 'f1 read, so f2 is now the oldest')
  cache.remember(batch([['f3', fact('f3')]]))
  t.equal(cache.fact('f2'), undefined, 'f2 evicted')
  t.equal(cache.fact('f1')?.factId, 'f1')
  t.equal(cache.fact('f3')?.factId, 'f3')
})

t.test('a fact\'s claim list comes back as a copy: a batch changing it leaves the cache as committed', async (t) => {
  const cache = createDocCache()
  const c1 = claim('c1', 'f1')
  cache.remember(batch([], [['c1', c1]], [['f1', new Map([['c1', c1]])]]))
  const list = cache.claimsOf('f1')!
  list.set('c2', claim('c2', 'f1'))
  t.same([...cache.claimsOf('f1')!.keys()], ['c1'])
})

t.test('clear forgets everything', async (t) => {
  const cache = createDocCache()
  const c1 = claim('c1', 'f1')
  cache.remember(batch([['f1', fact('f1')]], [['c1', c1]], [['f1', new Map([['c1', c1]])]]))
  cache.clear()
  t.equal(cache.fact('f1'), undefined)
  t.equal(cache.claim('c1'), undefined)
  t.equal(cache.claimsOf('f1'), undefined)
})
