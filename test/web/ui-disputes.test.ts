import t from 'tap'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import { axeViolations, editorKey, enterKey, screenshot, startUi } from './harness.js'

/**
 * A dispute from start to end on the page: opened on a claim, upheld (the
 * claim stops counting), disputed again and dismissed (nothing changes),
 * each step with its reason on the card and in the audit trail. And the
 * mistake a desk makes most: a quote that is not in the source's saved copy.
 */
const { server, page, errors } = await startUi((fn) => t.teardown(fn))

const sept = demoFactIds.septemberRound
const realized = ((await server.api(`/facts/${sept}/claims`)).body.items as { claimId: string; value: { text: string } }[]).find((c) => c.value.text === '16')!.claimId
const card = page.locator(`li.claim-card[data-claim-id="${realized}"]`)
const value = async () => (await server.api(`/facts/${sept}`)).body as { display: string; supporting: string[] }
const dialogNamed = (name: string) => page.getByRole('dialog', { name })

await page.goto(`${server.url}/#/facts/${sept}`)
await enterKey(page, editorKey)

t.test('an editor disputes a claim; the card counts the open dispute with its reason and who opened it', async (t) => {
  await card.getByRole('button', { name: 'Dispute', exact: true }).click()
  const dialog = dialogNamed('Dispute this claim')
  await dialog.getByLabel('Reason (required)').fill('The AP count includes two officials named twice.')
  await dialog.getByRole('button', { name: 'Record dispute' }).click()
  await card.getByTestId('claim-disputes').waitFor()
  t.match(await card.locator('.disputes-count').textContent(), /^1 open dispute$/)
  t.match(await card.locator('.dispute').first().textContent(), /^Open: “The AP count includes two officials named twice\.” — Ana Ruiz \(editor\)/)
})

t.test('upholding needs a reason; upheld, the claim stops counting and the fact’s value follows', async (t) => {
  t.ok((await value()).supporting.includes(realized), 'before: the claim supports the value')
  await card.getByRole('button', { name: /^Uphold/ }).click()
  const dialog = dialogNamed('Uphold this dispute')
  await dialog.getByRole('button', { name: 'Uphold dispute' }).click()
  await dialog.locator('[data-field="reason"] .field-error').waitFor()
  t.equal(await dialog.locator('[data-field="reason"] .field-error').textContent(), 'Give a reason: it is kept with the change for everyone to read.')
  await dialog.getByLabel('Reason (required)').fill('Checked against the Treasury list: 14 distinct names.')
  await dialog.getByRole('button', { name: 'Uphold dispute' }).click()
  await card.locator('.disputes-count', { hasText: 'No open disputes' }).waitFor()
  t.match(await card.locator('.dispute').first().textContent(), /Upheld by Ana Ruiz \(editor\): “Checked against the Treasury list: 14 distinct names\.”/)
  const after = await value()
  t.notOk(after.supporting.includes(realized), 'after: the upheld claim no longer supports the value')
  t.equal(await page.getByTestId('reconciled-value').textContent(), `${after.display} persons`, 'the page shows the value the ledger now gives')
  t.same(await axeViolations(page), [])
  await screenshot(page, 'dispute-upheld')
})

t.test('a second dispute, dismissed, changes nothing: the value stays what the upheld dispute left', async (t) => {
  const before = await value()
  await card.getByRole('button', { name: 'Dispute', exact: true }).click()
  const open = dialogNamed('Dispute this claim')
  await open.getByLabel('Reason (required)').fill('Second look: the AP later confirmed 16.')
  await open.getByRole('button', { name: 'Record dispute' }).click()
  await card.locator('.disputes-count', { hasText: '1 open dispute' }).waitFor()
  await card.getByRole('button', { name: /^Dismiss/ }).click()
  const dialog = dialogNamed('Dismiss this dispute')
  await dialog.getByLabel('Reason (required)').fill('AP confirmed 16 in a follow-up.')
  await dialog.getByRole('button', { name: 'Dismiss dispute' }).click()
  await card.locator('.dispute-dismissed').waitFor()
  t.match(await card.locator('.disputes-count').textContent(), /^No open disputes \(2 resolved\)$/)
  t.same({ ...(await value()), asOf: null }, { ...before, asOf: null }, 'the fact’s answer is unchanged by a dismissed dispute')
})

t.test('the audit trail lists both resolutions with their reasons, linked to the claim', async (t) => {
  await page.goto(`${server.url}/#/audit?factId=${sept}`)
  await page.locator('.audit-entry').first().waitFor()
  const kinds = await page.locator('.audit-entry').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))
  t.same(kinds, ['dispute-resolved', 'disputed', 'dispute-resolved', 'disputed'])
  t.match(await page.locator('.audit-entry').first().textContent(), /AP confirmed 16 in a follow-up\./)
  t.equal(await page.locator('.audit-entry').first().getByRole('link', { name: 'permalink' }).getAttribute('href'), `#/claims/${realized}`)
})

t.test('a quote that is not in the source’s saved copy is refused next to the quote, in plain words', async (t) => {
  const registered = await server.api('/sources', { method: 'POST', body: { publisher: 'Quote Wire', title: 'Sixteen named', origin: 'quote-wire', tier: 2, publishedAt: '2024-11-28', snapshotText: 'The Treasury named 16 officials on Wednesday.' } })
  if (registered.status !== 201) throw new Error(`registering the test source failed: ${JSON.stringify(registered.body)}`)
  const before = (await server.api('/ledger/head')).body.position
  // The source picker must offer every source, not the first page: pages of 2 make it follow `next` cursors.
  await page.route(/\/sources\?.*limit=200/, (route) => route.continue({ url: route.request().url().replace('limit=200', 'limit=2') }))
  const total = (await server.api('/sources?limit=200')).body.items.length as number
  await page.goto(`${server.url}/#/facts/${sept}`)
  await page.getByRole('button', { name: 'Record a claim' }).click()
  const dialog = dialogNamed('Record a claim for this fact')
  await dialog.getByLabel('Source (required)').waitFor()
  t.equal(await dialog.getByLabel('Source (required)').locator('option').count(), total + 1, 'every source (and “Choose a source…”), across pages')
  await page.unroute(/\/sources\?.*limit=200/)
  await dialog.getByLabel('Source (required)').selectOption(registered.body.id)
  await dialog.getByLabel('Figure as the source stated it').fill('16')
  await dialog.getByLabel('Quote').fill('The Treasury sanctioned 16 officials on Tuesday.')
  await dialog.getByLabel('Attributed to (who said it)').fill('U.S. Treasury')
  await dialog.getByLabel('Modality').selectOption('reported')
  await dialog.getByLabel('True as of (valid time)').fill('2024-11-27')
  await dialog.getByRole('button', { name: 'Record claim' }).click()
  const error = dialog.locator('[data-field="quote"] .field-error')
  await error.waitFor()
  t.equal(await error.textContent(), 'This quote is not in the saved copy of this source. Copy the words exactly as the source printed them.')
  t.equal(await dialog.getByLabel('Quote').inputValue(), 'The Treasury sanctioned 16 officials on Tuesday.', 'the quote typed is kept to fix')
  t.equal((await server.api('/ledger/head')).body.position, before, 'nothing was recorded')
  await screenshot(page, 'quote-not-in-source')
  await dialog.getByLabel('Quote').fill('The Treasury named 16 officials on Wednesday.')
  await dialog.getByRole('button', { name: 'Record claim' }).click()
  await page.locator('.claim-card', { hasText: 'The Treasury named 16 officials on Wednesday.' }).locator('.quote-check', { hasText: 'Quote checked' }).waitFor()
})

t.test('no script errors', async (t) => {
  t.same(errors, [])
})
