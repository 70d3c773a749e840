/**
 * The ledger: is it intact (every hash chain recomputed, the Merkle tree head)
 * and what is being recorded right now (the live feed of server-sent events).
 */
import { enc, get, problemText } from '../api.js'
import { announce, h, replaceChildren } from '../dom.js'
import { formatDateTime } from '../format.js'

const feedLimit = 200

export async function renderLedgerPage({ main, signal }) {
  document.title = 'Ledger — factledger'
  const verifyBox = h('div', { class: 'verify-result', 'aria-live': 'polite' }, h('p', {}, 'Checking…'))
  const verifyButton = h('button', { type: 'button', class: 'button secondary' }, 'Verify again')
  const sinceCheck = h('p', { class: 'help', hidden: true })
  let checkedPosition = null
  let newSinceCheck = 0
  const feedState = h('p', { class: 'feed-state', role: 'status' }, 'Connecting…')
  const pause = h('button', { type: 'button', class: 'button secondary', 'aria-pressed': 'false' }, 'Pause feed')
  const feed = h('ol', { class: 'feed', 'aria-label': 'Events, newest first' })
  const projectionBox = h('div', { class: 'banner projection-health', role: 'status', hidden: true })

  replaceChildren(
    main,
    h('h1', {}, 'Ledger'),
    h('p', { class: 'lede' }, 'Every claim, correction and pin is an event appended to this ledger and never changed. Each event’s hash covers the one before it in its stream, and all events are folded into a Merkle tree whose head anyone can compare.'),
    projectionBox,
    h('section', { class: 'panel', 'aria-labelledby': 'verify-heading' }, h('h2', { id: 'verify-heading' }, 'Verification'), verifyBox, sinceCheck, verifyButton),
    h('section', { class: 'panel', 'aria-labelledby': 'feed-heading' }, h('div', { class: 'section-head' }, h('h2', { id: 'feed-heading' }, 'Live events'), pause), feedState, feed),
  )

  // A stuck projection runner is shown, never hidden: writes after its position are stored but not yet visible.
  async function showProjectionHealth() {
    const ready = await get('/ready', { signal })
    const failure = (ready.ok ? ready.data : ready.problem)?.projection?.failure
    projectionBox.hidden = !failure
    if (!failure) return replaceChildren(projectionBox)
    const event = failure.event ? `event ${failure.event.id} (position ${failure.event.position}, ${failure.event.type})` : 'a batch of events'
    const projected = (ready.ok ? ready.data : ready.problem).projectedPosition
    replaceChildren(
      projectionBox,
      h('h2', {}, 'Projections are stuck'),
      h('p', {}, `The views stop at position ${projected}: ${event} fails to project (${failure.error}). ${failure.attempts} attempts since ${formatDateTime(failure.since)}; the server keeps retrying. Writes after it are stored, not lost, and appear once it projects.`),
    )
  }
  showProjectionHealth().catch(ignoreAbort)

  async function verify() {
    verifyButton.disabled = true
    replaceChildren(verifyBox, h('p', {}, 'Recomputing every hash…'))
    const [head, result] = await Promise.all([get('/ledger/head', { signal }), get('/ledger/verify', { signal })])
    verifyButton.disabled = false
    checkedPosition = head.ok ? BigInt(head.data.position) : null
    newSinceCheck = 0
    sinceCheck.hidden = true
    replaceChildren(verifyBox, headList(head), verdict(result))
    announce(result.data?.ok === true ? 'Ledger verified.' : 'Ledger verification did not pass.')
  }
  verifyButton.addEventListener('click', () => verify().catch(ignoreAbort))

  let paused = false
  let shown = 0
  pause.addEventListener('click', () => {
    paused = !paused
    pause.setAttribute('aria-pressed', String(paused))
    pause.textContent = paused ? 'Resume feed' : 'Pause feed'
    feedState.textContent = paused ? 'Paused; new events are not shown.' : 'Live.'
  })
  // The most recent events first, then the live feed from exactly there, so nothing is missed or shown twice.
  const headR = await get('/ledger/head', { signal })
  const head = headR.ok ? BigInt(headR.data.position) : null
  const recent = head === null ? null : await get(`/events?from=${head > 20n ? head - 20n : 0n}&limit=20`, { signal })
  for (const line of recent?.ok ? recent.data.items : []) feed.prepend(eventItem(line))
  const source = new EventSource(head === null ? '/events/live' : `/events/live?from=${head}`)
  source.addEventListener('open', () => {
    if (!paused) feedState.textContent = 'Live.'
  })
  source.addEventListener('error', () => {
    feedState.textContent = source.readyState === EventSource.CLOSED ? 'The live feed stopped. Reload the page to reconnect.' : 'Connection lost; reconnecting…'
  })
  source.addEventListener('ledger-event', (message) => {
    if (paused) return
    let line
    try {
      line = JSON.parse(message.data)
    } catch {
      return
    }
    if (checkedPosition !== null && BigInt(line.position) > checkedPosition) {
      newSinceCheck += 1
      sinceCheck.textContent = `${newSinceCheck} event${newSinceCheck === 1 ? '' : 's'} recorded since this check.`
      sinceCheck.hidden = false
    }
    feed.prepend(eventItem(line))
    shown += 1
    while (feed.children.length > feedLimit) feed.lastElementChild.remove()
    feedState.textContent = `Live. ${shown} new event${shown === 1 ? '' : 's'} since you opened the page; newest first.`
  })
  signal.addEventListener('abort', () => source.close(), { once: true })

  await verify()
}

function headList(head) {
  if (!head.ok) return h('p', { class: 'error' }, `Could not read the tree head. ${problemText(head.problem)}`)
  return h(
    'dl',
    { class: 'facts-grid' },
    h('dt', {}, 'Events (tree size)'),
    h('dd', { 'data-testid': 'head-size' }, String(head.data.size)),
    h('dt', {}, 'Head position'),
    h('dd', {}, String(head.data.position)),
    h('dt', {}, 'Merkle root'),
    h('dd', {}, h('code', { class: 'hash' }, String(head.data.rootHash))),
  )
}

function verdict(result) {
  const body = result.data ?? result.problem
  if (body?.ok === true) {
    return h('p', { class: 'verdict ok', 'data-testid': 'verify-verdict' }, h('strong', {}, 'Verified.'), ` Every hash chain is intact: ${body.events} events in ${body.streams} streams.`)
  }
  const bad = body?.firstBad
  if (bad) {
    return h(
      'div',
      { class: 'verdict bad', 'data-testid': 'verify-verdict' },
      h('p', {}, h('strong', {}, 'Not verified: the ledger was altered.'), ` First bad event at position ${bad.position} (${bad.stream}, revision ${bad.revision}).`),
      h('p', {}, `Problem: ${bad.problem}. Expected ${bad.expected}, found ${bad.actual}.`),
      h('p', {}, `Event id ${bad.eventId}; ${body.checked ?? '?'} events checked.`),
    )
  }
  return h('p', { class: 'verdict unknown error', 'data-testid': 'verify-verdict' }, `Could not verify. ${problemText(result.problem)}`)
}

function eventItem(line) {
  const data = line.data ?? {}
  const factId = line.stream.startsWith('fact-') ? line.stream.slice(5) : typeof data.factId === 'string' ? data.factId : null
  return h(
    'li',
    { class: 'feed-item' },
    h('span', { class: 'position' }, `#${line.position}`),
    ' ',
    h('strong', {}, line.type),
    ` on ${line.stream}`,
    h('span', { class: 'feed-meta' }, ` — ${line.metadata.actor} (${line.metadata.role}), ${formatDateTime(line.metadata.recordedAt)}`),
    factId ? [' ', h('a', { href: `#/facts/${enc(factId)}`, 'aria-label': `Open fact ${factId}` }, 'open fact')] : null,
  )
}

function ignoreAbort(error) {
  if (error?.name !== 'AbortError') throw error
}
