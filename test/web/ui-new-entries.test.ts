import t from 'tap'
import { axeViolations, editorKey, enterKey, openPage, screenshot, startUi } from './harness.js'

/**
 * A desk starts from the page, not the API: an editor registers a source
 * with its pasted text as the saved copy, and defines a fact. A form sent
 * empty, or with a field the ledger refuses, says what to do next to each
 * field and records nothing.
 */
const { browser, server, page, errors } = await startUi((fn) => t.teardown(fn))
const head = async () => (await server.api('/ledger/head')).body.position as string
const fieldError = (dialog: ReturnType<typeof page.getByRole>, name: string) => dialog.locator(`[data-field="${name}"] .field-error`)
const article = 'GENEVA — The agency said 1,204 people had been displaced by Sunday.\n\nAid convoys were turned back at the border.'

t.test('an empty source form is refused field by field in plain words, and nothing is recorded', async (t) => {
  await page.goto(`${server.url}/#/sources`)
  await enterKey(page, editorKey)
  const before = await head()
  await page.getByRole('button', { name: 'Register a source' }).click()
  const dialog = page.getByRole('dialog', { name: 'Register a source' })
  await dialog.getByRole('button', { name: 'Register source' }).click()
  await fieldError(dialog, 'publisher').waitFor()
  t.equal(await fieldError(dialog, 'publisher').textContent(), 'Enter the publisher, for example “Reuters”.')
  t.equal(await fieldError(dialog, 'title').textContent(), 'Enter the headline or title of the source.')
  t.equal(await fieldError(dialog, 'publishedAt').textContent(), 'Give the date the source was published, as a full date.')
  t.equal(await fieldError(dialog, 'origin').textContent(), 'Enter who did the reporting (the newsroom or body), for example “reuters”.')
  t.equal(await fieldError(dialog, 'tier').textContent(), 'Choose a reliability tier from 1 (strongest) to 4.')
  t.equal(await fieldError(dialog, 'url').isHidden(), true, 'an optional field left empty is not an error')
  t.equal(await dialog.getByLabel('Publisher').getAttribute('aria-invalid'), 'true')
  t.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'publisher', 'focus goes to the first field to fix')
  t.same(await axeViolations(page), [], 'axe-core: no violations with the errors shown')
  await screenshot(page, 'register-source-empty')
  t.equal(await head(), before, 'nothing was recorded')
})

t.test('a bad web address is named next to its field; fixed, the source is registered and its page shows the saved copy', async (t) => {
  const dialog = page.getByRole('dialog', { name: 'Register a source' })
  await dialog.getByLabel('Publisher').fill('Border Wire')
  await dialog.getByLabel('Headline or title').fill('1,204 displaced by Sunday')
  await dialog.getByLabel('Web address').fill('borderwire.example/displaced')
  await dialog.getByLabel('Published on').fill('2025-03-02')
  await dialog.getByLabel('Reporting by (origin)').fill('border-wire')
  await dialog.getByLabel('Reliability tier').selectOption('2')
  await dialog.getByLabel('Saved copy (the article’s text)').fill(article)
  await dialog.getByRole('button', { name: 'Register source' }).click()
  await fieldError(dialog, 'url').waitFor()
  t.equal(await fieldError(dialog, 'url').textContent(), 'Give the full web address, starting with https:// (or leave it empty).')
  t.equal(await fieldError(dialog, 'publisher').isHidden(), true, 'fixed fields no longer show their error')
  t.equal(await dialog.getByLabel('Saved copy (the article’s text)').inputValue(), article, 'what was typed is kept')
  await dialog.getByLabel('Web address').fill('https://borderwire.example/displaced')
  await dialog.getByRole('button', { name: 'Register source' }).click()
  await page.getByRole('heading', { level: 1, name: '1,204 displaced by Sunday' }).waitFor()
  t.match(new URL(page.url()).hash, /^#\/sources\/[^/]+$/)
  t.equal(await page.getByTestId('saved-copy').textContent(), article, 'the pasted text is the saved copy')
  t.match(await page.locator('.facts-grid').textContent(), /Border Wire.*border-wire.*2 Mar 2025.*2 \(1 is the strongest\).*https:\/\/borderwire\.example\/displaced.*by Ana Ruiz \(editor\)/s)
  const id = decodeURIComponent(new URL(page.url()).hash.slice('#/sources/'.length))
  t.equal((await server.api(`/sources/${id}`)).body.tier, 2)
})

t.test('defining a fact: empty and too-short questions are refused in plain words, then the fact is defined and opened', async (t) => {
  await page.goto(`${server.url}/#/`)
  const before = await head()
  await page.getByRole('button', { name: 'Define a fact' }).click()
  const dialog = page.getByRole('dialog', { name: 'Define a fact' })
  await dialog.getByRole('button', { name: 'Define fact' }).click()
  await fieldError(dialog, 'question').waitFor()
  t.equal(await fieldError(dialog, 'question').textContent(), 'Write the question this fact answers, in full (at least 5 characters).')
  t.equal(await fieldError(dialog, 'subject').textContent(), 'Enter what the fact is about.')
  t.equal(await fieldError(dialog, 'unit').textContent(), 'Enter the unit, for example “persons” or “USD”.')
  t.equal(await fieldError(dialog, 'kind').isHidden(), true, 'a count is the default kind')
  await dialog.getByLabel('Question').fill('How?')
  await dialog.getByLabel('Subject').fill('people displaced')
  await dialog.getByLabel('Unit').fill('persons')
  await dialog.getByRole('button', { name: 'Define fact' }).click()
  await dialog.locator('[data-field="question"].invalid').waitFor()
  t.equal(await fieldError(dialog, 'subject').isHidden(), true)
  t.equal(await head(), before, 'nothing was recorded')
  await dialog.getByLabel('Question').fill('How many people had the border clashes displaced by 2 March 2025?')
  await dialog.getByLabel('Does the figure change over time?').selectOption('yes')
  await dialog.getByRole('button', { name: 'Define fact' }).click()
  await page.getByRole('heading', { level: 1, name: 'How many people had the border clashes displaced by 2 March 2025?' }).waitFor()
  const id = decodeURIComponent(new URL(page.url()).hash.slice('#/facts/'.length))
  const fact = (await server.api(`/facts/${id}/history`)).body.fact
  t.match(fact, { subject: 'people displaced', unit: 'persons', kind: 'count', timeVarying: true })
})

t.test('without an editor key the forms are not offered', async (t) => {
  const reader = await openPage(browser)
  await reader.page.goto(`${server.url}/#/sources`)
  await reader.page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor()
  t.equal(await reader.page.getByRole('button', { name: 'Register a source' }).isVisible(), false)
  await reader.page.close()
})

t.test('no script errors', async (t) => {
  t.same(errors, [])
})
