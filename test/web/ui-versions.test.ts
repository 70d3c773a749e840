import t from 'tap'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import { axeViolations, openPage, otherEditorKey, screenshot, sidewaysOverflow, startUi } from './harness.js'

/**
 * A fact's page history, as a wiki keeps one: every version said in words
 * with its permalink, any two side by side with the differences marked, and
 * the fact page's slider stepping through the same versions.
 */
const { browser, server, page, errors } = await startUi((fn) => t.teardown(fn))

const sept = demoFactIds.septemberRound
const history = (await server.api(`/facts/${sept}/history`)).body
const realized = history.claims.find((c: { value: { text: string } }) => c.value.text === '16')
const seen = await server.api(`/claims/${realized.claimId}`)
// Li Wei corrects the transcription through the API: the page must say who changed what, in words.
const corrected = await server.api(`/claims/${realized.claimId}/corrections`, { method: 'POST', key: otherEditorKey, ifMatch: seen.etag, body: { reason: 'The AP report says 17.', changes: { value: '17', reading: { reason: 'The AP report gives 17 in its table.' } } } })
if (corrected.status !== 200) throw new Error(`the correction failed: ${JSON.stringify(corrected.body)}`)
const correctedAt = corrected.body.position as string

t.test('the versions page lists every version newest first, in words, each with its permalink', async (t) => {
  await page.goto(`${server.url}/#/facts/${sept}/versions`)
  await page.getByRole('heading', { level: 1, name: 'Versions of this fact' }).waitFor()
  const items = page.locator('.version-list > li')
  t.equal(await items.count(), 4, 'defined, two claims recorded, one corrected')
  t.match(await items.first().textContent(), /^Version 4: Associated Press: 16 corrected to 17 on \d+ \w+ \d{4} by Li Wei \(editor\)\. compare with the one before/)
  t.match(await items.last().textContent(), /^Version 1: Fact defined on /)
  t.equal(await items.first().getByRole('link', { name: 'Version 4', exact: true }).getAttribute('href'), `#/facts/${sept}`, 'the newest version is the fact now')
  t.equal(await items.nth(1).getByRole('link', { name: 'Version 3', exact: true }).getAttribute('href'), `#/facts/${sept}?asOf=${history.timeline[2].position}`)
  t.same(await axeViolations(page), [])
  await screenshot(page, 'versions')
})

t.test('by default the newest version is compared with the one before, side by side, the differences marked', async (t) => {
  t.equal(await page.getByTestId('compare-result').textContent(), '1 thing differs (marked in version 4).')
  t.same(await page.locator('table.diff thead th').allTextContents(), ['Version 3', 'Version 4 (now)'])
  t.same(await page.locator('table.diff tr.changed th').allTextContents(), ['Value'])
  t.same(await page.locator('table.diff tr.changed').first().locator('td').allTextContents(), ['16 persons', '17 persons (differs)'])
})

t.test('any two versions can be chosen; the choice is in the address', async (t) => {
  await page.getByLabel('Compare version').selectOption({ index: 2 })
  await page.getByLabel('with version').selectOption({ index: 3 })
  await page.getByRole('button', { name: 'Compare' }).click()
  await page.getByRole('heading', { level: 2, name: 'Version 2 and version 3' }).waitFor()
  t.equal(new URL(page.url()).hash, `#/facts/${sept}/versions?from=${history.timeline[1].position}&to=${history.timeline[2].position}`)
  t.same(await page.locator('table.diff tr.changed').first().locator('td').allTextContents(), ['15 persons', '16 persons (differs)'])
  await page.getByLabel('Compare version').selectOption({ index: 0 })
  await page.getByRole('button', { name: 'Compare' }).click()
  await page.getByRole('heading', { level: 2, name: 'Version 0 and version 3' }).waitFor()
  t.equal(await page.locator('table.diff tbody tr').first().locator('td').first().textContent(), 'did not exist yet', 'before the fact existed, it says so')
})

t.test('a version’s permalink opens the fact as it was, and its slider names the version in words', async (t) => {
  await page.goto(`${server.url}/#/facts/${sept}/versions`)
  await page.locator('.version-list').getByRole('link', { name: 'Version 3', exact: true }).click()
  await page.getByTestId('then-value').waitFor()
  t.equal(await page.getByTestId('then-value').textContent(), '16 persons')
  const slider = page.getByLabel('Version (this fact’s events, as recorded)')
  t.equal(await slider.inputValue(), '3')
  t.match(await page.locator('.time-travel output').textContent(), /^Version 3 of 4: Associated Press: 16 recorded on /)
  await slider.fill('4')
  await page.locator('.time-travel output', { hasText: /^Version 4 of 4 \(now\): Associated Press: 16 corrected to 17 on .* by Li Wei \(editor\)\.$/ }).waitFor()
  t.equal(new URL(page.url()).hash, `#/facts/${sept}`)
  t.ok(Number(correctedAt) > Number(history.timeline[2].position))
})

t.test('at 390 px the versions page does not scroll sideways', async (t) => {
  const phone = await openPage(browser, 390, 844)
  await phone.page.goto(`${server.url}/#/facts/${sept}/versions`)
  await phone.page.locator('.version-list li').first().waitFor()
  t.equal(await sidewaysOverflow(phone.page), 0)
  t.same(phone.errors, [])
  await phone.page.close()
})

t.test('no script errors', async (t) => {
  t.same(errors, [])
})
