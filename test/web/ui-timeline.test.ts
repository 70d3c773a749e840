import t from 'tap'
import type { Page } from 'playwright-core'
import { demoFactIds, demoSourceIds } from '../../src/demo/fixture-ids.js'
import { axeViolations, openPage, otherEditorKey, screenshotOf, startUi } from './harness.js'

/**
 * The timeline chart reads without guessing: no label covers another at
 * desktop or phone width, every point names its source on hover and on
 * keyboard focus, corrected, disputed and retracted claims are drawn apart
 * (with a legend), the date axis spans every claim, and the reconciled value
 * is drawn where the text says it is.
 */
const { browser, server, page, errors } = await startUi((fn) => t.teardown(fn))

const november = demoFactIds.novemberRound
// Three more claims from one source on one day: their lines stand side by side and their labels compete for room.
for (const figure of ['22', '23', '24']) {
  const r = await server.api('/claims', { method: 'POST', body: { factId: november, sourceId: demoSourceIds.cnnNov2024, citation: { quote: `One official put the number at ${figure}.` }, attributedTo: 'an official', value: figure, modality: 'reported', validAt: '2024-11-27' } })
  if (r.status !== 201) throw new Error(`recording a test claim failed: ${JSON.stringify(r.body)}`)
}
const claims = (await server.api(`/facts/${november}/history`)).body.claims as { claimId: string; value: { text: string } }[]
const byValue = (text: string) => claims.find((c) => c.value.text === text)!.claimId
const act = async (figure: string, path: string, body: unknown) => {
  const id = byValue(figure)
  const r = await server.api(`/claims/${id}/${path}`, { method: 'POST', key: otherEditorKey, ifMatch: (await server.api(`/claims/${id}`)).etag, body })
  if (r.status !== 200) throw new Error(`${path} failed: ${JSON.stringify(r.body)}`)
}
await act('22', 'corrections', { reason: 'The official is named.', changes: { attributedTo: 'a Treasury official' } })
await act('23', 'disputes', { reason: 'Which round?' })
await act('24', 'retractions', { reason: 'CNN withdrew the number.' })

/** Every label the chart wrote (the claims' figures, kept by the page's label plugin, and the axes' tick labels) and every claim's marks. */
const labelBoxes = (p: Page) =>
  p.evaluate(() => {
    const chart = (window as any).Chart.getChart(document.querySelector('.timeline canvas'))
    const measure = document.createElement('canvas').getContext('2d')!
    const ticks = ['x', 'y'].flatMap((axis) =>
      chart.scales[axis].getLabelItems().map((item: any) => {
        measure.font = item.font.string
        const w = measure.measureText(String(item.label)).width
        const [x, y] = item.options.translation
        const left = item.options.textAlign === 'center' ? x - w / 2 : item.options.textAlign === 'right' ? x - w : x
        return { text: String(item.label), x: left, y: y - item.font.lineHeight / 2, w, h: item.font.lineHeight }
      }),
    )
    const marks = chart.$claimMarkBoxes.map((m: any, i: number) => ({ ...m, text: `mark ${i}` }))
    return [...chart.$claimLabelBoxes, ...ticks, ...marks] as { text: string; x: number; y: number; w: number; h: number }[]
  })
/** Pairs of labels that touch, and labels on a claim's marks (marks may touch each other: two claims can share a value). */
const overlaps = (boxes: { text: string; x: number; y: number; w: number; h: number }[]) =>
  boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => !(a.text.startsWith('mark ') && b.text.startsWith('mark ')))
      .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
      .map((b) => `${a.text} / ${b.text}`),
  )
const openFact = async (p: Page) => {
  await p.goto(`${server.url}/#/facts/${november}`)
  await p.locator('.timeline canvas').waitFor()
  await p.waitForFunction(() => Boolean((window as any).Chart?.getChart(document.querySelector('.timeline canvas'))?.$claimLabelBoxes))
}

await openFact(page)

t.test('at desktop width every claim is labelled and no label overlaps another', async (t) => {
  const boxes = await labelBoxes(page)
  t.same(overlaps(boxes), [])
  t.same(boxes.map((b) => b.text).filter((text) => /^[\d>]|more/.test(text) && !/^\d+ \w+ \d{4}$|^\w+ \d{4}$/.test(text)).length >= claims.length, true, 'one label per claim')
  t.ok(boxes.some((b) => b.text === '22 · corrected') && boxes.some((b) => b.text === '23 · disputed') && boxes.some((b) => b.text === '24 · retracted'), 'a label says what happened to the claim')
  await screenshotOf(page.locator('section', { has: page.locator('.timeline') }), 'timeline-desktop')
})

t.test('at 390 px no label overlaps another either', async (t) => {
  const phone = await openPage(browser, 390, 844)
  await openFact(phone.page)
  t.same(overlaps(await labelBoxes(phone.page)), [])
  await screenshotOf(phone.page.locator('section', { has: phone.page.locator('.timeline') }), 'timeline-390')
  t.same(phone.errors, [])
  await phone.page.close()
})

t.test('hovering a point names its source', async (t) => {
  await page.locator('.timeline canvas').scrollIntoViewIfNeeded()
  const at = await page.evaluate(() => {
    const canvas = document.querySelector('.timeline canvas')!
    const chart = (window as any).Chart.getChart(canvas)
    const i = chart.data.datasets.findIndex((d: any) => d.claim?.value.text === '21')
    const point = chart.getDatasetMeta(i).data.at(-1)
    const r = canvas.getBoundingClientRect()
    return { x: r.left + point.x, y: r.top + point.y }
  })
  await page.mouse.move(at.x, at.y)
  const tooltip = await page.waitForFunction(() => {
    const tip = (window as any).Chart.getChart(document.querySelector('.timeline canvas')).tooltip
    return tip.opacity > 0 && tip.body?.length ? tip.body.flatMap((b: any) => b.lines).join(' ') : null
  })
  t.match(await tooltip.jsonValue(), /^21 — [^,]+, /, 'the tooltip names the source after the figure')
  await page.mouse.move(0, 0)
})

t.test('the chart takes keyboard focus; the arrow keys walk the claims, each named with its source', async (t) => {
  const box = page.locator('.timeline .chart-box')
  await box.focus()
  const line = page.locator('.chart-focus')
  await line.getByText(/^1 of \d+: /).waitFor()
  const first = await line.textContent()
  t.match(first, /^1 of \d+: .+ — .+, published \d+ \w+ \d{4}; /)
  const count = Number(/ of (\d+):/.exec(first!)![1])
  t.ok(count >= 6, 'every claim is reached')
  const active = () => page.evaluate(() => (window as any).Chart.getChart(document.querySelector('.timeline canvas')).tooltip.getActiveElements().map((e: any) => e.datasetIndex))
  t.equal((await active()).length, 1, 'the focused claim’s tooltip is open')
  await page.keyboard.press('ArrowRight')
  await line.getByText(new RegExp(`^2 of ${count}: `)).waitFor()
  await page.keyboard.press('End')
  await line.getByText(new RegExp(`^${count} of ${count}: `)).waitFor()
  const texts: string[] = []
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press('ArrowRight')
    texts.push((await line.textContent())!)
  }
  t.ok(texts.some((s) => /^\d+ of \d+: 24 — CNN, published .*; retracted\.$/.test(s)), 'a retracted claim says so in words')
  t.same(await axeViolations(page), [], 'axe-core: no violations with the chart focused')
  await box.blur()
  t.same(await active(), [], 'leaving the chart closes the tooltip')
})

t.test('corrected, disputed and retracted claims are drawn apart, and the legend says how', async (t) => {
  const styles = await page.evaluate(() => {
    const chart = (window as any).Chart.getChart(document.querySelector('.timeline canvas'))
    return Object.fromEntries(chart.data.datasets.filter((d: any) => d.claim).map((d: any) => [d.claim.value.text, [d.pointStyle.join(), d.borderDash.join()]]))
  })
  t.equal(styles['22']![0], 'rect', 'corrected: square marks')
  t.equal(styles['23']![0], 'rectRot', 'disputed: diamond marks')
  t.equal(styles['24']![0], 'crossRot', 'retracted: crosses')
  t.equal(styles['24']![1], '2,3', 'retracted: a dotted line')
  t.equal(styles['21']![0], 'circle', 'an untouched claim keeps round marks')
  const legend = await page.locator('.chart-legend li').allTextContents()
  for (const entry of ['■corrected by an editor', '◆disputed (a dispute is open)', '×retracted by its source']) t.ok(legend.includes(entry), entry)
})

t.test('the date axis spans every claim’s publication date', async (t) => {
  const outside = await page.evaluate(() => {
    const chart = (window as any).Chart.getChart(document.querySelector('.timeline canvas'))
    const { min, max } = chart.scales.x
    return chart.data.datasets.filter((d: any) => d.claim).flatMap((d: any) => d.data.filter((p: any) => p.x < min || p.x > max).map(() => d.claim.value.text))
  })
  t.same(outside, [])
})

t.test('the reconciled value is drawn where the text says it is', async (t) => {
  const view = (await server.api(`/facts/${november}`)).body
  const drawn = await page.evaluate(() => {
    const chart = (window as any).Chart.getChart(document.querySelector('.timeline canvas'))
    const bands = chart.data.datasets.filter((d: any) => d.label.startsWith('Reconciled value'))
    return { labels: bands.map((d: any) => d.label), ys: bands.map((d: any) => d.data[0].y), min: chart.scales.y.min, max: chart.scales.y.max }
  })
  t.equal(`Reconciled value: ${view.display}`, drawn.labels[0])
  t.match(await page.getByTestId('reconciled-value').textContent(), view.display)
  const expected = view.value.lower === view.value.upper ? [view.value.lower] : [view.value.lower ?? drawn.min, view.value.upper ?? drawn.max]
  t.same(drawn.ys, expected)
})

t.test('no script errors', async (t) => {
  t.same(errors, [])
})
