/**
 * One draft claim from the extractor, as a card an editor reviews: the quote
 * with the figure marked, every field the claim will carry (locked until
 * "Edit", except the fact, which is always the editor's choice), and why the
 * extractor proposed it. "Accept" is the only thing that writes: a POST
 * /claims with the draft's exact offsets and one Idempotency-Key per intended
 * write, so a resend after a lost answer records it once. "Reject" removes
 * the card and writes nothing.
 */
import { enc, request } from '../api.js'
import { announce, h, replaceChildren, uid } from '../dom.js'
import { modalityLabels } from '../format.js'
import { clearFieldError, fieldValue, renderField } from './form-fields.js'
import { explainProblem } from './draft-problems.js'
import { factFit } from './fact-fit.js'
import { attributionHelp, confidenceBadge, highlighted, offsetsText, suggestionText, validAtHelp, why } from './draft-notes.js'
import { createRequestIdentity } from './request-id.js'

const modalityOptions = Object.entries(modalityLabels)

/**
 * draft: a DraftClaim; facts: [{ factId, question }]; source: SourceDoc;
 * textSource: 'snapshot' | 'body' (where the draft's offsets point);
 * factDoc(factId): Promise<FactDoc | null> (subject, unit, kind of a fact);
 * suggestedFit: factFit of the suggested fact, or null when there is none;
 * recorded: the claim already recorded from this very quote, or null;
 * onChange(): called after the card was recorded or rejected (to recount);
 * onReject(): remember the rejection.
 */
export function draftCard({ draft, index, facts, source, textSource, factDoc, suggestedFit, recorded: already, onChange, onReject }) {
  const headingId = uid('draft')
  const identity = createRequestIdentity()
  // Pre-selected only when the page itself finds that unit, kind and subject agree.
  const suggested = 'factId' in draft.suggestedFact && facts.some((f) => f.factId === draft.suggestedFact.factId) && suggestedFit?.fits ? draft.suggestedFact.factId : ''
  const factField = renderField(
    {
      name: 'factId',
      label: 'Fact this claim answers',
      path: 'factId',
      type: 'select',
      required: true,
      options: [['', 'Choose a fact…'], ...facts.map((f) => [f.factId, f.question])],
      help: suggestionText(draft.suggestedFact, facts, suggestedFit),
    },
    suggested,
  )
  const editable = [
    renderField({ name: 'value', label: 'Figure as the source stated it', path: 'value', required: true, help: 'With its hedge: “21”, “more than 20”, “up to $15 million”' }, draft.figure),
    renderField({ name: 'attributedTo', label: 'Attributed to (who said it)', path: 'attributedTo', required: true, help: attributionHelp(draft) }, draft.attributedTo),
    renderField({ name: 'via', label: 'Via (one link of the chain per line)', path: 'via', type: 'lines' }, draft.via),
    renderField({ name: 'modality', label: 'Modality', path: 'modality', type: 'select', options: modalityOptions, required: true }, draft.modality),
    renderField({ name: 'validAt', label: 'True as of (valid time)', path: 'validAt', type: 'date', required: true, help: validAtHelp(draft) }, draft.validAt ?? ''),
  ]
  for (const f of editable) f.input.disabled = true
  const quoteError = h('p', { class: 'field-error', id: `${headingId}-quote-error`, hidden: true })
  const quoteBox = h(
    'div',
    { class: 'field draft-quote', 'data-field': 'quote' },
    h('blockquote', { class: 'quote', 'aria-describedby': quoteError.id }, h('p', {}, '“', highlighted(draft), '”')),
    h('p', { class: 'help' }, offsetsText(draft, source, textSource)),
    quoteError,
  )
  // The quote is not editable (its offsets are what gets verified), but the API's citation errors belong next to it.
  const quoteField = { field: { name: 'quote', path: 'citation' }, wrapper: quoteBox, input: quoteBox.querySelector('blockquote') }
  const fields = [factField, ...editable]

  const problemBox = h('div', { class: 'form-problem', role: 'alert', tabindex: '-1', hidden: true })
  const confirmBox = h('div', { class: 'confirm-box', role: 'alert', tabindex: '-1', hidden: true })
  const status = h('p', { class: 'form-status', role: 'status' })
  const accept = h('button', { type: 'submit', class: 'button' }, 'Accept')
  const edit = h('button', { type: 'button', class: 'button secondary', 'aria-pressed': 'false' }, 'Edit')
  const reject = h('button', { type: 'button', class: 'button secondary' }, 'Reject')
  const form = h(
    'form',
    { novalidate: true, class: 'draft-form', 'aria-labelledby': headingId },
    problemBox,
    factField.wrapper,
    confirmBox,
    h('div', { class: 'draft-fields' }, editable.map((f) => f.wrapper)),
    h('div', { class: 'button-row' }, accept, edit, reject),
    status,
  )
  const card = h(
    'li',
    { class: 'claim-card draft-card', 'data-draft': String(index + 1), tabindex: '-1' },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h('div', { class: 'claim-head' }, h('h3', { id: headingId, class: 'claim-value' }, `Draft ${index + 1}: ${draft.figure}${draft.counted ? ` ${draft.counted}` : ''}`), h('p', { class: 'badges' }, confidenceBadge(draft.confidence))),
      quoteBox,
      form,
      why(draft),
    ),
  )

  const setEditing = (on) => {
    for (const f of editable) f.input.disabled = !on
    edit.setAttribute('aria-pressed', String(on))
    edit.textContent = on ? 'Done editing' : 'Edit'
  }
  edit.addEventListener('click', () => {
    const on = edit.getAttribute('aria-pressed') !== 'true'
    setEditing(on)
    if (on) editable[0].input.focus()
  })
  reject.addEventListener('click', () => {
    // Keep keyboard users in the list: focus moves to the next draft (or the previous one).
    const next = card.nextElementSibling ?? card.previousElementSibling
    onReject?.()
    card.remove()
    if (next instanceof HTMLElement) next.focus()
    announce(`Draft ${index + 1} (${draft.figure}) rejected. Nothing was recorded.`)
    onChange?.()
  })

  function body() {
    const v = Object.fromEntries(fields.map((f) => [f.field.name, fieldValue(f)]))
    // Offsets go with the quote when they point into the text the server will check them against:
    // the saved copy, or (for a source without one) the text pasted here, kept as given and unverified.
    // Pasted text for a source that has a saved copy may differ from it: the server then finds the quote itself.
    const withOffsets = textSource === 'snapshot' || !source.snapshotSha256
    return {
      factId: v.factId,
      sourceId: source.sourceId,
      citation: withOffsets ? { quote: draft.quote, start: draft.start, end: draft.end } : { quote: draft.quote },
      attributedTo: v.attributedTo,
      via: v.via,
      // The extractor's parsed Quantity when the figure is as drafted; the editor's phrase, parsed by the ledger, when edited.
      value: v.value === draft.figure ? draft.value : v.value,
      modality: v.modality,
      validAt: v.validAt,
    }
  }

  /** Accepting under a fact the draft does not fit asks first; the answer holds for that fact only. */
  let confirmedFor = null
  async function check() {
    problemBox.hidden = true
    confirmBox.hidden = true
    const factId = fieldValue(factField)
    if (!factId || confirmedFor === factId) return send()
    const fact = await factDoc(factId)
    const fit = fact ? factFit(draft, fact) : { fits: true, mismatches: [] }
    if (fit.fits) return send()
    const question = facts.find((f) => f.factId === factId)?.question ?? factId
    const yes = h('button', { type: 'button', class: 'button' }, 'Record under this fact anyway')
    const no = h('button', { type: 'button', class: 'button secondary' }, 'Choose another fact')
    yes.addEventListener('click', () => {
      confirmedFor = factId
      confirmBox.hidden = true
      send()
    })
    no.addEventListener('click', () => {
      confirmBox.hidden = true
      factField.input.focus()
    })
    replaceChildren(
      confirmBox,
      h('p', { class: 'problem-title' }, `Does this draft really answer “${question}”?`),
      h('ul', {}, fit.mismatches.map((m) => h('li', {}, `${m.charAt(0).toUpperCase()}${m.slice(1)}.`))),
      h('div', { class: 'button-row' }, no, yes),
    )
    confirmBox.hidden = false
    confirmBox.focus()
  }

  async function send() {
    problemBox.hidden = true
    for (const f of [...fields, quoteField]) clearFieldError(f)
    const req = { method: 'POST', path: '/claims', body: body() }
    const idempotencyKey = identity.keyFor(req)
    accept.disabled = true
    form.setAttribute('aria-busy', 'true')
    status.textContent = 'Recording…'
    const result = await request(req.path, { method: req.method, body: req.body, idempotencyKey })
    form.removeAttribute('aria-busy')
    status.textContent = ''
    accept.disabled = false
    if (result.ok) return recorded(result.data, req.body)
    explainProblem(result, { fields, quoteField, factField, problemBox, setEditing })
  }

  function recorded(data, sent) {
    setEditing(false)
    factField.input.disabled = true
    form.querySelector('.button-row').remove()
    card.classList.add('recorded')
    card.dataset.claimId = data.id
    const fact = facts.find((f) => f.factId === sent.factId)
    status.replaceChildren(
      h('strong', {}, 'Recorded'),
      ` as claim ${data.id} at ledger position ${data.position}. `,
      h('a', { href: `#/facts/${enc(sent.factId)}` }, `Open “${fact?.question ?? sent.factId}”`),
    )
    card.querySelector('.badges').appendChild(h('span', { class: 'badge status-confirmed' }, 'recorded'))
    announce(`Draft ${index + 1} recorded at ledger position ${data.position}.`)
    onChange?.()
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!accept.disabled) check()
  })
  factField.input.addEventListener('change', () => (confirmBox.hidden = true))
  if (already) showAlreadyRecorded(already)
  return card

  function showAlreadyRecorded(claim) {
    for (const f of fields) f.input.disabled = true
    form.querySelector('.button-row').remove()
    card.classList.add('recorded', 'already')
    card.dataset.claimId = claim.claimId
    const fact = facts.find((f) => f.factId === claim.factId)
    status.replaceChildren(
      h('strong', {}, 'Already recorded'),
      ' from this quote as ',
      h('a', { href: `#/claims/${enc(claim.claimId)}` }, `claim ${claim.value.text}`),
      ' under ',
      h('a', { href: `#/facts/${enc(claim.factId)}` }, fact?.question ?? claim.factId),
      claim.retracted ? ' (since retracted)' : '',
      '. Nothing to accept.',
    )
    card.querySelector('.badges').appendChild(h('span', { class: 'badge status-pinned' }, 'already recorded'))
  }
}
