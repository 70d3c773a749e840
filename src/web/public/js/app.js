/**
 * The page's router: hash routes, so the server serves one HTML file and the
 * API keeps its own paths (/facts/:id is JSON, #/facts/:id is this page).
 *   #/                      facts list (?q=&status=)
 *   #/facts/<id>            fact page (?knownAt=&asOf=)
 *   #/facts/<id>/versions   every version of a fact, two compared side by side (?from=&to=)
 *   #/ledger                ledger: live feed and verification
 *   #/audit                 audit trail (?actor=&factId=&kind=&from=&to=)
 *   #/corrections           public corrections page
 *   #/claims/<id>           one claim (a permalink)
 *   #/sources               sources list
 *   #/sources/<id>          one source: its saved copy with the cited quotes (?version=)
 *   #/sources/<id>/review   extract draft claims from a source and review them (editors)
 */
import { h, replaceChildren } from './dom.js'
import { setUpKeyForm } from './editor/key.js'
import { renderAuditPage } from './views/audit-page.js'
import { renderClaimPage } from './views/claim-page.js'
import { renderCorrectionsPage } from './views/corrections-page.js'
import { renderFactPage } from './views/fact-page.js'
import { refreshIntegrityBanner } from './views/integrity-banner.js'
import { renderFactsList } from './views/facts-list.js'
import { renderLedgerPage } from './views/ledger-page.js'
import { renderReviewPage } from './views/review-page.js'
import { renderSourcePage } from './views/source-page.js'
import { renderSourcesPage } from './views/sources-page.js'
import { renderVersionsPage } from './views/versions-page.js'

const main = document.getElementById('main')
/** Each render gets a fresh AbortController; leaving a page aborts its fetches and closes its streams. */
let current = null

export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#/, '') || '/'
  const [path, query = ''] = raw.split('?')
  return { path, params: new URLSearchParams(query) }
}

function route({ initial = false } = {}) {
  const { path, params } = parseHash()
  refreshIntegrityBanner()
  current?.abort()
  const controller = new AbortController()
  current = controller
  const ctx = { main, params, signal: controller.signal }
  const fact = /^\/facts\/([^/]+)$/.exec(path)
  const versions = /^\/facts\/([^/]+)\/versions$/.exec(path)
  const review = /^\/sources\/([^/]+)\/review$/.exec(path)
  const source = /^\/sources\/([^/]+)$/.exec(path)
  const claim = /^\/claims\/([^/]+)$/.exec(path)
  let page
  if (path === '/' || path === '/facts') page = { nav: 'facts', render: () => renderFactsList(ctx) }
  else if (fact) page = { nav: 'facts', render: () => renderFactPage(ctx, decodeURIComponent(fact[1])) }
  else if (versions) page = { nav: 'facts', render: () => renderVersionsPage(ctx, decodeURIComponent(versions[1])) }
  else if (path === '/audit') page = { nav: 'audit', render: () => renderAuditPage(ctx) }
  else if (path === '/corrections') page = { nav: 'corrections', render: () => renderCorrectionsPage(ctx) }
  else if (path === '/ledger') page = { nav: 'ledger', render: () => renderLedgerPage(ctx) }
  else if (path === '/sources') page = { nav: 'sources', render: () => renderSourcesPage(ctx) }
  else if (source) page = { nav: 'sources', render: () => renderSourcePage(ctx, decodeURIComponent(source[1])) }
  else if (claim) page = { nav: 'facts', render: () => renderClaimPage(ctx, decodeURIComponent(claim[1])) }
  else if (review) page = { nav: 'sources', render: () => renderReviewPage(ctx, decodeURIComponent(review[1])) }
  else page = { nav: '', render: () => notFound(path) }
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === page.nav) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
  new Promise((resolve) => resolve(page.render()))
    .then(() => {
      // After navigation, put focus on the new page's heading so keyboard and screen-reader users land on it.
      if (!initial && !controller.signal.aborted) focusHeading()
    })
    .catch((error) => {
      if (error?.name === 'AbortError' || controller.signal.aborted) return
      console.error(error)
      replaceChildren(main, h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, String(error?.message ?? error)))
    })
}

function notFound(path) {
  document.title = 'Not found — factledger'
  replaceChildren(main, h('h1', {}, 'Page not found'), h('p', {}, `Nothing lives at ${path}. `, h('a', { href: '#/' }, 'Go to the facts list')))
}

function focusHeading() {
  const heading = main.querySelector('h1')
  if (!heading) return
  heading.setAttribute('tabindex', '-1')
  heading.focus({ preventScroll: true })
  window.scrollTo(0, 0)
}

setUpKeyForm()
// "#main" would be taken for a route: move focus without touching the address.
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault()
  main.focus()
})
window.addEventListener('hashchange', () => route())
route({ initial: true })
