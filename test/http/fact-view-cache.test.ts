import t from 'tap'
import { createFactViewCache } from '../../src/http/fact-view-cache.js'
import { htmlSafeStringify } from '../../src/http/json-serializer.js'
import { factView } from '../read-model/documents.js'

/** A stamp the test moves by hand, as a commit would. */
function commits() {
  let n = 0
  return { readStamp: () => `stamp-${n}`, commit: () => void n++ }
}

t.test('the escaped text, checked once per distinct text; a bad view is a serialization error', async (t) => {
  const cache = createFactViewCache({ maxBytes: 1024 * 1024 })
  const first = factView('f1', 3, { summary: '21 <b>per</b> Treasury & co' })
  t.equal(cache.answer('f1', JSON.stringify(first), 3n, null).body, htmlSafeStringify(first), 'what the reply serializer would send')
  const changed = factView('f1', 4)
  t.equal(cache.answer('f1', JSON.stringify(changed), 4n, null).body, htmlSafeStringify(changed), 'a new text for the same fact is a new body')
  t.throws(() => cache.answer('f2', JSON.stringify({ ...factView('f2', 3), origins: 'two' }), 3n, null), { code: 'FST_ERR_RESPONSE_SERIALIZATION' })
  t.throws(() => cache.answer('f1', JSON.stringify({ ...changed, kind: 'nope' }), 4n, null), { code: 'FST_ERR_RESPONSE_SERIALIZATION' }, 'also after a valid text was remembered')
})

t.test('a remembered response is fresh only while the stamp read before its text is unchanged', async (t) => {
  const { readStamp, commit } = commits()
  const cache = createFactViewCache({ maxBytes: 1024 * 1024, readStamp })
  const text = JSON.stringify(factView('f1', 3))
  const before = cache.stamp()
  t.equal(cache.fresh('f1', before), undefined, 'nothing remembered yet')
  const answered = cache.answer('f1', text, 3n, before)
  t.equal(cache.fresh('f1', cache.stamp()), answered, 'no commit since: the same response, without a read')
  t.match(cache.fresh('f1', cache.stamp()), { body: htmlSafeStringify(factView('f1', 3)), streamHead: 3n })
  commit()
  t.equal(cache.fresh('f1', cache.stamp()), undefined, 'any commit since: read again')
  const again = cache.stamp()
  const reread = cache.answer('f1', text, 5n, again)
  t.equal(reread.body, answered.body, 'the same text keeps its checked body')
  t.equal(reread.streamHead, 5n, 'and takes the stream head read with it')
  t.equal(cache.fresh('f1', cache.stamp()), reread, 'fresh again under the new stamp')
  t.equal(cache.fresh('f1', null), undefined, 'an unreadable stamp is never a hit')
})

t.test('a commit between the stamp and the read makes the next request read again', async (t) => {
  const { readStamp, commit } = commits()
  const cache = createFactViewCache({ maxBytes: 1024 * 1024, readStamp })
  const stamp = cache.stamp()
  commit() // lands before the read below: the text is newer than the stamp
  cache.answer('f1', JSON.stringify(factView('f1', 4)), 4n, stamp)
  t.equal(cache.fresh('f1', cache.stamp()), undefined)
})

t.test('without a stamp nothing is answered from memory', async (t) => {
  const cache = createFactViewCache({ maxBytes: 1024 * 1024 })
  cache.answer('f1', JSON.stringify(factView('f1', 3)), 3n, cache.stamp())
  t.equal(cache.stamp(), null)
  t.equal(cache.fresh('f1', cache.stamp()), undefined)
})

t.test('bounded: least recently used out first, too large never remembered, 0 remembers nothing', async (t) => {
  const { readStamp } = commits()
  const views = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: JSON.stringify(factView(id, 1)) }))
  const size = 2 * views[0]!.text.length
  t.ok(views.every((v) => 2 * v.text.length === size), 'views of one size')
  // Room for four; one response may take up to a quarter.
  const cache = createFactViewCache({ maxBytes: 4 * size + size / 2, readStamp })
  const stamp = cache.stamp()
  for (const { id, text } of views.slice(0, 4)) cache.answer(id, text, 1n, stamp)
  t.equal(cache.bytes, 4 * size)
  t.ok(cache.fresh('a', stamp), 'a used again: now the most recent')
  cache.answer('e', views[4]!.text, 1n, stamp)
  t.equal(cache.bytes, 4 * size, 'still within the bound')
  t.same(['a', 'b', 'c', 'd', 'e'].filter((id) => cache.fresh(id, stamp) !== undefined), ['a', 'c', 'd', 'e'], 'b, the least recently used, went')

  const huge = JSON.stringify(factView('huge', 1, { summary: 'x'.repeat(size) }))
  t.equal(cache.answer('huge', huge, 1n, stamp).body, huge, 'too big to remember, still answered')
  t.equal(cache.fresh('huge', stamp), undefined)
  t.equal(cache.bytes, 4 * size)

  const none = createFactViewCache({ maxBytes: 0, readStamp })
  t.equal(none.answer('a', views[0]!.text, 1n, stamp).body, views[0]!.text)
  t.equal(none.fresh('a', stamp), undefined)
  t.equal(none.bytes, 0)
  t.throws(() => none.answer('a', JSON.stringify({ ...factView('a', 1), kind: 'nope' }), 1n, stamp), { code: 'FST_ERR_RESPONSE_SERIALIZATION' }, 'and checks every text')
})
