import t from 'tap'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import { screenshot, startUi } from './harness.js'

/** The ledger page (verification, live feed), escaping of server text, keyboard use, unknown facts. */
const { server, page, errors } = await startUi((fn) => t.teardown(fn))

t.test('the ledger page shows the tree head, a verified hash chain, and new events live', async (t) => {
  const head = (await server.api('/ledger/head')).body
  await page.goto(`${server.url}/#/ledger`)
  await page.getByTestId('verify-verdict').waitFor()
  t.equal(await page.getByTestId('head-size').textContent(), String(head.size))
  t.match(await page.getByTestId('verify-verdict').textContent(), new RegExp(`^Verified\\. Every hash chain is intact: ${head.size} events`))
  t.match(await page.locator('.feed-item').first().textContent(), new RegExp(`^#${head.position} `), 'the most recent events are listed at once, newest first')
  await page.locator('.feed-state', { hasText: 'Live.' }).waitFor()

  const written = await server.api('/facts', {
    method: 'POST',
    body: { factId: 'web-live-feed-check', question: 'How many events did the live feed show?', subject: 'live feed', unit: 'events', kind: 'count' },
  })
  t.equal(written.status, 201)
  const item = page.locator('.feed-item', { hasText: 'FactDefined on fact-web-live-feed-check' })
  await item.waitFor()
  t.match(await item.textContent(), new RegExp(`^#${written.body.position} FactDefined on fact-web-live-feed-check`))
  t.equal(await page.locator('.feed-item').first().textContent(), await item.textContent(), 'newest first')
  t.equal(await page.getByText('1 event recorded since this check.').count(), 1)
  await page.getByRole('button', { name: 'Verify again' }).click()
  await page.getByTestId('head-size').filter({ hasText: String(head.size + 1) }).waitFor()
  t.equal(await page.getByText('recorded since this check').isVisible(), false)
  t.equal(await item.getByRole('link', { name: 'Open fact web-live-feed-check' }).getAttribute('href'), '#/facts/web-live-feed-check')
  await screenshot(page, 'ledger')
})

t.test('the ledger page says so when projections are stuck, naming the event and the error', async (t) => {
  // The server's /ready answer for a runner stuck on one event (its shape is tested in test/http/robustness/ready-reports-stuck.test.ts).
  const stuck = {
    status: 'not-ready',
    store: 'sqlite',
    headPosition: '90',
    projectedPosition: '84',
    lag: '6',
    projection: {
      state: 'retrying',
      projectedPosition: '84',
      failure: { event: { id: '01a2-poison', position: '85', type: 'ClaimCorrected' }, error: 'database or disk is full', attempts: 7, since: '2026-12-04T10:00:00.000Z', retryInMs: 6400 },
    },
    reason: 'projections are stuck at event 01a2-poison',
  }
  await page.route('**/ready', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify(stuck) }))
  t.teardown(() => page.unroute('**/ready'))
  await page.goto(`${server.url}/#/ledger`)
  await page.reload()
  const banner = page.locator('.projection-health')
  await banner.getByText('Projections are stuck').waitFor()
  t.match(await banner.textContent(), /stop at position 84: event 01a2-poison \(position 85, ClaimCorrected\) fails to project \(database or disk is full\)\. 7 attempts/)
  await page.unroute('**/ready')
  // The stubbed 503 is Chromium's "failed to load resource" console error, provoked here: not a page fault.
  for (let i = errors.length - 1; i >= 0; i--) if (/status of 503/.test(errors[i]!)) errors.splice(i, 1)
  await page.reload()
  await page.getByTestId('verify-verdict').waitFor()
  t.equal(await banner.isVisible(), false, 'a healthy server shows no banner')
})

t.test('a fact page offers the latest version when someone else changes the fact', async (t) => {
  await page.goto(`${server.url}/#/facts/${demoFactIds.familyVisaRestrictions}`)
  await page.getByTestId('reconciled-value').waitFor()
  t.equal(await page.locator('.banner').isVisible(), false)
  const history = (await server.api(`/facts/${demoFactIds.familyVisaRestrictions}/history`)).body
  const claim = history.claims[0]
  const seen = await server.api(`/claims/${claim.claimId}`)
  await server.api(`/claims/${claim.claimId}/disputes`, { method: 'POST', body: { reason: 'Two unnamed people only.' }, ifMatch: seen.etag })
  await page.locator('.banner', { hasText: 'This fact changed since you opened the page.' }).waitFor()
  await page.getByRole('button', { name: 'Show the latest' }).click()
  await page.locator('.claim-card .badge', { hasText: 'disputed' }).waitFor()
  t.equal(await page.locator('.banner').isVisible(), false)
})

t.test('text from the server is shown as text, never run as markup', async (t) => {
  const source = await server.api('/sources', {
    method: 'POST',
    body: {
      publisher: '<img src=x onerror="window.__pwned=1">Evil Times',
      title: '<script>window.__pwned=2</script>',
      url: 'https://evil.example/story',
      origin: 'evil-times',
      tier: 4,
      publishedAt: '2024-12-01',
    },
  })
  t.equal(source.status, 201)
  const scripted = await server.api('/sources', {
    method: 'POST',
    body: { publisher: 'Evil Times', title: 'x', url: 'javascript:window.__pwned=3', origin: 'evil-times', tier: 4, publishedAt: '2024-12-01' },
  })
  t.equal(scripted.status, 400, 'a javascript: URL never reaches the page: the API refuses it')
  const claim = await server.api('/claims', {
    method: 'POST',
    body: {
      factId: demoFactIds.maduroReward,
      sourceId: source.body.id,
      citation: { quote: '<b>bold</b> up to $15 million <img src=x onerror="window.__pwned=4">' },
      attributedTo: '<i onmouseover="window.__pwned=5">officials</i>',
      via: ['<a href="javascript:window.__pwned=6">link</a>'],
      value: 'up to $15 million',
      modality: 'reported',
      validAt: '2024-12-01',
    },
  })
  t.equal(claim.status, 201)
  await page.goto(`${server.url}/#/facts/${demoFactIds.maduroReward}`)
  const card = page.locator(`li.claim-card[data-claim-id="${claim.body.id}"]`)
  await card.waitFor()
  t.equal(await card.locator('.quote').textContent(), '“<b>bold</b> up to $15 million <img src=x onerror="window.__pwned=4">”')
  t.match(await card.locator('.claim-facts').textContent(), '<i onmouseover="window.__pwned=5">officials</i> — via <a href="javascript:window.__pwned=6">link</a>')
  t.match(await card.locator('.claim-facts').textContent(), '<img src=x onerror="window.__pwned=1">Evil Times')
  t.equal(await card.locator('img, script, b, i, a[href^="javascript"]').count(), 0, 'no element was made from server text')
  t.equal(await card.getByRole('link', { name: '<script>window.__pwned=2</script>' }).getAttribute('href'), `#/sources/${source.body.id}`, 'the title links to the source page')
  t.equal(await card.getByRole('link', { name: /^original/ }).getAttribute('href'), 'https://evil.example/story', 'the web address is kept as a link target')
  t.equal(await page.evaluate(() => (window as any).__pwned), undefined)
})

t.test('keyboard: the skip link comes first, and a fact opens with Enter', async (t) => {
  await page.goto(`${server.url}/`)
  await page.locator('.fact-item').first().waitFor()
  await page.keyboard.press('Tab')
  t.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content')
  await page.keyboard.press('Enter')
  t.equal(await page.evaluate(() => document.activeElement?.id), 'main')
  const first = page.locator('.fact-item a').first()
  await first.focus()
  const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle)
  t.equal(outline, 'solid', 'the focused link shows a visible outline')
  await page.keyboard.press('Enter')
  await page.getByTestId('reconciled-value').waitFor()
  t.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1')
})

t.test('the page states its language, landmarks and labels', async (t) => {
  t.equal(await page.getAttribute('html', 'lang'), 'en')
  t.equal(await page.locator('header').count(), 1)
  t.equal(await page.locator('nav[aria-label="Main"]').count(), 1)
  t.equal(await page.locator('main').count(), 1)
  const unlabelled = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select, textarea')).filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label')).map((el) => el.id || el.outerHTML),
  )
  t.same(unlabelled, [], 'every input has a label')
})

t.test('an unknown fact says so', async (t) => {
  await page.goto(`${server.url}/#/facts/no-such-fact`)
  await page.locator('h1', { hasText: 'No such fact' }).waitFor()
  t.equal(await page.locator('main .error').textContent(), 'The ledger has no fact with the id “no-such-fact”.')
})

t.test('no script errors on the way', async (t) => {
  t.same(errors, [])
})
