import t from 'tap'
import { demoFactIds, demoSourceIds } from '../../src/demo/fixture-ids.js'
import { axeViolations, editorKey, enterKey, openPage, screenshot, sidewaysOverflow, startUi } from './harness.js'

/**
 * Sources and claims have pages of their own: a source shows every saved
 * copy with each cited quote marked in place; a claim has a permalink; a
 * quote nobody could check says so; an action the ledger would refuse is
 * disabled with its reason.
 */
const { browser, server, page, errors } = await startUi((fn) => t.teardown(fn))

const first = 'WASHINGTON — The Treasury sanctioned 21 officials on Wednesday.\n\nThe State Department barred their relatives from entering the country.'
const revised = `${first}\n\nCorrection: an earlier version misstated the day.`
const registered = await server.api('/sources', { method: 'POST', body: { publisher: 'Copy Wire', title: 'Treasury sanctions 21', origin: 'copy-wire', tier: 2, publishedAt: '2024-11-27', url: 'https://example.org/copy-wire/21', snapshotText: first } })
const sourceId = registered.body.id as string
const revision = await server.api(`/sources/${sourceId}/revisions`, { method: 'POST', ifMatch: registered.etag, body: { revisedAt: '2024-11-28', snapshotText: revised, note: 'correction appended' } })
if (revision.status !== 200) throw new Error(`revising the test source failed: ${JSON.stringify(revision.body)}`)
const quote = 'The Treasury sanctioned 21 officials on Wednesday.'
const recorded = await server.api('/claims', { method: 'POST', body: { factId: demoFactIds.novemberRound, sourceId, citation: { quote }, attributedTo: 'U.S. Treasury', value: '21', modality: 'official', validAt: '2024-11-27' } })
if (recorded.status !== 201) throw new Error(`recording the test claim failed: ${JSON.stringify(recorded.body)}`)
const claimId = recorded.body.id as string

t.test('a source page shows the saved copy with the cited quote marked in place, linked to its claim', async (t) => {
  await page.goto(`${server.url}/#/sources/${sourceId}`)
  await page.getByRole('heading', { level: 1, name: 'Treasury sanctions 21' }).waitFor()
  const copy = page.getByTestId('saved-copy')
  t.equal(await copy.getAttribute('data-version'), '1', 'the latest version is shown first')
  t.equal(await copy.locator('mark.cited').count(), 1)
  t.equal(await copy.locator('mark.cited').evaluate((m) => m.firstChild?.textContent), quote)
  t.equal(await copy.locator('mark.cited a').getAttribute('href'), `#/claims/${claimId}`)
  t.same(await page.getByRole('navigation', { name: 'Versions of the saved copy' }).getByRole('link').allTextContents(), ['As published, 27 Nov 2024', 'Revision 1, 28 Nov 2024'])
  t.same(await axeViolations(page), [], 'axe-core finds no violations')
  await screenshot(page, 'source-page')
})

t.test('every version of the saved copy is readable, with the quote marked where it stands in that version', async (t) => {
  await page.getByRole('link', { name: 'As published, 27 Nov 2024' }).click()
  await page.locator('[data-testid="saved-copy"][data-version="0"]').waitFor()
  t.equal(await page.getByTestId('saved-copy').evaluate((el) => el.textContent?.includes('Correction:')), false, 'the first version is the text as first published')
  t.equal(await page.locator('mark.cited').count(), 1)
})

t.test('a source without a saved copy says its quotes were accepted unchecked; its claims say so on their cards', async (t) => {
  await page.goto(`${server.url}/#/sources/${demoSourceIds.cnnNov2024}`)
  await page.getByTestId('no-saved-copy').waitFor()
  t.match(await page.getByTestId('no-saved-copy').textContent(), /^No saved copy\. The 2 quotes cited from this source were accepted unchecked: nobody has confirmed that the source printed them\.$/)
  await page.goto(`${server.url}/#/facts/${demoFactIds.novemberRound}`)
  await page.getByTestId('reconciled-value').waitFor()
  const demoCard = page.locator('li.claim-card', { hasText: 'CNN' }).first()
  t.match(await demoCard.getByTestId('quote-unchecked').textContent(), 'Quote not checked. This source has no saved copy, so nobody has confirmed that it printed these words.')
  const checkedCard = page.locator(`li.claim-card[data-claim-id="${claimId}"]`)
  t.match(await checkedCard.locator('.quote-check').textContent(), 'Quote checked')
  await checkedCard.getByRole('link', { name: 'Treasury sanctions 21' }).click()
  await page.getByRole('heading', { level: 1, name: 'Treasury sanctions 21' }).waitFor()
  t.equal(new URL(page.url()).hash, `#/sources/${sourceId}`, 'a source card links to the source page')
})

t.test('a claim has a permalink that shows its card and its fact', async (t) => {
  await page.goto(`${server.url}/#/claims/${claimId}`)
  await page.getByRole('heading', { level: 1, name: 'Claim: 21' }).waitFor()
  t.equal(await page.locator(`li.claim-card[data-claim-id="${claimId}"]`).count(), 1)
  t.match(await page.locator('.lede').textContent(), 'How many')
  t.same(await axeViolations(page), [])
  await page.goto(`${server.url}/#/claims/no-such-claim`)
  await page.getByRole('heading', { level: 1, name: 'No such claim' }).waitFor()
})

t.test('on a retracted claim the editor actions are disabled, with the reason next to them', async (t) => {
  const seen = await server.api(`/claims/${claimId}`)
  const retracted = await server.api(`/claims/${claimId}/retractions`, { method: 'POST', ifMatch: seen.etag, body: { reason: 'The wire withdrew the story.' } })
  t.equal(retracted.status, 200)
  await page.goto(`${server.url}/#/claims/${claimId}`)
  await enterKey(page, editorKey)
  const card = page.locator(`li.claim-card[data-claim-id="${claimId}"]`)
  await card.getByRole('button', { name: 'Correct' }).waitFor()
  for (const name of ['Correct', 'Retract', 'Dispute', 'Reassign', 'Pin as preferred']) t.equal(await card.getByRole('button', { name }).isDisabled(), true, `${name} is disabled`)
  t.equal(await card.getByRole('button', { name: 'Correct' }).getAttribute('aria-describedby'), await card.locator('.actions-why').getAttribute('id'), 'the reason is tied to the button')
  t.match(await card.locator('.actions-why').textContent(), 'This claim was retracted: it can no longer be corrected, disputed, moved or pinned.')
})

t.test('at 390 px the source and claim pages do not scroll sideways', async (t) => {
  const phone = await openPage(browser, 390, 844)
  for (const hash of [`#/sources/${sourceId}`, `#/claims/${claimId}`, `#/sources/${demoSourceIds.cnnNov2024}`]) {
    await phone.page.goto(`${server.url}/${hash}`)
    await phone.page.locator('h1').first().waitFor()
    await phone.page.locator('main .back').waitFor()
    t.equal(await sidewaysOverflow(phone.page), 0, `${hash}: scrollWidth <= innerWidth`)
  }
  await screenshot(phone.page, 'source-page-390')
  t.same(phone.errors, [])
  await phone.page.close()
})

t.test('no script errors', async (t) => {
  t.same(errors, [])
})
