/**
 * Review drafts (#/sources/<id>/review): an editor runs the extractor on a
 * source's saved copy (or on pasted article text) and goes through the draft
 * claims one by one. The extractor only proposes: nothing reaches the ledger
 * until the editor presses Accept on a draft.
 */
import { enc, get, problemText, request, withQuery } from '../api.js'
import { announce, h, replaceChildren, uid } from '../dom.js'
import { draftCard } from '../editor/draft-review.js'
import { apiKey, askForKey } from '../editor/key.js'
import { formatDate } from '../format.js'

export async function renderReviewPage({ main, signal }, sourceId) {
  const [sourceR, facts] = await Promise.all([get(`/sources/${enc(sourceId)}`, { signal }), allFacts(signal)])
  if (!sourceR.ok) {
    document.title = 'Source not found — factledger'
    replaceChildren(main, backLink(), h('h1', {}, sourceR.status === 404 ? 'No such source' : 'Could not load this source'), h('p', { class: 'error' }, sourceR.status === 404 ? `The ledger has no source with the id “${sourceId}”.` : problemText(sourceR.problem)))
    return
  }
  const source = sourceR.data
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
    if (result.ok) return show(result.data)
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

  function show({ drafts, skipped, textSource }) {
    const count = h('p', { class: 'result-line', 'aria-live': 'polite' })
    const list = h('ol', { class: 'claim-list draft-list' })
    const recount = () => {
      const left = list.querySelectorAll('.draft-card').length
      const done = list.querySelectorAll('.draft-card.recorded').length
      count.textContent = drafts.length === 0 ? 'No figures to propose in this text.' : `${left} of ${drafts.length} drafts left on this page, ${done} recorded.`
    }
    for (const [index, draft] of drafts.entries()) list.appendChild(draftCard({ draft, index, facts, source, textSource, onChange: recount }))
    replaceChildren(
      results,
      h('h2', { id: 'drafts-heading' }, 'Drafts'),
      h('p', { class: 'help' }, textSource === 'snapshot' ? 'Read from the saved copy of the source.' : 'Read from the text you pasted.'),
      count,
      list,
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

/** Every fact, for the "which fact does this answer" select (paged; the API gives at most 200 at a time). */
async function allFacts(signal) {
  const facts = []
  let cursor = null
  do {
    const r = await get(withQuery('/facts', { limit: 200, cursor }), { signal })
    if (!r.ok) break
    facts.push(...r.data.items.map((f) => ({ factId: f.factId, question: f.question })))
    cursor = r.data.next
  } while (cursor && facts.length < 5000)
  return facts.sort((a, b) => a.question.localeCompare(b.question))
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
