import t from 'tap'
import type { Page } from 'playwright-core'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import { axeViolations, editorKey, enterKey, openPage, screenshot, sidewaysOverflow, startUi } from './harness.js'

/**
 * Every page of the site, at desktop width and on a 390-px phone: axe-core
 * (WCAG 2.1 A/AA and best practice) finds nothing, and nothing scrolls
 * sideways (scrollWidth <= innerWidth). Each page is shown with an editor key
 * set, so the editor's controls are checked too.
 */
const { browser, server, page: first } = await startUi((fn) => t.teardown(fn))
await first.close()

const sept = demoFactIds.septemberRound
const claimId = (await server.api(`/facts/${sept}/claims`)).body.items[0].claimId as string
const registered = await server.api('/sources', { method: 'POST', body: { publisher: 'Page Wire', title: 'Sanctions and visas', origin: 'page-wire', tier: 2, publishedAt: '2024-11-27', snapshotText: 'The Treasury sanctioned 21 officials on Wednesday, the State Department said. It also barred 40 relatives from entering the country.' } })
if (registered.status !== 201) throw new Error(`registering the test source failed: ${JSON.stringify(registered.body)}`)
const sourceId = registered.body.id as string
// Something for the audit trail and the corrections page to list.
const seen = await server.api(`/claims/${claimId}`)
await server.api(`/claims/${claimId}/corrections`, { method: 'POST', ifMatch: seen.etag, body: { reason: 'The outlet is named in the article.', changes: { attributedTo: 'U.S. officials' } } })

/** [name, address, what shows once the page is drawn, what to do first]. */
const pages: [string, string, string, ((p: Page) => Promise<void>)?][] = [
  ['facts list', '#/', '.fact-item'],
  ['fact', `#/facts/${sept}`, '.timeline canvas'],
  ['fact as known then', `#/facts/${sept}?knownAt=2024-09-05`, '[data-testid="then-value"]'],
  ['fact versions', `#/facts/${sept}/versions`, '.version-list li'],
  ['ledger', '#/ledger', '[data-testid="verify-verdict"]'],
  ['sources', '#/sources', '.source-list li'],
  ['source', `#/sources/${sourceId}`, '[data-testid="saved-copy"]'],
  ['claim', `#/claims/${claimId}`, 'li.claim-card'],
  ['review', `#/sources/${sourceId}/review`, 'li.draft-card', (p) => p.getByRole('button', { name: 'Extract' }).click()],
  ['audit', '#/audit', '.audit-entry'],
  ['corrections', '#/corrections', '.audit-entry'],
]

for (const [width, height] of [[1200, 900], [390, 844]] as const) {
  const { page, errors } = await openPage(browser, width, height)
  await page.goto(`${server.url}/#/`)
  await enterKey(page, editorKey)
  for (const [name, hash, ready, first] of pages) {
    t.test(`${name} at ${width} px: axe-core finds nothing and nothing scrolls sideways`, async (t) => {
      await page.goto(`${server.url}/${hash}`)
      await page.locator('main h1').first().waitFor()
      if (first) await first(page)
      await page.locator(ready).first().waitFor()
      t.same(await axeViolations(page), [], 'axe-core: 0 violations')
      t.equal(await sidewaysOverflow(page), 0, 'scrollWidth <= innerWidth')
      await screenshot(page, `page-${name.replaceAll(' ', '-')}-${width}`)
    })
  }
  t.test(`no script errors at ${width} px`, async (t) => {
    t.same(errors, [])
    await page.close()
  })
}
