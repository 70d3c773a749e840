import { existsSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { labelFiles } from '../../src/extract/eval.js'
import { evaluate, missedTargets, nameWords, sameName, sameQuantity } from '../../src/extract/evaluate.js'
import { loadLabelSet, locateFigure, repositoryRoot } from '../../src/extract/label-set.js'

const seedsDir = process.env.FACTLEDGER_SEEDS_DIR ?? join(repositoryRoot, '../shared/seeds')

t.test('names compare as word sets, one within the other', async (t) => {
  t.same([...nameWords("The U.S. Treasury's Office")], ['us', 'treasury', 'office'])
  t.ok(sameName('Raj Patel', "Raj Patel, the city's finance director"))
  t.ok(sameName('Millbrook City Council', 'council'))
  t.notOk(sameName('United States', 'senior administration officials'))
  t.notOk(sameName('anyone', null))
  t.notOk(sameName('the', 'a'), 'names with no words never match')
})

t.test('quantities compare exactly, with the unit "percent" spelled "%"', async (t) => {
  t.ok(sameQuantity({ hedge: 'exact', stated: [4.2], unit: 'percent' }, { hedge: 'exact', stated: [4.2], unit: '%' }))
  t.notOk(sameQuantity({ hedge: 'exact', stated: [4.2], unit: 'percent' }, { hedge: 'about', stated: [4.2], unit: '%' }))
  t.notOk(sameQuantity({ hedge: 'exact', stated: [42] }, { hedge: 'exact', stated: [42], unit: 'EUR' }))
})

t.test('a label whose phrase is missing, repeated or does not hold the figure is a broken fixture', async (t) => {
  const label = { near: '21 allies', figure: '21', quantity: { hedge: 'exact' as const, stated: [21] }, modality: 'official' as const, attributedTo: 'x', via: [], counted: 'allies', validAt: '2024-11-27' }
  t.same(locateFigure('on 21 allies of', label, 'f'), { start: 3, end: 5 })
  t.throws(() => locateFigure('nothing', label, 'f'), /label phrase not found/)
  t.throws(() => locateFigure('21 allies and 21 allies', label, 'f'), /not unique/)
  t.throws(() => locateFigure('21 allies', { ...label, figure: '16' }, 'f'), /is not inside/)
})

t.test('the seed set meets the targets: figure and quantity recall >= 0.95, modality and attribution >= 0.85', { skip: existsSync(seedsDir) ? false : `seed texts not found at ${seedsDir}` }, async (t) => {
  const { documents } = await loadLabelSet(labelFiles.seeds, seedsDir)
  const evaluation = evaluate(documents)
  t.equal(evaluation.documents, 5)
  t.equal(evaluation.scores.figure.labelled, 16)
  t.same(missedTargets(evaluation), [], JSON.stringify(evaluation.misses, null, 1))
})

for (const name of ['other', 'heldout', 'blind', 'dev'] as const) {
  t.test(`the ${name} set, written apart from the seeds, meets the same targets`, async (t) => {
    const { documents } = await loadLabelSet(labelFiles[name])
    const evaluation = evaluate(documents)
    t.ok(evaluation.scores.figure.labelled >= 20, 'at least 20 labelled figures')
    t.ok(evaluation.documents >= 3, 'at least three reports')
    t.same(missedTargets(evaluation), [], JSON.stringify(evaluation.misses, null, 1))
  })
}

t.test('the evaluation counts a missed figure against recall and an extra draft against precision', async (t) => {
  const text = 'Officials said 21 people were detained. The city has 40 parks.'
  const label = { near: '21 people', figure: '21', quantity: { hedge: 'exact' as const, stated: [21] }, modality: 'official' as const, attributedTo: 'Officials', via: [], counted: 'people detained', validAt: '2025-01-01' }
  // The extractor never proposes the word "One"; a label for it is a figure missed.
  const missing = { ...label, near: 'One man', figure: 'One' }
  const full = `${text} One man died.`
  const e = evaluate([{ file: 'x.txt', text: full, publisher: 'P', publishedAt: '2025-01-01', figures: [{ ...label, ...locateFigure(full, label, 'x') }, { ...missing, ...locateFigure(full, missing, 'x') }] }])
  t.same(e.scores.figure, { correct: 1, predicted: 2, labelled: 2, precision: 0.5, recall: 0.5 })
  t.same(e.scores.modality, { correct: 1, predicted: 2, labelled: 2, precision: 0.5, recall: 0.5 })
  t.same(e.misses.map((m) => [m.field, m.figure]), [['figure', 'One'], ['figure', '40']])
  t.same(missedTargets(e).length, 4)
})
