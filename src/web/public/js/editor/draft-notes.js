/**
 * What a draft card says about a draft, beside its fields: where the quote
 * is, where the date and attribution were read from, why the extractor
 * proposed it, how sure it is of the figure, and whether its suggested fact
 * fits.
 */
import { h } from '../dom.js'
import { formatDate } from '../format.js'

/** The quote as text nodes with the figure in a <mark>, when the figure lies inside it. */
export function highlighted(draft) {
  const from = draft.figureStart - draft.start
  const to = draft.figureEnd - draft.start
  if (from < 0 || to > draft.quote.length || from >= to) return draft.quote
  return [draft.quote.slice(0, from), h('mark', { class: 'figure' }, draft.quote.slice(from, to)), draft.quote.slice(to)]
}

export function offsetsText(draft, source, textSource) {
  const where = `Characters ${draft.start}–${draft.end}`
  if (textSource === 'snapshot') return `${where} of the saved copy; the ledger checks the quote there when you accept.`
  if (source.snapshotSha256) return 'From the pasted text; the ledger looks for this quote in the saved copy when you accept.'
  return `${where} of the pasted text. This source has no saved copy, so the quote is recorded unchecked.`
}

export function suggestionText(suggestion, facts, fit) {
  if ('factId' in suggestion) {
    const fact = facts.find((f) => f.factId === suggestion.factId)
    if (!fact) return 'The suggested fact is not in the list; choose one.'
    const score = `word similarity ${Math.round(suggestion.score * 100)}%`
    const reason = suggestion.reason ? ` Why: ${suggestion.reason}.` : ''
    if (fit?.fits) return `Suggested by the extractor (${score}); unit, kind and subject agree. Check it.${reason}`
    const why = fit ? fit.mismatches.join('; ') : 'its subject, unit and kind could not be read'
    return `Not pre-selected: the extractor suggested “${fact.question}” (${score}), but ${why}. Choose the fact yourself, or define a new one.`
  }
  const best = suggestion.bestScore === undefined ? '' : ` (best similarity ${Math.round(suggestion.bestScore * 100)}%)`
  const reason = suggestion.reason ? ` Why: ${suggestion.reason}.` : ''
  return `No existing fact fits well${best}.${reason} Choose one if it does; if none does, define the fact first and then accept this draft.`
}

export function validAtHelp(draft) {
  if (draft.validAt === null) return 'Nothing in the text dates this figure: give the date it was true.'
  if (draft.validAtText) return `Read from “${draft.validAtText.replace(/[,.;]$/, '')}” (${draft.validAtPrecision}).`
  if (draft.validAtPrecision === 'publication') return `No date near the figure: this is the publication date (${formatDate(draft.validAt)}).`
  return `Precision: ${draft.validAtPrecision}.`
}

/**
 * The extractor's confidence is about reading the figure (number, hedge,
 * date), not about who said it or which fact it answers: the badge says so
 * and is never green, the colour this page keeps for confirmed facts.
 */
export function confidenceBadge(confidence) {
  const pct = Math.round(confidence * 100)
  const level = confidence >= 0.85 ? 'high' : confidence >= 0.6 ? 'medium' : 'low'
  return h('span', { class: `badge confidence-${level}`, title: 'How sure the extractor is that it read the figure, its hedge and its date right. It does not vouch for the attribution or the fact.' }, `figure read: ${level} confidence (${pct}%)`)
}

const attributionNotes = {
  citing: 'Read from “citing …” in the sentence.',
  'according-to': 'Read from “according to …” in the sentence.',
  speaker: 'Read from the speaker of the sentence (“… said”).',
  subject: 'Guessed from the grammatical subject of the sentence, which is not always who said it: check it.',
  carried: 'Carried over from the sentence before: check it.',
  publisher: 'Nobody is named: the outlet itself is credited. Check it.',
}

export function attributionHelp(draft) {
  return attributionNotes[draft.attribution] ?? 'Check who said it.'
}

export function why(draft) {
  return h(
    'details',
    { class: 'claim-history draft-why' },
    h('summary', {}, 'Why this draft'),
    h(
      'ul',
      {},
      draft.counted ? h('li', {}, `Counts: ${draft.counted}`) : null,
      draft.reasons.map((r) => h('li', {}, r)),
      draft.alsoAt.length ? h('li', {}, `The same figure appears ${draft.alsoAt.length} more time(s) in the text.`) : null,
    ),
  )
}
