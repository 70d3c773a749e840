import t from 'tap'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import { editorKey, enterKey, screenshot, startUi } from './harness.js'

/**
 * Reviewing the extractor's draft claims on the page: drafts are shown for
 * checking, edited, accepted one by one (a POST /claims with the draft's
 * offsets, verified against the source's saved copy) or rejected (no write).
 */
const { server, page, errors } = await startUi((fn) => t.teardown(fn), 1200, 1000)

const article = [
  'The Treasury Department sanctioned 21 officials on Wednesday, the State Department said in a statement.',
  'The administration plans to restrict visas for nearly 40 family members of officials, according to documents seen by Bloomberg.',
  'Security forces have arrested more than 2,000 people since the election, according to the Foro Penal rights group.',
].join(' ')
const registered = await server.api('/sources', {
  method: 'POST',
  body: { publisher: 'Review Wire', title: 'US widens Venezuela sanctions', origin: 'review-wire', tier: 2, publishedAt: '2024-11-27', snapshotText: article },
})
if (registered.status !== 201) throw new Error(`registering the test source failed: ${JSON.stringify(registered.body)}`)
const sourceId = registered.body.id as string
const head = async () => (await server.api('/ledger/head')).body.position as string
const card = (n: number) => page.locator(`li.draft-card[data-draft="${n}"]`)
const claimWrites: { idempotencyKey: string | undefined; body: any }[] = []
page.on('request', (r) => {
  if (r.method() === 'POST' && new URL(r.url()).pathname === '/claims') claimWrites.push({ idempotencyKey: r.headers()['idempotency-key'], body: r.postDataJSON() })
})

await page.goto(`${server.url}/#/sources`)
await enterKey(page, editorKey)
await page.locator(`li[data-source-id="${sourceId}"]`).getByRole('link', { name: /Review draft claims/ }).click()
await page.getByRole('heading', { name: 'Review draft claims', level: 1 }).waitFor()

t.test('extracting from the saved copy shows each draft with its figure marked, modality and attribution, and records nothing', async (t) => {
  const before = await head()
  await page.getByRole('button', { name: 'Extract' }).click()
  await page.getByRole('heading', { name: 'Drafts' }).waitFor()
  t.equal(await page.locator('li.draft-card').count(), 3)
  t.same(await page.locator('li.draft-card mark.figure').allTextContents(), ['21', 'nearly 40', 'more than 2,000'], 'the figure is marked inside each quote')
  t.equal(await card(1).locator('blockquote').textContent(), `“${article.split(' The administration')[0]}”`)
  t.equal(await card(1).getByLabel('Modality').inputValue(), 'official')
  t.equal(await card(1).getByLabel('Attributed to (who said it)').inputValue(), 'State Department')
  t.equal(await card(1).getByLabel('True as of (valid time)').inputValue(), '2024-11-27')
  const suggested = (await server.api(`/sources/${sourceId}/extract`, { method: 'POST', body: {} })).body.drafts[0].suggestedFact
  t.ok(suggested.factId, 'the extractor suggests an existing fact for the first draft')
  t.equal(await card(1).getByLabel('Fact this claim answers').inputValue(), suggested.factId, 'the suggested fact is preselected')
  t.equal(await card(2).getByLabel('Modality').inputValue(), 'planned')
  t.equal(await card(2).getByLabel('Via (one link of the chain per line)').inputValue(), 'documents seen by Bloomberg')
  t.equal(await card(1).getByLabel('Modality').isDisabled(), true, 'fields are locked until Edit')
  t.match(await page.locator('.result-line').textContent(), '3 of 3 drafts left on this page, 0 recorded.')
  t.equal(await head(), before, 'extracting wrote nothing')
  await screenshot(page, 'review-drafts')
})

t.test('the API refusing a draft shows each error next to its field, and nothing is recorded', async (t) => {
  const before = await head()
  await card(2).getByLabel('Fact this claim answers').selectOption('')
  await card(2).getByRole('button', { name: 'Edit' }).click()
  await card(2).getByLabel('True as of (valid time)').fill('')
  await card(2).getByRole('button', { name: 'Accept' }).click()
  await card(2).locator('[data-field="factId"] .field-error').waitFor()
  t.same(await card(2).locator('.field.invalid').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.field)), ['factId', 'validAt'])
  t.not(await card(2).locator('[data-field="validAt"] .field-error').textContent(), '')
  t.equal(await card(2).getByLabel('Fact this claim answers').getAttribute('aria-invalid'), 'true')
  t.equal(await card(2).evaluate((el) => el.classList.contains('recorded')), false)
  t.equal(await head(), before, 'a refused draft writes nothing')
  await screenshot(page, 'review-field-errors')
})

t.test('an edited draft is recorded on Accept with its offsets verified against the saved copy', async (t) => {
  const sent = claimWrites.length
  await card(1).getByLabel('Fact this claim answers').selectOption(demoFactIds.novemberRound)
  await card(1).getByRole('button', { name: 'Edit' }).click()
  await card(1).getByLabel('Modality').selectOption('reported')
  await card(1).getByRole('button', { name: 'Accept' }).click()
  await card(1).getByText('Recorded', { exact: true }).waitFor()
  const claimId = await card(1).getAttribute('data-claim-id')
  t.ok(claimId, 'the card names the recorded claim')
  const stored = await server.api(`/claims/${claimId}`)
  t.equal(stored.status, 200)
  const { claim } = stored.body
  const quote = article.split(' The administration')[0]!
  t.same(claim.citation, { quote, start: 0, end: quote.length, verified: true, snapshotVersion: 0 })
  t.equal(claim.modality, 'reported', 'the edit was recorded')
  t.equal(claim.factId, demoFactIds.novemberRound)
  t.equal(claim.sourceId, sourceId)
  t.equal(claim.attributedTo, 'State Department')
  t.equal(claim.value.text, '21')
  t.equal(claimWrites.length, sent + 1, 'one write')
  t.match(claimWrites.at(-1)!.idempotencyKey, /^[0-9a-f-]{36}$/, 'with an Idempotency-Key')
  t.not(claimWrites.at(-1)!.idempotencyKey, claimWrites[0]!.idempotencyKey, 'a different draft is a different write')
  t.equal(await card(1).getByRole('button', { name: 'Accept' }).count(), 0, 'a recorded draft cannot be accepted twice')
  t.match(await page.locator('.result-line').textContent(), '3 of 3 drafts left on this page, 1 recorded.')
  await screenshot(page, 'review-accepted')
})

t.test('rejecting a draft removes it and writes nothing', async (t) => {
  const before = await head()
  const sent = claimWrites.length
  await card(3).getByRole('button', { name: 'Reject' }).click()
  await card(3).waitFor({ state: 'detached' })
  t.equal(await page.locator('li.draft-card').count(), 2)
  t.equal(claimWrites.length, sent, 'no request')
  t.equal(await head(), before, 'the ledger head did not move')
  const quotes = (await server.api(`/facts/${demoFactIds.postElectionDetentions}/history`)).body.claims.map((c: any) => c.citation.quote)
  t.notOk(quotes.some((q: string) => q.includes('more than 2,000 people')), 'no claim carries the rejected quote')
  t.match(await page.locator('.result-line').textContent(), '2 of 3 drafts left on this page, 1 recorded, 1 rejected.')
})

t.test('pasted text that is empty of figures says so; a source without text asks for it', async (t) => {
  await page.getByLabel('Article text (optional)').fill('Nothing here is counted at all.')
  await page.getByRole('button', { name: 'Extract' }).click()
  await page.getByText('No figures to propose in this text.').waitFor()
  t.equal(await page.locator('li.draft-card').count(), 0)

  const bare = await server.api('/sources', { method: 'POST', body: { publisher: 'No Copy', title: 'A bare source', origin: 'no-copy', tier: 3, publishedAt: '2024-11-27' } })
  await page.goto(`${server.url}/#/sources/${bare.body.id}/review`)
  await page.getByRole('button', { name: 'Extract' }).click()
  await page.locator('[data-field="text"] .field-error', { hasText: 'Paste the article text' }).waitFor()
  t.equal(await page.getByLabel('Article text (required)').getAttribute('aria-invalid'), 'true')
})

t.test('no script errors on the review page', async (t) => {
  t.same(errors, [])
})
