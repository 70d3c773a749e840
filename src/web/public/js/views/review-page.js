/**
 * Review drafts (#/sources/<id>/review): an editor runs the extractor on a
 * source's saved copy (or on pasted article text) and goes through the draft
 * claims one by one. The extractor only proposes: nothing reaches the ledger
 * until the editor presses Accept on a draft.
 */
import { enc, get, getAll, problemText, request } from '../api.js'
import { announce, h, replaceChildren, uid } from '../dom.js'
import { draftCard } from '../editor/draft-review.js'
import { apiKey, askForKey } from '../editor/key.js'
import { factFit } from '../editor/fact-fit.js'
import { draftKey, forgetRejection, rejectedDrafts, rememberRejection } from '../editor/rejections.js'
import { formatDate } from '../format.js'

export async function renderReviewPage({ main, signal }, sourceId) {
  const [sourceR, facts] = await Promise.all([get(`/sources/${enc(sourceId)}`, { signal }), allFacts(signal)])
  if (!sourceR.ok) {
    document.title = 'Source not found — factledger'
    replaceChildren(main, backLink(), h('h1', {}, sourceR.status === 404 ? 'No such source' : 'Could not load this source'), h('p', { class: 'error' }, sourceR.status === 404 ? `The ledger has no source with the id “${sourceId}”.` : problemText(sourceR.problem)))
    return
  }
  const source = sourceR.data
  const factDocs = new Map()
  /** A fact's definition (subject, unit, kind), fetched once per page. */
  const factDoc = (factId) => {
    if (!factDocs.has(factId)) factDocs.set(factId, get(`/facts/${enc(factId)}/history`, { signal }).then((r) => (r.ok ? r.data.fact : null)))
    return factDocs.get(factId)
  }
  const hasCopy = Boolean(source.snapshotSha256)
  document.title = `Review drafts: ${source.title} — factledger`

  const textId = uid('article-text')
  const textHelp = `${textId}-help`
  const textError = h('p', { class: 'field-error', id: `${textId}-error`, hidden: true })
  const text = h('textarea', { id: textId, name: 'text', rows: 8, 'aria-describedby': `${textHelp} ${textError.id}` })
  const textField = h(
    'div',
    { class: 'field', 'data-field': 'text' },
    h('label', { for: textId }, hasCopy ? 'Article text (optional)' : 'Article text', hasCopy ? null : h('span', { class: 'required' }, ' (required)')),
    text,
    h('p', { class: 'help', id: textHelp }, hasCopy ? 'Leave empty to use the saved copy of this source: the quotes are then checked against it when you accept a draft.' : 'This source has no saved copy: paste the article. Quotes from pasted text are recorded unchecked.'),
    textError,
  )
  const extract = h('button', { type: 'submit', class: 'button' }, 'Extract')
  const problemBox = h('div', { class: 'form-problem', role: 'alert', tabindex: '-1', hidden: true })
  const status = h('p', { class: 'form-status', role: 'status' })
  const results = h('section', { class: 'review-results', 'aria-labelledby': 'drafts-heading', hidden: true })
  const form = h('form', { novalidate: true, class: 'panel extract-form' }, problemBox, textField, h('div', { class: 'button-row' }, extract), status)

  replaceChildren(
    main,
    backLink(),
    h('h1', {}, 'Review draft claims'),
    h('p', { class: 'lede' }, sourceLine(source)),
    h('p', {}, 'The extractor proposes claims; it records nothing. Check each draft, edit what it got wrong, and accept it to record the claim, or reject it.'),
    apiKey() ? null : h('p', { class: 'note' }, 'Extracting and recording need an editor key (the “Editor key” button at the top).'),
    facts.length ? null : h('p', { class: 'error' }, 'The ledger has no facts yet: define a fact before accepting drafts.'),
    form,
    results,
  )

  const showProblem = (...content) => {
    replaceChildren(problemBox, ...content)
    problemBox.hidden = false
  }

  async function run() {
    problemBox.hidden = true
    textError.hidden = true
    textField.classList.remove('invalid')
    text.removeAttribute('aria-invalid')
    const pasted = text.value
    if (!pasted.trim() && !hasCopy) return fieldError('Paste the article text to extract from.')
    extract.disabled = true
    form.setAttribute('aria-busy', 'true')
    status.textContent = 'Extracting…'
    // Extraction writes nothing, so it needs no Idempotency-Key.
    const result = await request(`/sources/${enc(sourceId)}/extract`, { method: 'POST', body: pasted.trim() ? { text: pasted } : {}, signal })
    extract.disabled = false
    form.removeAttribute('aria-busy')
    status.textContent = ''
    if (result.ok) return show(result.data).catch(ignoreAbort)
    const { status: code, problem } = result
    if (code === 401) {
      showProblem(h('p', {}, 'Not signed in as an editor. Enter an editor key at the top of the page, then extract again.'))
      askForKey()
      return
    }
    const onText = Array.isArray(problem.errors) ? problem.errors.find((e) => String(e.path).replace(/^body[./]/, '') === 'text') : null
    if (onText) return fieldError(onText.message)
    showProblem(h('p', { class: 'problem-title' }, problemText(problem)))
    problemBox.focus()
  }

  function fieldError(message) {
    textError.textContent = message
    textError.hidden = false
    textField.classList.add('invalid')
    text.setAttribute('aria-invalid', 'true')
    text.focus()
  }

  async function show({ drafts, skipped, textSource }) {
    const count = h('p', { class: 'result-line', 'aria-live': 'polite' })
    const list = h('ol', { class: 'claim-list draft-list' })
    const rejectedList = h('ul', { class: 'rejected-list' })
    const rejectedBox = h('details', { class: 'claim-history rejected-drafts' }, h('summary', {}), rejectedList)
    const recount = () => {
      const left = list.querySelectorAll('.draft-card').length
      const done = list.querySelectorAll('.draft-card.recorded').length
      const rejectedCount = rejectedList.children.length
      count.textContent = drafts.length === 0 ? 'No figures to propose in this text.' : `${left} of ${drafts.length} drafts left on this page, ${done} recorded${rejectedCount ? `, ${rejectedCount} rejected` : ''}.`
      rejectedBox.querySelector('summary').textContent = `Rejected drafts (${rejectedCount})`
      rejectedBox.hidden = rejectedCount === 0
    }
    const [claimsR, fits] = await Promise.all([get(`/sources/${enc(sourceId)}/claims`, { signal }), suggestedFits(drafts, factDoc)])
    const recordedClaims = claimsR.ok ? claimsR.data.items : []
    const rejected = rejectedDrafts(sourceId)
    const cardFor = (draft, index) =>
      draftCard({
        draft, index, facts, source, textSource, factDoc,
        suggestedFit: fits.get(draft) ?? null,
        recorded: alreadyRecorded(draft, recordedClaims, textSource),
        onChange: recount,
        onReject: () => {
          rememberRejection(sourceId, draft)
          rejectedList.appendChild(rejectedItem(draft, index))
        },
      })
    const rejectedItem = (draft, index) => {
      const again = h('button', { type: 'button', class: 'button small secondary' }, 'Review again', h('span', { class: 'visually-hidden' }, ` draft ${draft.figure}`))
      const item = h('li', { 'data-draft': String(index + 1) }, h('strong', {}, draft.figure), ` — “${draft.quote}” `, again)
      again.addEventListener('click', () => {
        forgetRejection(sourceId, draft)
        item.remove()
        const card = cardFor(draft, index)
        list.appendChild(card)
        recount()
        card.focus()
      })
      return item
    }
    for (const [index, draft] of drafts.entries()) {
      if (rejected.has(draftKey(draft))) rejectedList.appendChild(rejectedItem(draft, index))
      else list.appendChild(cardFor(draft, index))
    }
    replaceChildren(
      results,
      h('h2', { id: 'drafts-heading' }, 'Drafts'),
      h('p', { class: 'help' }, textSource === 'snapshot' ? 'Read from the saved copy of the source.' : 'Read from the text you pasted.'),
      count,
      list,
      rejectedBox,
      skippedList(skipped),
    )
    recount()
    results.hidden = false
    announce(`${drafts.length} draft claim(s) to review.`)
    results.querySelector('h2').setAttribute('tabindex', '-1')
    results.querySelector('h2').focus()
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!extract.disabled) run()
  })
}

/** The fit of each draft's suggested fact (subject, unit, kind), read from the fact's definition. */
async function suggestedFits(drafts, factDoc) {
  const fits = new Map()
  await Promise.all(
    drafts.map(async (draft) => {
      if (!('factId' in draft.suggestedFact)) return
      const fact = await factDoc(draft.suggestedFact.factId)
      if (fact) fits.set(draft, factFit(draft, fact))
    }),
  )
  return fits
}

/**
 * The claim already recorded from this draft's quote, if any: same source
 * and same offsets (when the draft's offsets point into the saved copy, as the
 * claim's do), else the same quote word for word.
 */
function alreadyRecorded(draft, claims, textSource) {
  return (
    claims.find((c) =>
      textSource === 'snapshot' && c.citation.start !== undefined
        ? c.citation.start === draft.start && c.citation.end === draft.end
        : c.citation.quote === draft.quote,
    ) ?? null
  )
}

/** Every fact, for the "which fact does this answer" select (every page of the list). */
async function allFacts(signal) {
  const facts = await getAll('/facts', {}, { signal })
  return facts.map((f) => ({ factId: f.factId, question: f.question })).sort((a, b) => a.question.localeCompare(b.question))
}

function sourceLine(source) {
  return [h('span', { class: 'publisher' }, source.publisher), ' — ', source.title, ', published ', h('time', { datetime: source.publishedAt }, formatDate(source.publishedAt)), source.snapshotSha256 ? ' · saved copy kept' : ' · no saved copy']
}

function skippedList(skipped) {
  if (!skipped.length) return null
  return h(
    'details',
    { class: 'claim-history' },
    h('summary', {}, `Numbers not proposed (${skipped.length})`),
    h('ul', {}, skipped.map((s) => h('li', {}, h('strong', {}, s.figure), ` (characters ${s.start}–${s.end}): ${s.reason}`))),
  )
}

function backLink() {
  return h('p', { class: 'back' }, h('a', { href: '#/sources' }, '← All sources'))
}

function ignoreAbort(error) {
  if (error?.name !== 'AbortError') throw error
}
