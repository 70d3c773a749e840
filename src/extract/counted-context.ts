import type { Figure } from './figures.js'
import type { Token } from './tokens.js'

/**
 * What a figure counts when no noun follows it and the clause names it
 * before: the object of a change ("raise tuition by 6%", "expand its
 * hardship fund to 1.5 million pounds", "estimated the street value of the
 * drugs at more than $150 million"), what a change in a share is a change
 * in ("a 22% rise in the cost of olive oil"), and what a share of
 * completion is of ("The fire, which started Tuesday, was 10% contained").
 * Each returns the noun phrase's head (with the noun before it when they
 * read as one: "street value", "base fare"), or null.
 */

const isWord = (t: Token | undefined): t is Token => t?.kind === 'word'
const determiners = /^(?:the|a|an|its|their|his|her|our|this|that|these|those)$/
const stops = /^(?:to|by|at|from|of|in|on|for|with|and|or|but|that|which|who|is|was|are|were|be|been|has|have|had|will|would|could|can|may|might|said|says)$/

/** The noun phrase ending at token `end` (inclusive), walking back to its determiner or the verb before it. */
function phraseEndingAt(tokens: Token[], end: number): Token[] {
  const words: Token[] = []
  for (let k = end; k >= 0 && words.length < 4 && isWord(tokens[k]); k--) {
    const t = tokens[k]!
    if (determiners.test(t.lower) || stops.test(t.lower)) break
    if (t.tags.has('Verb') && !t.tags.has('Noun')) break
    words.unshift(t)
  }
  return words
}

/** The head and, when the word before it is a noun too, that word: "street value", "hardship fund". */
function head(words: Token[]): string | null {
  if (words.length === 0) return null
  const last = words[words.length - 1]!
  const before = words[words.length - 2]
  const compound = before && before.tags.has('Noun') && !before.tags.has('Adjective') && !/'s$/.test(before.lower)
  return compound ? `${before.lower} ${last.lower}` : last.lower
}

/**
 * "raise tuition by 6%", "expand its hardship fund to 1.5 million
 * pounds", "estimate the damage at $40 million", "estimated the street
 * value of the drugs at more than $150 million": the object of the verb
 * before "by", "to" or "at".
 */
export function objectOfChange(tokens: Token[], figure: Figure): string | null {
  const link = tokens[figure.first - 1]
  if (!isWord(link) || !/^(?:by|to|at)$/.test(link.lower)) return null
  let words = phraseEndingAt(tokens, figure.first - 2)
  let start = figure.first - 1 - words.length
  // "and raise tuition by 6%": after "and" or "to" the first word is the verb, whatever the tagger thought
  if (words.length > 1 && /^(?:and|to)$/.test(tokens[start - 1]?.lower ?? '')) {
    words = words.slice(1)
    start++
  }
  if (words.length === 0) return null
  let before = determiners.test(tokens[start - 1]?.lower ?? '') ? start - 2 : start - 1
  // "cut car journeys into the centre by 18%": the object is before the place it is in
  if (/^(?:into|in|across|within)$/.test(tokens[before]?.lower ?? '')) {
    const object = phraseEndingAt(tokens, before - 1)
    const verb = tokens[before - 1 - object.length] && determiners.test(tokens[before - 1 - object.length]!.lower) ? tokens[before - 2 - object.length] : tokens[before - 1 - object.length]
    if (object.length > 0 && verb?.tags.has('Verb')) return head(object)
    before = -1
  }
  // "the street value of the drugs at": the head is before "of"
  if (tokens[before]?.lower === 'of') {
    const owner = phraseEndingAt(tokens, before - 1)
    if (owner.length > 0) return head(owner)
  }
  // the phrase must follow a verb ("raise tuition"), so a subject ("Revenue rose 3% to") is left to the change rule
  const verb = tokens[before]
  if (!isWord(verb) || !(verb.tags.has('Verb') || /^(?:and|to)$/.test(tokens[before - 1]?.lower ?? ''))) return null
  return head(words)
}

const changeNouns = /^(?:rise|increase|jump|drop|fall|decline|cut|reduction|hike|surge|gain|growth)$/

/** "a 22% rise in the cost of olive oil and coffee": the share is a change in the cost. */
export function changeIn(tokens: Token[], figure: Figure): string | null {
  const noun = tokens[figure.last]
  if (!isWord(noun) || !changeNouns.test(noun.lower) || tokens[figure.last + 1]?.lower !== 'in') return null
  let k = figure.last + 2
  while (isWord(tokens[k]) && determiners.test(tokens[k]!.lower)) k++
  const words: Token[] = []
  while (isWord(tokens[k]) && !stops.test(tokens[k]!.lower) && words.length < 3) words.push(tokens[k++]!)
  return head(words)
}

/** "The fire, which started Tuesday, was 10% contained": the share of the sentence subject that is contained. */
export function shareOfSubject(tokens: Token[], figure: Figure): string | null {
  const state = tokens[figure.last]
  if (!isWord(state) || !/^(?:contained|complete|completed|full|built|vaccinated|done|finished|repaired|restored)$/.test(state.lower)) return null
  let k = 0
  while (isWord(tokens[k]) && determiners.test(tokens[k]!.lower)) k++
  const words: Token[] = []
  while (isWord(tokens[k]) && !stops.test(tokens[k]!.lower) && words.length < 3) words.push(tokens[k++]!)
  const subject = head(words)
  return subject ? `${subject} ${state.lower}` : null
}

/** "well short of its target of 60%", "a goal of 55% by 2030": a target measures what the figure before it measured. */
export function isTarget(tokens: Token[], figure: Figure): boolean {
  return tokens[figure.first - 1]?.lower === 'of' && /^(?:target|goal|aim|ambition)$/.test(tokens[figure.first - 2]?.lower ?? '')
}
