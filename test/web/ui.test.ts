import t from 'tap'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import { editorKey, enterKey, openPage, screenshot, scrollsSideways, startUi } from './harness.js'

/**
 * The fact-checker's path through the page, in a real browser against the
 * real server with the demo corpus: the list, the September-round fact (16,
 * the planned 15 superseded), the record as known on 2024-09-05 (15), and a
 * correction filed as an editor.
 */
const { browser, server, page, errors } = await startUi((fn) => t.teardown(fn))

const sept = demoFactIds.septemberRound
const factItem = (id: string) => page.locator(`.fact-item[data-fact-id="${id}"]`)
const listedIds = () => page.locator('.fact-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.factId).sort())
const waitForListed = (n: number) => page.waitForFunction((count) => document.querySelectorAll('.fact-item').length === count && !/Loading/.test(document.querySelector('.result-line')?.textContent ?? ''), n)
const claimCard = (value: string) => page.locator('li.claim-card').filter({ has: page.locator('h3.claim-value', { hasText: new RegExp(`^${value}$`) }) })

t.test('the facts list shows every fact with its value as stated, a status badge and its independent origins', async (t) => {
  await page.goto(`${server.url}/`)
  await waitForListed(Object.keys(demoFactIds).length)
  t.same(await listedIds(), Object.values(demoFactIds).sort())
  t.equal(await factItem(sept).getByTestId('fact-value').textContent(), '16 persons')
  t.equal(await factItem(sept).locator('.badge').textContent(), 'Single source')
  t.equal(await factItem(sept).locator('.origins').textContent(), '1 independent origin')
  const november = factItem(demoFactIds.novemberRound)
  t.equal(await november.getByTestId('fact-value').textContent(), '21 persons')
  t.equal(await november.locator('.badge').textContent(), 'Confirmed')
  t.equal(await november.locator('.origins').textContent(), '3 independent origins')
  t.equal(await factItem(demoFactIds.postElectionDetentions).getByTestId('fact-value').textContent(), 'more than 2,400 persons')
  await screenshot(page, 'facts-list')
})

t.test('the search box and the status filter narrow the list, and the filter is kept in the address', async (t) => {
  await page.getByLabel('Search').fill('visa')
  await waitForListed(2)
  t.same(await listedIds(), [demoFactIds.familyVisaRestrictions, demoFactIds.visaRestrictionsTotal])
  t.match(page.url(), /#\/\?q=visa$/)

  await page.getByLabel('Search').fill('')
  await page.getByLabel('Status').selectOption('confirmed')
  await waitForListed(2)
  t.same(await listedIds(), [demoFactIds.novemberRound, demoFactIds.postElectionDetentions])
  t.match(page.url(), /status=confirmed/)

  await page.getByLabel('Search').fill('no fact has this text')
  await page.locator('.result-line', { hasText: 'No facts matching your filter.' }).waitFor()
  t.equal(await page.locator('.fact-item').count(), 0)
  await page.getByLabel('Search').fill('')
  await page.getByLabel('Status').selectOption('')
  await waitForListed(Object.keys(demoFactIds).length)
})

t.test('the September-round fact shows 16, why, the superseded planned 15, and a timeline chart', async (t) => {
  await factItem(sept).getByRole('link').click()
  await page.getByTestId('reconciled-value').waitFor()
  t.equal(new URL(page.url()).hash, `#/facts/${sept}`)
  t.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page heading')
  t.equal(await page.getByTestId('reconciled-value').textContent(), '16 persons')
  t.match(await page.locator('.steps').textContent(), /planned figure "15".*superseded by the realized figure "16"/)

  const planned = claimCard('15')
  t.equal(await planned.count(), 1)
  t.same(await planned.locator('.badge').allTextContents(), ['Planned', 'superseded'])
  t.equal(await planned.locator('.claim-role').textContent(), 'Superseded by a later claim')
  t.match(await planned.locator('.quote').textContent(), /close to announcing 15/)
  t.match(await planned.locator('.claim-facts').textContent(), /via documents seen by Bloomberg/)
  const realized = claimCard('16')
  t.same(await realized.locator('.badge').allTextContents(), ['Reported'])
  t.equal(await realized.locator('.claim-role').textContent(), 'Supports the value')
  t.match(await realized.locator('.claim-facts').textContent(), /Associated Press.*published 27 Nov 2024/)

  const chart = await page.evaluate(() => {
    const canvas = document.querySelector('.timeline canvas')
    const instance = canvas && (window as any).Chart?.getChart(canvas)
    return instance ? instance.data.datasets.map((d: any) => d.label) : null
  })
  t.same(chart, ['15', '16', 'Reconciled value: 16'], 'one line per claim and the reconciled value drawn over them')
  await screenshot(page, 'fact-september-round')
})

t.test('the record as known on 2024-09-05 says 15, with the differences from now highlighted', async (t) => {
  await page.getByLabel('Known on (publication date)').fill('2024-09-05')
  await page.getByTestId('then-value').waitFor()
  t.equal(await page.getByTestId('then-value').textContent(), '15 persons')
  t.match(page.url(), /#\/facts\/us-sanctions-2024-09-round-count\?knownAt=2024-09-05$/)
  t.same(await page.locator('table.diff tr.changed th').allTextContents(), ['Value', 'Attributed to', 'Supporting', 'Superseded', 'Left out'])
  t.equal(await page.locator('table.diff tr.changed mark').first().textContent(), '15 persons (differs)')
  t.match(await claimCard('16').locator('.then-role').textContent(), /^Then: Left out: /)
  t.equal(await claimCard('15').locator('.then-role').textContent(), 'Then: Supports the value')
  const bands = await page.evaluate(() => (window as any).Chart.getChart(document.querySelector('.timeline canvas')).data.datasets.map((d: any) => d.label))
  t.ok(bands.includes('Value as known then: 15'), 'the value as known then is drawn on the chart')
  await screenshot(page, 'fact-known-2024-09-05')

  await page.reload()
  await page.getByTestId('then-value').waitFor()
  t.equal(await page.getByTestId('then-value').textContent(), '15 persons', 'a reload keeps the chosen date')
  t.equal(await page.getByLabel('Known on (publication date)').inputValue(), '2024-09-05')
})

t.test('the version slider steps through this fact’s own events, said in words, back to before it existed', async (t) => {
  await page.getByRole('button', { name: 'Back to now' }).click()
  await page.locator('.then-result', { hasText: 'Showing the record as it is now' }).waitFor()
  const slider = page.getByLabel('Version (this fact’s events, as recorded)')
  t.equal(await slider.getAttribute('max'), '3', 'defined, then two claims recorded: three versions')
  t.match(await page.locator('.time-travel output').textContent(), /^Version 3 of 3 \(now\): Associated Press: 16 recorded on \d+ \w+ \d{4} by factledger-demo \(system\)\.$/)
  await slider.fill('2')
  await page.getByTestId('then-value').waitFor()
  t.equal(await page.getByTestId('then-value').textContent(), '15 persons', 'after the first claim the fact said 15')
  t.match(await slider.getAttribute('aria-valuetext'), /^Version 2 of 3: Unidentified outlet: 15 recorded on /)
  t.match(new URL(page.url()).hash, /^#\/facts\/us-sanctions-2024-09-round-count\?asOf=\d+$/, 'the version is in the address')
  await slider.fill('0')
  await page.locator('.then-missing', { hasText: /^The ledger did not have this fact yet as recorded at ledger position \d+\.$/ }).waitFor()
  t.equal(await page.locator('.time-travel output').textContent(), 'Version 0 of 3: before this fact was defined.')
  await page.getByRole('button', { name: 'Back to now' }).click()
  await page.locator('.then-result', { hasText: 'Showing the record as it is now' }).waitFor()
  t.equal(new URL(page.url()).hash, `#/facts/${sept}`)
})

t.test('an editor files a correction and the fact updates', async (t) => {
  const sent: { idempotencyKey?: string; ifMatch?: string; authorization?: string }[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/corrections')) {
      const h = r.headers()
      sent.push({ idempotencyKey: h['idempotency-key'], ifMatch: h['if-match'], authorization: h.authorization })
    }
  })
  t.equal(await claimCard('16').getByRole('button', { name: 'Correct' }).isVisible(), false, 'no editor buttons without a key')
  await enterKey(page, editorKey)
  const claimId = await claimCard('16').getAttribute('data-claim-id')
  const before = await server.api(`/claims/${claimId}`)

  await claimCard('16').getByRole('button', { name: 'Correct' }).click()
  const dialog = page.getByRole('dialog', { name: 'Correct our record of this claim' })
  await dialog.getByLabel('Figure as the source stated it').fill('17')
  await dialog.getByRole('button', { name: 'Record correction' }).click()
  await dialog.locator('[data-field="reason"] .field-error').waitFor()
  t.equal(await dialog.locator('[data-field="reason"] .field-error').textContent(), 'Give a reason: it is kept with the change for everyone to read.', 'the API’s message is shown next to its field, in plain words')
  t.equal(await dialog.getByLabel('Reason (required)').getAttribute('aria-invalid'), 'true')
  t.equal(await dialog.getByLabel('Figure as the source stated it').inputValue(), '17', 'what was typed is kept')
  await screenshot(page, 'correction-validation-error')

  // The figure is read from the quote, so a figure typed wrong was quoted wrong too: both are corrected.
  const quote = dialog.getByLabel('Quote')
  await quote.fill((await quote.inputValue()).replace('16', '17'))
  await dialog.getByLabel('Reason (required)').fill('The AP report says 17; we typed 16.')
  await dialog.getByRole('button', { name: 'Record correction' }).click()
  await page.locator('[data-testid="reconciled-value"]', { hasText: '17 persons' }).waitFor()
  t.equal(await dialog.count(), 0, 'the dialog closes')
  t.same(await claimCard('17').locator('.badge').allTextContents(), ['Reported', 'corrected'])
  t.match(await page.locator('#announcer').textContent(), /^Correction recorded at ledger position \d+\.$/)
  t.equal((await server.api(`/facts/${sept}`)).body.display, '17', 'the server has it')

  t.equal(sent.length, 2)
  t.match(sent[1]!.idempotencyKey, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  t.not(sent[0]!.idempotencyKey, sent[1]!.idempotencyKey, 'a changed request is a new intent with a new key')
  t.equal(sent[1]!.ifMatch, before.etag, 'If-Match carries the revision the editor saw')
  t.equal(sent[1]!.authorization, `Bearer ${editorKey}`)
  await claimCard('17').locator('.claim-history summary').click()
  t.match(await claimCard('17').locator('.claim-history').textContent(), /Corrected.*“The AP report says 17; we typed 16\.”.*value: 16 → 17/s)
  await screenshot(page, 'fact-after-correction')
})

t.test('at phone width (375px) the pages fit without sideways scrolling', async (t) => {
  const phone = await openPage(browser, 375, 812)
  for (const [name, hash, ready] of [
    ['facts-list', '#/', '.fact-item'],
    ['fact', `#/facts/${sept}?knownAt=2024-09-05`, '[data-testid="then-value"]'],
    ['ledger', '#/ledger', '[data-testid="verify-verdict"]'],
  ] as const) {
    await phone.page.goto(`${server.url}/${hash}`)
    await phone.page.locator(ready).first().waitFor()
    t.equal(await scrollsSideways(phone.page), false, `${name} fits 375px`)
    await screenshot(phone.page, `phone-${name}`)
  }
  t.same(phone.errors, [])
  await phone.page.close()
})

t.test('no script errors and no blocked resources on the way', async (t) => {
  t.same(errors, [])
})
