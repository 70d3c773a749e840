/**
 * One editor action in a modal dialog: load what the editor is acting on
 * (and its revision, for If-Match), send the write with an Idempotency-Key,
 * and handle every answer without losing a keystroke:
 *  - 400: each validation message next to its field;
 *  - 401/403: say so, offer a key field in the dialog;
 *  - 409 stale revision: explain, then "Refresh and retry" merges the new
 *    state into the form (fields the editor did not touch follow the server),
 *    lists what the other editor changed, and sends on "Send my change";
 *  - network/5xx/429: say so; sending again reuses the same Idempotency-Key,
 *    so the ledger never records it twice.
 * What was typed is kept as a draft (also in sessionStorage) until the write
 * succeeds, so closing the dialog or reloading the page loses nothing.
 */
import { problemText, request } from '../api.js'
import { announce, h, replaceChildren, uid } from '../dom.js'
import { apiKey, setKey } from './key.js'
import { clearFieldError, fieldForPath, fieldValue, renderField, sameValue, setFieldValue, showFieldError } from './form-fields.js'
import { loadDraft, removeDraft, saveDraft } from './drafts.js'
import { plainMessage } from './plain-errors.js'
import { createRequestIdentity } from './request-id.js'

/** The reason every action asks for; `help` says what it should explain. */
export const reasonField = (help) => ({ name: 'reason', label: 'Reason', path: 'reason', type: 'textarea', required: true, help })

/**
 * spec: {
 *   draftKey, title, intro?, submitLabel, fields,
 *   load(): Promise<{ ok: true, values, precondition: { ifMatch?, snapshot? } } | { ok: false, problem }>,
 *   build(values, initial, precondition): { method, path, body, ifMatch? },
 *   staleText, describeStale?(before, after): string[],
 *   done(result): Promise<string>   // the success message; refreshes the page
 * }
 */
export async function openActionDialog(spec) {
  const opener = document.activeElement
  let draft = loadDraft(spec.draftKey)
  const restored = Boolean(draft)
  if (!draft) {
    const loaded = await spec.load()
    if (!loaded.ok) {
      announce(`Could not open the form. ${problemText(loaded.problem)}`)
      return { ok: false, problem: loaded.problem }
    }
    draft = { values: loaded.values, initial: loaded.values, precondition: loaded.precondition }
  }
  const identity = createRequestIdentity(draft.identity)

  const titleId = uid('dialog-title')
  const fields = spec.fields.map((f) => renderField(f, draft.values[f.name]))
  const keyField = renderField({ name: 'apiKey', label: 'API key', help: 'Needed to edit. Kept in this tab only.' }, '')
  keyField.input.type = 'password'
  keyField.wrapper.hidden = apiKey() !== ''
  const problemBox = h('div', { class: 'form-problem', role: 'alert', tabindex: '-1', hidden: true })
  const status = h('p', { class: 'form-status', role: 'status' })
  const submit = h('button', { type: 'submit', class: 'button' }, spec.submitLabel)
  const close = h('button', { type: 'button', class: 'button secondary' }, 'Close')
  const startOver = h('button', { type: 'button', class: 'button link' }, 'Discard my input')
  const form = h(
    'form',
    { novalidate: true, class: 'action-form' },
    h('h2', { id: titleId }, spec.title),
    spec.intro ? h('p', { class: 'intro' }, spec.intro) : null,
    restored ? h('p', { class: 'note' }, 'Your earlier input was kept. ', startOver) : null,
    problemBox,
    keyField.wrapper,
    fields.map((f) => f.wrapper),
    h('div', { class: 'button-row' }, submit, close),
    status,
  )
  const dialog = h('dialog', { class: 'action-dialog', 'aria-labelledby': titleId }, form)
  document.body.appendChild(dialog)

  const values = () => Object.fromEntries(fields.map((f) => [f.field.name, fieldValue(f)]))
  const keep = () => saveDraft(spec.draftKey, { ...draft, values: values(), identity: identity.state() })
  form.addEventListener('input', keep)
  form.addEventListener('change', keep)

  function showProblem(...content) {
    replaceChildren(problemBox, ...content)
    problemBox.hidden = false
  }
  function clearProblems() {
    problemBox.hidden = true
    replaceChildren(problemBox)
    for (const f of [...fields, keyField]) clearFieldError(f)
  }

  async function send() {
    clearProblems()
    const typedKey = keyField.input.value.trim()
    if (typedKey) {
      setKey(typedKey)
      keyField.input.value = ''
    }
    const req = spec.build(values(), draft.initial, draft.precondition)
    const idempotencyKey = identity.keyFor(req)
    keep()
    submit.disabled = true
    form.setAttribute('aria-busy', 'true')
    status.textContent = 'Sending…'
    const result = await request(req.path, { method: req.method, body: req.body, ifMatch: req.ifMatch, idempotencyKey })
    submit.disabled = false
    form.removeAttribute('aria-busy')
    status.textContent = ''
    if (result.ok) {
      removeDraft(spec.draftKey)
      dialog.close()
      dialog.remove()
      const message = await spec.done(result)
      announce(message)
      return
    }
    explain(result)
  }

  function explain({ status: code, problem }) {
    if ((code === 400 || code === 422) && Array.isArray(problem.errors) && problem.errors.length) {
      const unplaced = []
      for (const e of problem.errors) {
        const f = fieldForPath(fields, e.path)
        if (f) showFieldError(f, plainMessage(e.path, e.message))
        else unplaced.push(e)
      }
      if (unplaced.length) showProblem(h('p', {}, 'Please check:'), h('ul', {}, unplaced.map((e) => h('li', {}, plainMessage(e.path, e.message)))))
      const first = fields.find((f) => f.wrapper.classList.contains('invalid'))
      ;(first ? first.input : problemBox).focus()
      return
    }
    if (code === 401) {
      keyField.wrapper.hidden = false
      showFieldError(keyField, apiKey() ? 'This API key was not accepted. Enter a valid editor key.' : 'Enter an editor API key to make changes.')
      showProblem(h('p', {}, 'Not signed in as an editor. Your input is kept; enter a key and submit again.'))
      keyField.input.focus()
      return
    }
    if (code === 409 && (problem.currentRevision !== undefined || /stale|revision/i.test(`${problem.code} ${problem.title}`))) {
      const retry = h('button', { type: 'button', class: 'button' }, 'Refresh and retry')
      retry.addEventListener('click', () => refreshAndRetry(retry).catch(ignoreAbort))
      showProblem(
        h('p', { class: 'problem-title' }, spec.staleText),
        h('p', {}, `Your input is kept. Refresh to see what changed; what you did not touch will follow the new version, what you typed stays, and your change is sent again.`),
        retry,
      )
      problemBox.focus()
      return
    }
    const hint =
      code === 0 || code >= 500
        ? 'Your input is kept. Submitting again is safe: it carries the same request id, so it will not be recorded twice.'
        : code === 429
          ? 'Too many requests just now. Wait a moment, then submit again; your input is kept.'
          : code === 403
            ? 'Your key does not allow this action. Your input is kept.'
            : 'Your input is kept.'
    showProblem(h('p', { class: 'problem-title' }, problemText(problem)), h('p', {}, hint))
    problemBox.focus()
  }

  async function refreshAndRetry(button) {
    button.disabled = true
    status.textContent = 'Refreshing…'
    const loaded = await spec.load()
    status.textContent = ''
    if (!loaded.ok) {
      button.disabled = false
      showProblem(h('p', {}, `Could not refresh. ${problemText(loaded.problem)} Your input is kept.`), button)
      return
    }
    const changes = spec.describeStale ? spec.describeStale(draft.precondition.snapshot, loaded.precondition.snapshot) : []
    const collisions = []
    for (const f of fields) {
      const mine = fieldValue(f)
      const base = draft.initial[f.field.name]
      const theirs = loaded.values[f.field.name]
      if (sameValue(mine, base)) setFieldValue(f.input, f.field, theirs)
      else if (!sameValue(theirs, base) && !sameValue(mine, theirs)) collisions.push(f)
    }
    draft = { ...draft, initial: loaded.values, precondition: loaded.precondition }
    keep()
    const changeList = h('ul', { class: 'their-changes' }, (changes.length ? changes : ['Nothing this form shows; the record changed in another way.']).map((c) => h('li', {}, c)))
    const who = loaded.precondition.changedBy ? ` ${loaded.precondition.changedBy} changed it` : ' It changed'
    if (collisions.length) {
      for (const f of collisions) showFieldError(f, `Also changed by someone else; it is now “${display(loaded.values[f.field.name])}”. Check your input.`)
      showProblem(h('p', {}, `Refreshed.${who} since you opened the form:`), changeList, h('p', {}, 'Someone changed a field you edited too. Check it, then submit again.'))
      collisions[0].input.focus()
      return
    }
    // The editor sees what the other editor did before their own change goes on top of it: it is sent on their word.
    const resend = h('button', { type: 'button', class: 'button' }, 'Send my change')
    resend.addEventListener('click', () => send().catch(ignoreAbort))
    showProblem(h('p', { class: 'problem-title' }, `Refreshed.${who} since you opened the form:`), changeList, h('p', {}, 'Your input is kept and not sent yet. Fields you did not touch now show the new version. Check, then send.'), resend)
    problemBox.focus()
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!submit.disabled) send().catch(ignoreAbort)
  })
  close.addEventListener('click', () => dialog.close())
  startOver.addEventListener('click', async () => {
    const loaded = await spec.load()
    if (!loaded.ok) {
      showProblem(h('p', {}, `Could not reload. ${problemText(loaded.problem)}`))
      return
    }
    removeDraft(spec.draftKey)
    draft = { values: loaded.values, initial: loaded.values, precondition: loaded.precondition }
    for (const f of fields) setFieldValue(f.input, f.field, loaded.values[f.field.name])
    startOver.closest('.note')?.remove()
    clearProblems()
    ;(fields[0]?.input ?? submit).focus()
  })
  dialog.addEventListener('close', () => {
    dialog.remove()
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
  })
  dialog.showModal()
  ;(fields[0]?.input ?? submit).focus()
  return { ok: true, dialog }
}

/** A write's refresh is aborted when the editor has already left the page: nothing to report then. */
function ignoreAbort(error) {
  if (error?.name !== 'AbortError') throw error
}

function display(value) {
  return Array.isArray(value) ? value.join(' → ') : String(value ?? '')
}
