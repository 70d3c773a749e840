/**
 * Does a draft claim fit a fact? The page asks this itself, whatever the
 * extractor suggested: a wrong fact pre-selected and accepted with one click
 * files a flood death toll under a visa count. A draft fits when the unit,
 * the kind of figure and the subject all agree; only then is a suggestion
 * pre-selected, and accepting under a fact that does not fit asks first.
 * It can only hold a suggestion back, never invent one.
 */

const currency = /^[A-Z]{3}$/

/** What kind of figure a draft's value is: an amount of money, a share, or a count. */
export function draftKind(value) {
  if (value?.unit && currency.test(value.unit)) return 'amount'
  if (value?.unit === '%') return 'percent'
  return 'count'
}

const stopWords = new Set(
  ('the a an of in on at for to by and or how many much what was were is are did does do has have had that this with from as its their it be been who which ' +
    'said says more than about up total over under after before since during per us u.s running round first second last new all').split(' '),
)

/** A light stem, enough for "sanctioned" to meet "sanctions" and "allies" to meet "ally". */
function stem(w) {
  if (w.length <= 4) return w
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`
  if (/(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('ed') && w.length > 5) return w.slice(0, -2)
  if (w.endsWith('ing') && w.length > 6) return w.slice(0, -3)
  if (/[^s]s$/.test(w)) return w.slice(0, -1)
  return w
}

/** Content words of a text, lower-cased and stemmed; numbers, dates and function words left out. */
export function topicWords(text) {
  const words = String(text ?? '').toLowerCase().match(/\p{L}[\p{L}\p{N}'’]*/gu) ?? []
  return new Set(words.filter((w) => w.length > 1 && !stopWords.has(w)).map(stem))
}

/**
 * fact: { subject, unit, kind } (a FactDoc). Returns { fits, mismatches: string[] },
 * each mismatch a sentence for the editor.
 */
export function factFit(draft, fact) {
  const mismatches = []
  const unit = draft.value?.unit
  if (unit !== undefined) {
    if (unit.toLowerCase() !== String(fact.unit).toLowerCase()) mismatches.push(`the draft is in ${unit}, the fact in ${fact.unit}`)
  } else if (currency.test(fact.unit) || fact.unit === '%') {
    mismatches.push(`the draft is a plain number, the fact is in ${fact.unit}`)
  }
  const kind = draftKind(draft.value)
  if (kind !== fact.kind) mismatches.push(`the draft is ${article(kind)} ${kind}, the fact ${article(fact.kind)} ${fact.kind}`)
  const subject = topicWords(fact.subject)
  const said = topicWords(`${draft.quote} ${draft.counted ?? ''}`)
  const shared = [...subject].filter((w) => said.has(w))
  if (shared.length === 0) mismatches.push(`nothing in the quote is about the fact’s subject (“${fact.subject}”)`)
  return { fits: mismatches.length === 0, mismatches }
}

const article = (word) => (/^[aeiou]/.test(word) ? 'an' : 'a')
