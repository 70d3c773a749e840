import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { loadConfig } from '../../src/config.js'
import { startServer, type RunningServer } from '../../src/http/server.js'
import { openRuntime } from '../../src/runtime.js'

/**
 * Test-only: the real server (SQLite in a temp dir, demo corpus loaded,
 * port 0) and headless Chromium from Debian, driven by playwright-core.
 */
export const chromiumPath = '/usr/bin/chromium'
export const editorKey = 'web-editor-key-0123456789'
export const readerKey = 'web-reader-key-0123456789'
/** A second editor, for what "another editor" does through the API. */
export const otherEditorKey = 'web-other-editor-key-0123456789'
export const artifacts = join(import.meta.dirname, '..', 'artifacts')

export interface UiServer {
  url: string
  close(): Promise<void>
  /** A write through the API as another editor would make it (not through the page). */
  api(path: string, init?: { method?: string; body?: unknown; ifMatch?: string | null; key?: string }): Promise<{ status: number; body: any; etag: string | null }>
}

export async function startUiServer(): Promise<UiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'factledger-web-'))
  const config = loadConfig({
    FACTLEDGER_STORE: 'sqlite',
    FACTLEDGER_DB: join(dir, 'ledger.db'),
    PORT: '0',
    HOST: '127.0.0.1',
    FACTLEDGER_DEMO: 'true',
    FACTLEDGER_API_KEYS: `${editorKey}:editor:Ana Ruiz,${otherEditorKey}:editor:Li Wei,${readerKey}:reader`,
    // The page makes many reads; the default limit is for the open internet, not a test.
    FACTLEDGER_RATE_LIMIT: '100000',
  })
  const runtime = await openRuntime(config, pino({ level: 'silent' }))
  let server: RunningServer
  try {
    server = await startServer(runtime)
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    throw err
  }
  return {
    url: server.url,
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
    async api(path, init = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${init.key ?? editorKey}` }
      if (init.body !== undefined) headers['content-type'] = 'application/json'
      if (init.ifMatch) headers['if-match'] = init.ifMatch
      const res = await fetch(server.url + path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') }
    },
  }
}

/** Launch Debian's Chromium; without it the browser tests fail with this message (CI installs it). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}: install it with "apt-get install -y chromium" (.ci/run does). The web page tests need a real browser and do not skip.`)
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export interface Ui extends WatchedPage {
  browser: Browser
  server: UiServer
}

/**
 * The start of a page test: the server, Chromium and one watched page, all
 * closed when the test file ends (`teardown` is tap's t.teardown).
 */
export async function startUi(teardown: (fn: () => Promise<void>) => void, width = 1200, height = 900): Promise<Ui> {
  const browser = await launchBrowser()
  let server: UiServer
  try {
    server = await startUiServer()
  } catch (err) {
    await browser.close()
    throw err
  }
  teardown(async () => {
    await browser.close()
    await server.close()
  })
  return { browser, server, ...(await openPage(browser, width, height)) }
}

export interface WatchedPage {
  page: Page
  /** Uncaught script errors and console errors other than HTTP statuses the test provoked. */
  errors: string[]
}

/** A page that records script errors and CSP violations (they show up as console errors). */
export async function openPage(browser: Browser, width = 1200, height = 900): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width, height } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    // A 4xx the test asked for (validation, stale revision) is logged by Chromium as a failed resource; not a page fault.
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`)
  })
  return { page, errors }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true })
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
}

/** A screenshot of one part of the page (a chart, a dialog), to test/artifacts/<name>.png. */
export async function screenshotOf(part: Locator, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true })
  await part.screenshot({ path: join(artifacts, `${name}.png`) })
}

/** Set the editor key through the page's own key form. */
export async function enterKey(page: Page, key: string): Promise<void> {
  await page.getByRole('button', { name: 'Editor key' }).click()
  await page.getByLabel('API key', { exact: true }).fill(key)
  await page.getByRole('button', { name: 'Use key' }).click()
  await page.locator('#key-state', { hasText: 'Editing enabled' }).waitFor()
}

/** True when the page is wider than its viewport (a horizontal scroll bar). */
export const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * Run axe-core (WCAG 2.x A and AA rules) on the page as it is now and return
 * each violation as "rule-id: target, target". Injected with evaluate (the
 * DevTools protocol), because the page's own CSP rightly refuses inline scripts.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

/** The page's width beyond the viewport, in px (0 when nothing scrolls sideways): scrollWidth - innerWidth. */
export const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
