import t from 'tap'
import type { FactView } from '../../projections/model.js'
import { changedViews, sameViewContent } from '../../src/read-model/view-change.js'

const view: FactView = {
  factId: 'f1', question: 'How many?', unit: 'persons', kind: 'count',
  value: { kind: 'exact', value: 21 } as unknown as FactView['value'], display: '21', status: 'single-source', origins: 1,
  attributedTo: ['U.S. Treasury'], disputes: { open: 0, reasons: [] }, supporting: ['c1'], superseded: [], conflicting: [], excluded: [],
  explanation: [{ step: 'intersected', detail: 'one claim', claimIds: ['c1'] }], summary: '21 per U.S. Treasury', policyVersion: 1,
  asOf: { position: '7', knownAt: null, validAt: null },
}

t.test('views that differ only in their clocks are the same content (no history row)', async (t) => {
  t.ok(sameViewContent(view, { ...view, asOf: { position: '9', knownAt: '2024-01-01', validAt: null } }))
})

t.test('key order does not matter: a view read back from storage equals the one computed', async (t) => {
  const reordered = Object.fromEntries(Object.entries(view).reverse()) as FactView
  t.ok(sameViewContent(view, reordered))
  t.ok(sameViewContent(view, JSON.parse(JSON.stringify(view)) as FactView))
})

t.test('any other difference, however deep, is a change', async (t) => {
  t.notOk(sameViewContent(view, { ...view, supporting: ['c1', 'c2'] }))
  t.notOk(sameViewContent(view, { ...view, explanation: [{ step: 'intersected', detail: 'one claim', claimIds: ['c2'] }] }))
  t.notOk(sameViewContent(view, { ...view, status: 'confirmed' }))
})

t.test('a batch keeps the views that change: the first against the stored view, the rest against the one before', async (t) => {
  const at = (v: FactView, position: string): FactView => ({ ...v, asOf: { position, knownAt: null, validAt: null } })
  const other = { ...view, factId: 'f2' }
  const changed = changedViews(
    [at(view, '8'), at({ ...view, status: 'confirmed' }, '9'), at({ ...view, status: 'confirmed' }, '10'), at(other, '11')],
    (factId) => (factId === 'f1' ? view : undefined),
  )
  t.same(changed.map((v) => v.asOf.position), ['9', '11'], 'f1 at 8 equals its stored view; 10 repeats 9; f2 has no stored view')
})
