/**
 * The API names a field and what is wrong in a developer's words
 * ("sourceId: Invalid UUID", "citation.quote: the quote does not occur in the
 * source snapshot"). An editor reads it next to the field, so it is said
 * again in a desk's words: what to do, not which schema failed.
 */
import { normalizePath } from './form-fields.js'

const missing = /required|invalid input|expected (string|number)|too small|too_small|at least 1 character|invalid uuid|must not be empty|received undefined|>=1 characters|not be blank/i

/** [path, test on the API's message, plain sentence]; the first match wins. */
const rules = [
  ['sourceId', /does not exist|not found/i, 'That source is not in the ledger. Choose one from the list.'],
  ['sourceId', /retracted/i, 'This source was retracted: claims from it are not recorded.'],
  ['sourceId', missing, 'Choose a source.'],
  ['factId', /does not exist|not found/i, 'That fact is not in the ledger. Choose one from the list.'],
  ['factId', missing, 'Choose a fact.'],
  ['toFactId', /does not exist|not found/i, 'That fact is not in the ledger. Pick one from the suggestions.'],
  ['toFactId', /same|already/i, 'The claim is already filed under this fact. Choose another one.'],
  ['toFactId', missing, 'Choose the fact to move the claim to.'],
  ['citation.quote', /does not occur|not in the|snapshot/i, 'This quote is not in the saved copy of this source. Copy the words exactly as the source printed them.'],
  ['citation.quote', missing, 'Enter the quote: the words the source printed, exactly.'],
  ['citation.start', /snapshot/i, 'The quote is not at this place in the saved copy of this source.'],
  ['citation', /snapshot/i, 'This quote is not in the saved copy of this source.'],
  ['value', missing, 'Enter the figure as the source stated it, for example “21” or “more than 20”.'],
  ['value', /figure|phrase|number|parse|read/i, null],
  ['attributedTo', missing, 'Say who stated the figure, for example “U.S. Treasury”.'],
  ['validAt', /.*/, 'Give the date on which the figure was true, as a full date.'],
  ['publishedAt', /.*/, 'Give the date the source was published, as a full date.'],
  ['retrievedAt', /.*/, 'Give the date the source was retrieved, as a full date (or leave it empty).'],
  ['url', /.*/, 'Give the full web address, starting with https:// (or leave it empty).'],
  ['publisher', missing, 'Enter the publisher, for example “Reuters”.'],
  ['title', missing, 'Enter the headline or title of the source.'],
  ['origin', missing, 'Enter who did the reporting (the newsroom or body), for example “reuters”.'],
  ['tier', /.*/, 'Choose a reliability tier from 1 (strongest) to 4.'],
  ['question', missing, 'Write the question this fact answers, in full (at least 5 characters).'],
  ['subject', missing, 'Enter what the fact is about.'],
  ['unit', missing, 'Enter the unit, for example “persons” or “USD”.'],
  ['kind', /.*/, 'Choose what kind of figure this is.'],
  ['reason', missing, 'Give a reason: it is kept with the change for everyone to read.'],
  ['outcome', /.*/, 'Choose whether the dispute is upheld or dismissed.'],
]

/** The API's message for a field, in plain words. */
export function plainMessage(path, message) {
  const field = normalizePath(path)
  const text = String(message ?? '')
  for (const [p, test, plain] of rules) {
    if ((field === p || field.startsWith(`${p}.`)) && test.test(text)) return plain ?? withoutPath(text)
  }
  if (missing.test(text)) return 'This is required.'
  return withoutPath(text)
}

/** "citation.quote: the quote …" -> "The quote …" */
function withoutPath(text) {
  const bare = text.replace(/^[\w.[\]]+: /, '')
  return bare.charAt(0).toUpperCase() + bare.slice(1)
}
