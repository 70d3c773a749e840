/**
 * Why a draft could not be recorded, said where the editor will look: each
 * field error the API names goes next to its field (the citation's next to
 * the quote), the rest in the box above the form, in plain words, with what
 * to do next. The draft is always kept.
 */
import { problemText } from '../api.js'
import { h, replaceChildren } from '../dom.js'
import { fieldForPath, showFieldError } from './form-fields.js'
import { askForKey } from './key.js'
import { plainMessage } from './plain-errors.js'

export function explainProblem({ status: code, problem }, { fields, quoteField, factField, problemBox, setEditing }) {
  const errors = Array.isArray(problem.errors) ? problem.errors : []
  if (errors.length && (code === 400 || code === 422)) {
    const unplaced = []
    for (const e of errors) {
      const f = fieldForPath([...fields, quoteField], e.path)
      if (f) showFieldError(f, plainMessage(e.path, e.message))
      else unplaced.push(e)
    }
    if (unplaced.length) showProblem(problemBox, h('p', {}, 'Please check:'), h('ul', {}, unplaced.map((e) => h('li', {}, plainMessage(e.path, e.message)))))
    const first = fields.find((f) => f.wrapper.classList.contains('invalid'))
    if (first && first !== factField) setEditing(true)
    ;(first ? first.input : problemBox).focus()
    return
  }
  if (code === 401) {
    showProblem(problemBox, h('p', {}, 'Not signed in as an editor. Enter an editor key at the top of the page, then accept again; this draft is kept.'))
    askForKey()
    return
  }
  const hint =
    code === 0 || code >= 500
      ? 'Accepting again is safe: it carries the same request id, so the claim will not be recorded twice.'
      : code === 429
        ? 'Too many requests just now. Wait a moment, then accept again.'
        : code === 403
          ? 'Your key does not allow recording claims.'
          : 'The draft is kept.'
  showProblem(problemBox, h('p', { class: 'problem-title' }, problemText(problem)), h('p', {}, hint))
  problemBox.focus()
}

function showProblem(problemBox, ...content) {
  replaceChildren(problemBox, ...content)
  problemBox.hidden = false
}
