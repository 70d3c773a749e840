import t from 'tap'
import { demoFactIds, demoSourceIds } from '../../src/demo/fixture-ids.js'
import { editorKey, enterKey, otherEditorKey, screenshot, startUi } from './harness.js'

/**
 * Editor actions on the page: safe writes (If-Match, Idempotency-Key), and
 * every failure explained without losing what the editor typed.
 */
const { server, page, errors } = await startUi((fn) => t.teardown(fn))

const november = demoFactIds.novemberRound
const card = (claimId: string) => page.locator(`li.claim-card[data-claim-id="${claimId}"]`)
const claimIdOf = async (factId: string, text: string) => {
  const history = await server.api(`/facts/${factId}/history`)
  return history.body.claims.find((c: { value: { text: string } }) => c.value.text === text).claimId as string
}
/** Headers of the writes the page sends to a path. */
function recordWrites(pathPart: string) {
  const sent: { idempotencyKey: string; ifMatch: string | undefined }[] = []
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes(pathPart)) sent.push({ idempotencyKey: r.headers()['idempotency-key']!, ifMatch: r.headers()['if-match'] })
  })
  return sent
}
const openFact = async (factId: string) => {
  await page.goto(`${server.url}/#/facts/${factId}`)
  await page.getByTestId('reconciled-value').waitFor()
}

await openFact(november)
await enterKey(page, editorKey)
const cnn = await claimIdOf(november, 'more than 20')

t.test('a stale revision is explained; Refresh and retry shows what the other editor changed, keeps the typed input and records it when sent', async (t) => {
  const sent = recordWrites(`/claims/${cnn}/corrections`)
  await card(cnn).getByRole('button', { name: 'Correct' }).click()
  const dialog = page.getByRole('dialog', { name: 'Correct our record of this claim' })
  t.equal(await dialog.getByLabel('API key').isVisible(), false, 'no key field while a key is set')
  await dialog.getByLabel('Attributed to (who said it)').fill('senior administration officials, in a briefing')
  await dialog.getByLabel('Reason (required)').fill('The briefing is named in the article.')

  // Meanwhile another editor disputes the same claim.
  const seen = await server.api(`/claims/${cnn}`)
  const dispute = await server.api(`/claims/${cnn}/disputes`, { method: 'POST', key: otherEditorKey, body: { reason: 'Which officials?' }, ifMatch: seen.etag })
  t.equal(dispute.status, 200)

  await dialog.getByRole('button', { name: 'Record correction' }).click()
  const problem = dialog.locator('.form-problem')
  await problem.getByText('Someone changed this claim since you opened it.').waitFor()
  t.equal(await dialog.getByLabel('Attributed to (who said it)').inputValue(), 'senior administration officials, in a briefing', 'typed input is kept')
  t.equal(await dialog.getByLabel('Reason (required)').inputValue(), 'The briefing is named in the article.')
  await screenshot(page, 'stale-revision')

  await problem.getByRole('button', { name: 'Refresh and retry' }).click()
  await problem.getByText('Refreshed. Li Wei (editor) changed it since you opened the form:').waitFor()
  t.same(await problem.locator('.their-changes li').allTextContents(), ['The claim was disputed'])
  t.equal(sent.length, 1, 'nothing is sent again before the editor has seen the change')
  t.equal(await dialog.getByLabel('Attributed to (who said it)').inputValue(), 'senior administration officials, in a briefing', 'typed input is still kept')
  await screenshot(page, 'stale-revision-refreshed')
  await problem.getByRole('button', { name: 'Send my change' }).click()
  await card(cnn).locator('.claim-facts', { hasText: 'senior administration officials, in a briefing' }).waitFor()
  t.same(await card(cnn).locator('.badge').allTextContents(), ['Official', 'corrected', 'disputed'])
  t.equal(sent.length, 2)
  t.equal(sent[0]!.ifMatch, seen.etag, 'the first try carried the revision the editor saw')
  t.equal(sent[1]!.ifMatch, dispute.etag, 'the retry carried the refreshed revision')
  t.not(sent[0]!.idempotencyKey, sent[1]!.idempotencyKey, 'a retry against a new revision is a new request')
})

t.test('a dropped connection keeps the input, and sending again reuses the Idempotency-Key so it is recorded once', async (t) => {
  const sent = recordWrites(`/claims/${cnn}/disputes`)
  const before = (await server.api(`/claims/${cnn}`)).body.claim.disputes.length
  let dropped = false
  await page.route(`**/claims/${cnn}/disputes`, async (route) => {
    if (dropped) return route.continue()
    dropped = true
    // The request reaches the server, but the answer is lost on the way back.
    await route.fetch()
    await route.abort('connectionreset')
  })
  await card(cnn).getByRole('button', { name: 'Dispute', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Dispute this claim' })
  await dialog.getByLabel('Reason (required)').fill('CNN gives no source for the count.')
  await dialog.getByRole('button', { name: 'Record dispute' }).click()
  await dialog.getByText('The server could not be reached').waitFor()
  t.match(await dialog.locator('.form-problem').textContent(), /same request id, so it will not be recorded twice/)
  t.equal(await dialog.getByLabel('Reason (required)').inputValue(), 'CNN gives no source for the count.')

  await dialog.getByRole('button', { name: 'Record dispute' }).click()
  await page.locator('#announcer', { hasText: 'Dispute recorded' }).waitFor()
  await page.unroute(`**/claims/${cnn}/disputes`)
  t.equal(sent.length, 2)
  t.equal(sent[1]!.idempotencyKey, sent[0]!.idempotencyKey, 'the resend carries the same key')
  t.equal(sent[1]!.ifMatch, sent[0]!.ifMatch)
  t.equal((await server.api(`/claims/${cnn}`)).body.claim.disputes.length, before + 1, 'the ledger recorded the dispute once')
})

t.test('closing a form keeps the draft; reopening shows it', async (t) => {
  const apId = await claimIdOf(november, '21')
  await card(apId).getByRole('button', { name: 'Retract' }).click()
  const dialog = page.getByRole('dialog', { name: 'Retract this claim' })
  await dialog.getByLabel('Reason (required)').fill('Half-written reason')
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  t.equal(await page.evaluate(() => document.activeElement?.textContent), 'Retract', 'focus returns to the button that opened the form')
  await page.keyboard.press('Enter')
  t.equal(await dialog.getByLabel('Reason (required)').inputValue(), 'Half-written reason')
  t.equal(await dialog.getByText('Your earlier input was kept.').count(), 1)
  await dialog.getByRole('button', { name: 'Discard my input' }).click()
  await dialog.getByText('Your earlier input was kept.').waitFor({ state: 'detached' })
  t.equal(await dialog.getByLabel('Reason (required)').inputValue(), '')
  await dialog.getByRole('button', { name: 'Close' }).click()
})

t.test('a rejected key is said in the form, and a key typed there completes the write without losing input', async (t) => {
  await enterKey(page, 'not-a-valid-key-000000000')
  await openFact(november) // reads still work with a bad key in the tab
  const apId = await claimIdOf(november, '21')
  await card(apId).getByRole('button', { name: 'Retract' }).click()
  const dialog = page.getByRole('dialog', { name: 'Retract this claim' })
  await dialog.getByLabel('Reason (required)').fill('AP withdrew the figure.')
  await dialog.getByRole('button', { name: 'Retract claim' }).click()
  await dialog.locator('[data-field="apiKey"] .field-error').waitFor()
  t.equal(await dialog.locator('[data-field="apiKey"] .field-error').textContent(), 'This API key was not accepted. Enter a valid editor key.')
  t.equal(await dialog.getByLabel('Reason (required)').inputValue(), 'AP withdrew the figure.')
  await dialog.getByLabel('API key').fill(editorKey)
  await dialog.getByRole('button', { name: 'Retract claim' }).click()
  await card(apId).locator('.badge', { hasText: 'retracted' }).waitFor()
  t.match(await card(apId).locator('.claim-role').textContent(), /^Left out: /)
})

t.test('recording a claim shows each validation error next to its field, then adds the claim', async (t) => {
  const reward = demoFactIds.maduroReward
  await openFact(reward)
  await page.getByRole('button', { name: 'Record a claim' }).click()
  const dialog = page.getByRole('dialog', { name: 'Record a claim for this fact' })
  await dialog.getByRole('button', { name: 'Record claim' }).click()
  await dialog.locator('[data-field="sourceId"] .field-error').waitFor()
  const invalid = await dialog.locator('.field.invalid').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.field))
  t.same(invalid, ['sourceId', 'value', 'quote', 'attributedTo', 'validAt'], 'each field the API refused, and only those')

  await dialog.getByLabel('Source (required)').selectOption(demoSourceIds.cnnNov2024)
  await dialog.getByLabel('Figure as the source stated it').fill('up to $15 million')
  await dialog.getByLabel('Quote').fill('the State Department renewed its offer of up to $15 million')
  await dialog.getByLabel('Attributed to (who said it)').fill('U.S. State Department')
  await dialog.getByLabel('Via (one link of the chain per line)').fill('CNN\nState Department statement')
  await dialog.getByLabel('Modality').selectOption('reported')
  await dialog.getByLabel('True as of (valid time)').fill('2024-11-27')
  await dialog.getByRole('button', { name: 'Record claim' }).click()
  await page.locator('.claim-card', { hasText: 'the State Department renewed its offer of up to $15 million' }).waitFor()
  const added = page.locator('.claim-card', { hasText: 'the State Department renewed its offer of up to $15 million' })
  t.match(await added.locator('.claim-facts').textContent(), /U\.S\. State Department — via CNN → State Department statement/)
  t.match(await page.locator('#claims-heading').textContent(), /^Claims \(2\)$/)
})

t.test('pinning a claim makes the fact pinned; unpinning returns it to reconciliation', async (t) => {
  await openFact(november)
  await card(cnn).getByRole('button', { name: 'Pin as preferred' }).click()
  const dialog = page.getByRole('dialog', { name: 'Pin this claim as the preferred one' })
  await dialog.getByLabel('Reason (required)').fill('Desk decision pending the Treasury list.')
  await dialog.getByRole('button', { name: 'Pin claim' }).click()
  await page.locator('.value-panel .badge', { hasText: 'Pinned by an editor' }).waitFor()
  t.equal(await page.getByTestId('reconciled-value').textContent(), 'more than 20 persons')
  t.match(await page.locator('.pin-note').textContent(), /Desk decision pending the Treasury list\./)
  await screenshot(page, 'fact-pinned')

  await page.getByRole('button', { name: 'Unpin' }).click()
  const unpin = page.getByRole('dialog', { name: 'Remove the pin' })
  await unpin.getByLabel('Reason (required)').fill('Treasury list published.')
  await unpin.getByRole('button', { name: 'Unpin' }).click()
  await page.locator('.value-panel .badge', { hasText: /^(Confirmed|Single source)$/ }).waitFor()
  t.equal(await page.locator('.pin-note').count(), 0)
})

t.test('no script errors on the way', async (t) => {
  // The connection reset is the one the dropped-connection test provoked.
  t.same(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), [])
})
