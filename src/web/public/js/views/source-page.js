/**
 * One source (#/sources/<id>): who published it and when, its saved copy
 * (every version, none ever overwritten) with each cited quote highlighted
 * where it stands in the text, and every claim that cites it. A source with
 * no saved copy says plainly that its quotes were accepted unchecked.
 */
import { enc, get, getAllPages, problemText } from '../api.js'
import { h, replaceChildren, uid } from '../dom.js'
import { formatDate } from '../format.js'
import { lifecycleBadge } from './badges.js'
import { quoteSpans } from './quote-spans.js'
import { actorText } from './people.js'

export async function renderSourcePage({ main, params, signal }, sourceId) {
  const [sourceR, snapshotsR, claimsR] = await Promise.all([
    get(`/sources/${enc(sourceId)}`, { signal }),
    getAllPages(`/sources/${enc(sourceId)}/snapshots?limit=20`, { signal }),
    getAllPages(`/sources/${enc(sourceId)}/claims?limit=200`, { signal }),
  ])
  if (signal.aborted) return
  if (!sourceR.ok) {
    document.title = 'Source not found — factledger'
    replaceChildren(main, backLink(), h('h1', {}, sourceR.status === 404 ? 'No such source' : 'Could not load this source'), h('p', { class: 'error' }, sourceR.status === 404 ? `The ledger has no source with the id “${sourceId}”.` : problemText(sourceR.problem)))
    return
  }
  const source = sourceR.data
  const versions = snapshotsR.ok ? snapshotsR.data.versions : []
  const claims = claimsR.ok ? claimsR.data.items : []
  document.title = `${source.title} — factledger`

  const wanted = params.has('version') ? Number(params.get('version')) : null
  const shown = versions.find((v) => v.version === wanted) ?? versions.at(-1) ?? null
  replaceChildren(
    main,
    backLink(),
    h('h1', { tabindex: '-1' }, source.title),
    sourceFacts(source),
    source.retracted ? h('p', { class: 'badges' }, lifecycleBadge('source retracted', source.retracted.reason), ` ${source.retracted.reason}`) : null,
    h('p', { class: 'editor-only' }, h('a', { class: 'button secondary', href: `#/sources/${enc(source.sourceId)}/review` }, 'Review draft claims from this source')),
    savedCopy(source, versions, shown, claims),
    citedClaims(claims, shown, versions.length > 0),
  )
}

function sourceFacts(source) {
  return h(
    'dl',
    { class: 'facts-grid' },
    h('dt', {}, 'Publisher'),
    h('dd', {}, h('span', { class: 'publisher' }, source.publisher)),
    h('dt', {}, 'Reporting by'),
    h('dd', {}, source.origin, h('span', { class: 'help' }, ' (sources with the same origin count as one independent origin)')),
    source.author ? [h('dt', {}, 'Author'), h('dd', {}, source.author)] : null,
    h('dt', {}, 'Published'),
    h('dd', {}, h('time', { datetime: source.publishedAt }, formatDate(source.publishedAt))),
    source.retrievedAt ? [h('dt', {}, 'Retrieved'), h('dd', {}, formatDate(source.retrievedAt))] : null,
    h('dt', {}, 'Reliability tier'),
    h('dd', {}, `${source.tier} (1 is the strongest)`),
    h('dt', {}, 'Original'),
    h('dd', {}, source.url ? h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, source.url) : 'no address recorded'),
    h('dt', {}, 'Registered'),
    h('dd', {}, `${formatDate(source.registered.recordedAt)} by ${actorText(source.registered)}`),
  )
}

function savedCopy(source, versions, shown, claims) {
  const headingId = uid('copy')
  if (!shown) {
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, 'Saved copy'),
      h('p', { class: 'quote-check unchecked', 'data-testid': 'no-saved-copy' }, h('strong', {}, 'No saved copy. '), claims.length ? `The ${claims.length === 1 ? 'quote' : `${claims.length} quotes`} cited from this source ${claims.length === 1 ? 'was' : 'were'} accepted unchecked: nobody has confirmed that the source printed ${claims.length === 1 ? 'it' : 'them'}.` : 'Quotes cited from this source cannot be checked.'),
    )
  }
  const { segments, found } = quoteSpans(shown.text, claims)
  const picker = versions.length > 1
    ? h('nav', { class: 'version-picker', 'aria-label': 'Versions of the saved copy' }, h('ul', {}, versions.map((v) => h('li', {}, h('a', { href: `#/sources/${enc(source.sourceId)}?version=${v.version}`, 'aria-current': v.version === shown.version ? 'page' : null }, versionLabel(v))))))
    : null
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Saved copy'),
    h('p', { class: 'help' }, `${versionLabel(shown)}. ${versions.length === 1 ? 'The only version kept.' : `${versions.length} versions kept; none is ever overwritten.`} ${found} cited ${found === 1 ? 'quote is' : 'quotes are'} highlighted. sha256 `, h('code', { class: 'hash' }, shown.sha256)),
    picker,
    h('div', { class: 'saved-copy', 'data-testid': 'saved-copy', 'data-version': String(shown.version) }, segments.map((s) => (s.claim ? h('mark', { class: 'cited', id: `quote-${s.claim.claimId}`, title: `Cited by claim ${s.claim.value.text}` }, s.text, h('a', { class: 'cite-link', href: `#/claims/${enc(s.claim.claimId)}`, 'aria-label': `claim ${s.claim.value.text}` }, ` [${s.claim.value.text}]`)) : s.text))),
  )
}

function versionLabel(v) {
  return v.version === 0 ? `As published, ${formatDate(v.publishedAt)}` : `Revision ${v.version}, ${formatDate(v.publishedAt)}`
}

function citedClaims(claims, shown, hasCopy) {
  const headingId = uid('cited')
  return h(
    'section',
    { class: 'claims', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, `Claims citing this source (${claims.length})`),
    claims.length === 0
      ? h('p', {}, 'No claim cites this source yet.')
      : h(
          'ul',
          { class: 'cited-list' },
          claims.map((c) =>
            h(
              'li',
              { 'data-claim-id': c.claimId },
              h('a', { href: `#/claims/${enc(c.claimId)}` }, h('strong', {}, c.value.text)),
              ' — “', c.citation.quote, '” ',
              h('span', { class: 'help' }, c.citation.verified ? '(checked against the saved copy)' : hasCopy ? '(not checked)' : '(not checked: no saved copy)'),
              c.retracted ? [' ', lifecycleBadge('retracted', c.retracted.reason)] : null,
              ' · ',
              h('a', { href: `#/facts/${enc(c.factId)}` }, 'its fact'),
            ),
          ),
        ),
  )
}

function backLink() {
  return h('p', { class: 'back' }, h('a', { href: '#/sources' }, '← All sources'))
}
