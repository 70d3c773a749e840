import t from 'tap'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import { axeViolations, editorKey, enterKey, openPage, otherEditorKey, screenshot, sidewaysOverflow, startUi } from './harness.js'

/**
 * Who did what: named keys are credited by name, the audit trail lists every
 * editorial act with its reason and filters it, the corrections page shows
 * corrections and retractions to the public, and a fact's exports are one
 * click away.
 */
const { browser, server, page, errors } = await startUi((fn) => t.teardown(fn))

const november = demoFactIds.novemberRound
const claims = (await server.api(`/facts/${november}/history`)).body.claims as { claimId: string; value: { text: string } }[]
const [first, second, third] = claims
const seen = async (id: string) => (await server.api(`/claims/${id}`)).etag
// Li Wei works through the API; Ana Ruiz through the page.
const correction = await server.api(`/claims/${first!.claimId}/corrections`, { method: 'POST', key: otherEditorKey, ifMatch: await seen(first!.claimId), body: { reason: 'The wire named the Treasury.', changes: { attributedTo: 'U.S. Treasury Department' } } })
const dispute = await server.api(`/claims/${second!.claimId}/disputes`, { method: 'POST', key: otherEditorKey, ifMatch: await seen(second!.claimId), body: { reason: 'Which round is this?' } })
if (correction.status !== 200 || dispute.status !== 200) throw new Error('setting up the edits failed')

t.test('an edit made with a named key is credited by name on the claim’s history', async (t) => {
  await page.goto(`${server.url}/#/facts/${november}`)
  await enterKey(page, editorKey)
  const card = page.locator(`li.claim-card[data-claim-id="${third!.claimId}"]`)
  await card.getByRole('button', { name: 'Retract' }).click()
  const dialog = page.getByRole('dialog', { name: 'Retract this claim' })
  await dialog.getByLabel('Reason (required)').fill('The outlet withdrew the figure.')
  await dialog.getByRole('button', { name: 'Retract claim' }).click()
  await card.locator('.badge', { hasText: 'retracted' }).waitFor()
  await card.locator('summary', { hasText: 'History of this claim' }).click()
  t.match(await card.locator('.claim-history > ol > li').last().textContent(), /^Retracted .* by Ana Ruiz \(editor\), ledger position \d+ — “The outlet withdrew the figure\.”$/)
  const corrected = page.locator(`li.claim-card[data-claim-id="${first!.claimId}"]`)
  await corrected.locator('summary', { hasText: 'History of this claim' }).click()
  t.match(await corrected.locator('.claim-history > ol > li').last().textContent(), 'by Li Wei (editor)')
})

t.test('a disputed claim shows how many disputes are open, with their reasons and who opened them', async (t) => {
  const card = page.locator(`li.claim-card[data-claim-id="${second!.claimId}"]`)
  const disputes = card.getByTestId('claim-disputes')
  t.match(await disputes.locator('.disputes-count').textContent(), /^1 open dispute$/)
  t.match(await disputes.locator('li').first().textContent(), /^Open: “Which round is this\?” — Li Wei \(editor\)/)
  t.match(await card.locator('.badge.lifecycle-disputed').textContent(), 'disputed')
})

t.test('the audit trail lists the acts newest first with who, why and links to the claim and the fact', async (t) => {
  await page.getByRole('link', { name: 'Audit', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor()
  await page.locator('.audit-entry').first().waitFor()
  t.same(await page.locator('.audit-entry').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind)), ['retracted', 'disputed', 'corrected'])
  const retraction = page.locator('.audit-entry').first()
  t.match(await retraction.textContent(), /Retracted · claim permalink under How many.*by Ana Ruiz \(editor\).*“The outlet withdrew the figure\.”/)
  t.equal(await retraction.getByRole('link', { name: 'permalink' }).getAttribute('href'), `#/claims/${third!.claimId}`)
  t.equal(await retraction.getByRole('link', { name: /^How many/ }).getAttribute('href'), `#/facts/${november}`)
  t.match(await page.locator('.audit-entry[data-kind="corrected"]').textContent(), '(attribution changed)')
  t.same(await axeViolations(page), [])
  await screenshot(page, 'audit')
})

t.test('the audit trail filters by person, kind and fact, and the filter is in the address', async (t) => {
  await page.getByLabel('Person').fill('Li Wei')
  await page.getByRole('button', { name: 'Filter' }).click()
  await page.locator('.result-line', { hasText: '2 acts matching your filter.' }).waitFor()
  t.same(await page.locator('.audit-entry').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind)), ['disputed', 'corrected'])
  t.match(new URL(page.url()).hash, /^#\/audit\?actor=Li\+Wei/)
  await page.getByLabel('Kind').selectOption('corrected')
  await page.getByRole('button', { name: 'Filter' }).click()
  await page.locator('.result-line', { hasText: '1 act matching your filter.' }).waitFor()
  await page.getByLabel('Person').fill('')
  await page.getByLabel('Kind').selectOption('')
  await page.getByLabel('Fact').selectOption(demoFactIds.septemberRound)
  await page.getByRole('button', { name: 'Filter' }).click()
  await page.locator('.result-line', { hasText: 'No editorial acts matching your filter.' }).waitFor()
  t.equal(await page.locator('.audit-entry').count(), 0)
})

t.test('the public corrections page lists corrections and retractions, not disputes', async (t) => {
  await page.getByRole('link', { name: 'Corrections' }).click()
  await page.getByRole('heading', { level: 1, name: 'Corrections' }).waitFor()
  await page.locator('.audit-entry').first().waitFor()
  t.same(await page.locator('.audit-entry').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind)), ['retracted', 'corrected'])
  t.same(await axeViolations(page), [])
})

t.test('the fact page offers ClaimReview, PROV and CSV downloads that answer with those formats', async (t) => {
  await page.goto(`${server.url}/#/facts/${november}`)
  const exports = page.locator('section.exports')
  await exports.waitFor()
  const formats: Record<string, RegExp> = { 'ClaimReview (JSON-LD)': /^application\/ld\+json/, 'Provenance (W3C PROV-JSON)': /^application\/json/, 'Claims (CSV)': /^text\/csv/ }
  for (const [name, type] of Object.entries(formats)) {
    const href = await exports.getByRole('link', { name }).getAttribute('href')
    const res = await page.request.get(server.url + href!)
    t.equal(res.status(), 200, name)
    t.match(res.headers()['content-type'], type, name)
  }
  const csv = await (await page.request.get(`${server.url}/facts/${november}/claims.csv`)).text()
  t.equal(csv.trimEnd().split('\r\n').length, claims.length + 1, 'one CSV row per claim')
  t.equal(await exports.getByRole('link', { name: 'Audit trail of this fact' }).getAttribute('href'), `#/audit?factId=${november}`)
})

t.test('at 390 px the audit and corrections pages do not scroll sideways', async (t) => {
  const phone = await openPage(browser, 390, 844)
  for (const hash of ['#/audit', '#/corrections']) {
    await phone.page.goto(`${server.url}/${hash}`)
    await phone.page.locator('.audit-entry').first().waitFor()
    t.equal(await sidewaysOverflow(phone.page), 0, `${hash}: scrollWidth <= innerWidth`)
  }
  t.same(phone.errors, [])
  await phone.page.close()
})

t.test('no script errors', async (t) => {
  t.same(errors, [])
})
