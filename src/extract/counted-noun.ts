import { changeIn, isTarget, objectOfChange, shareOfSubject } from './counted-context.js'
import type { Figure } from './figures.js'
import type { Token } from './tokens.js'

/**
 * What a figure counts. English puts it right after the number ("21
 * allies", "34 family members"), before it in a few fixed shapes ("a
 * reward of up to $15 million", "the death toll has risen to 42"), or
 * leaves it to the previous figure ("up from 31", "another 400 are
 * expected") or an earlier sentence ("100 of them"). A passive verb after
 * the noun says what happened to what was counted ("Venezuelans were
 * arrested" -> "Venezuelans arrested").
 */

export interface Counted {
  noun: string
  predicate?: string
  how: 'after' | 'before' | 'continued' | 'antecedent' | 'purpose' | 'unit'
  /** The noun right after the number is singular ("a new 911 dispatch center"): the number is a label, not a count. */
  singular: boolean
}

export const countedText = (c: Counted): string => (c.predicate ? `${c.noun} ${c.predicate}` : c.noun)

const boundary = new Set([
  'of', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'to', 'into', 'onto', 'over', 'under', 'about', 'against', 'across', 'after',
  'before', 'during', 'since', 'until', 'than', 'as', 'per', 'via', 'among', 'amid', 'including', 'who', 'whom', 'whose', 'that',
  'which', 'where', 'when', 'while', 'because', 'but', 'so', 'if', 'whether', 'were', 'was', 'are', 'is', 'be', 'been', 'being',
  'have', 'has', 'had', 'do', 'does', 'did', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'must', 'shall', 'said',
  'says', 'say', 'remain', 'remained', 'remains', 'the', 'a', 'an', 'this', 'these', 'those', 'their', 'its', 'his', 'her', 'our',
  'them', 'they', 'he', 'she', 'it', 'we', 'you', 'also', 'still', 'now', 'not', 'no', 'across', 'through', 'around', 'off', 'out',
  'last', 'next', // "$61 million last year": a time, not what is counted
])
const skippedModifiers = new Set(['more', 'additional', 'other', 'another', 'further', 'extra'])
const adjectives = new Set([
  'new', 'former', 'current', 'senior', 'vacant', 'separate', 'individual', 'several', 'many', 'young', 'old', 'top', 'key', 'local',
  'foreign', 'national', 'federal', 'regional', 'military', 'civilian', 'innocent', 'political', 'armed', 'total', 'high-level', 'low-level',
  'confirmed', 'suspected', 'registered', 'unregistered', 'known', 'possible', 'potential', 'major', 'minor', 'small', 'large', 'big',
])
const irregularPlurals = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'cattle', 'livestock', 'troops', 'feet', 'teeth', 'mice', 'geese', 'data', 'media', 'crew', 'youth', 'militia', 'dead', 'wounded', 'injured', 'missing', 'homeless', 'elderly'])
const singularInS = new Set(['measles', 'mumps', 'news', 'series', 'species', 'means', 'diabetes', 'rabies', 'herpes', 'lens', 'gas', 'bus', 'this', 'its', 'his', 'was', 'has', 'is', 'us'])
const states = new Set(['missing', 'dead', 'injured', 'hurt', 'killed', 'displaced', 'homeless', 'stranded', 'trapped', 'held', 'taken', 'unaccounted', 'wounded', 'sick', 'infected', 'ill', 'left', 'seen', 'known'])
const auxiliaries = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had', 'been', 'being', 'remain', 'remained', 'remains'])
const adverbs = new Set(['still', 'later', 'also', 'reportedly', 'now', 'already', 'since', 'subsequently', 'initially', 'officially', 'allegedly', 'then'])
const changeVerbs = /^(?:drop|cost|costs|rose|risen|rises|rise|climbed|climbs|climb|increased|increases|jumped|grew|grown|reached|reaches|reach|hit|hits|stood|stands|totaled|totalled|totals|fell|fallen|falls|fall|dropped|drops|declined|declines|topped|tops|passed|surpassed|exceeded|slipped|eased|edged|soared|plunged|averaged|averages)$/
/** A share stated of its subject: "staffing is at least 15% below", "Rainfall ... was 38 percent below". */
const copulas = /^(?:is|was|are|were|remains|remained|stood|stands)$/

export function isPlural(word: string): boolean {
  const w = word.toLowerCase()
  if (irregularPlurals.has(w)) return true
  if (singularInS.has(w) || /(?:ss|us|is)$/.test(w)) return false
  return /[a-z]s$/.test(w)
}

function isAdjective(word: string): boolean {
  const w = word.toLowerCase()
  return adjectives.has(w) || /^\p{Lu}/u.test(word) || /-/.test(w) || /(?:al|ial|ive|ic|ous|ful|less|able|ible|ary|ory|ed|ing|ish|ern)$/.test(w)
}

const isWord = (t: Token | undefined): t is Token => t?.kind === 'word'

/** A plural noun within the next three words, before any clause word: "confirmed flu cases". */
function pluralFollows(tokens: Token[], from: number): boolean {
  for (let k = from; k < from + 3 && isWord(tokens[k]) && !boundary.has(tokens[k]!.lower); k++) if (isPlural(tokens[k]!.text)) return true
  return false
}

/** The noun phrase right after the number: modifiers then a head, e.g. "security and Cabinet-level officials". */
function after(tokens: Token[], from: number): { words: Token[]; end: number } {
  let j = from
  while (isWord(tokens[j]) && skippedModifiers.has(tokens[j]!.lower)) j++
  const words: Token[] = []
  while (isWord(tokens[j]) && words.length < 6) {
    const t = tokens[j]!
    if (t.lower === 'and' || t.lower === 'or') {
      const following = tokens[j + 1]
      if (words.length === 0 || !isWord(following) || boundary.has(following.lower) || words.some((w) => isPlural(w.text))) break
    } else if (boundary.has(t.lower)) break
    // "1,500 fled": a verb right after the number, unless it modifies a plural noun ("34 displaced families")
    else if (words.length === 0 && /(?:ed|ing)$/.test(t.lower) && !pluralFollows(tokens, j + 1)) break
    // "the 110,000 forecast by economists": a participle with its agent, not a noun
    else if (words.length === 0 && !isPlural(t.text) && tokens[j + 1]?.lower === 'by') break
    else if (words.some((w) => isPlural(w.text)) && !(isPlural(t.text) && !/(?:ed|ing)$/.test(t.lower))) break // the head is found; what follows modifies it ("officials aligned with"), unless it is a compound ("police officers")
    words.push(t)
    j++
  }
  while (words.length > 0 && /^(?:and|or)$/.test(words[words.length - 1]!.lower)) words.pop()
  return { words, end: j }
}

/** Head noun and, when it reads as a compound ("family members"), the noun before it. */
function headPhrase(words: Token[]): string {
  const pluralAt = words.findLastIndex((w) => isPlural(w.text))
  const headIndex = pluralAt >= 0 ? pluralAt : words.length - 1
  const head = words[headIndex]!
  const modifier = words[headIndex - 1]
  return modifier && !/^(?:and|or)$/.test(modifier.lower) && !isAdjective(modifier.text) ? `${modifier.lower} ${head.lower}` : head.lower
}

/** "were arrested", "are still missing", "have been hospitalized". */
function predicate(tokens: Token[], j: number): string | undefined {
  let k = j
  let sawAuxiliary = false
  while (isWord(tokens[k]) && (auxiliaries.has(tokens[k]!.lower) || adverbs.has(tokens[k]!.lower))) {
    sawAuxiliary ||= auxiliaries.has(tokens[k]!.lower)
    k++
  }
  const verb = tokens[k]
  if (!sawAuxiliary || !isWord(verb) || states.has(tokens[j - 1]?.lower ?? '')) return undefined // "11 dead was confirmed": the state is the noun
  return /ed$/.test(verb.lower) || states.has(verb.lower) ? verb.lower : undefined
}

/** Words after which a new clause (and its subject) begins: "Insurers said claims could reach ...". */
const reporting = /^(?:said|says|say|estimated|estimate|estimates|believe|believes|warned|that|claims|claimed|found|finds|shows|showed)$/
/** "Insurers said claims could reach ...": "claims" before a modal is the subject, not a reporting verb. */
const reportsAt = (tokens: Token[], k: number) => reporting.test(tokens[k]!.lower) && !(/^claim/.test(tokens[k]!.lower) && /^(?:could|would|will|may|might|can|have|had|has|are|were)$/.test(tokens[k + 1]?.lower ?? ''))

/** The subject noun phrase at the start of the clause: "The death toll from ... has risen to 42" -> "death toll". */
function clauseSubject(tokens: Token[], before: number): string | null {
  let start = before
  // "after its quarterly profit fell": a subordinating word opens the clause
  const opener = (t: Token) => /^[,;:"()-]$/.test(t.text) || /^(?:after|because|while|when|although|though|if|once)$/.test(t.lower)
  while (start > 0 && !opener(tokens[start - 1]!) && !reportsAt(tokens, start - 1)) start--
  let words: Token[] = []
  for (let k = start; k < before && isWord(tokens[k]); k++) {
    const t = tokens[k]!
    if (words.length === 0 && /^(?:the|a|an|this|its|their)$/.test(t.lower)) continue
    // "The number of people out of work climbed": what is numbered
    if (t.lower === 'of' && words.length === 1 && /^(?:number|total|count|tally)$/.test(words[0]!.lower)) {
      words = []
      continue
    }
    if (boundary.has(t.lower) || changeVerbs.test(t.lower)) break
    words.push(t)
  }
  // "The central bank's key rate": the owner is whose, not what
  const owner = words.findLastIndex((w) => /'s$/.test(w.lower))
  if (owner >= 0 && owner < words.length - 1) words = words.slice(owner + 1)
  // "There were 12": an existential "there" names nothing
  if (/^(?:there|it|this|that)$/.test(words[0]?.lower ?? '')) return null
  return words.length > 0 && words.length <= 4 ? words.map((w) => w.lower).join(' ') : null
}

export interface CountedContext {
  /** The counted noun of the previous figure in the same sentence. */
  previousInSentence: Counted | null
  /**
   * Counts seen before this figure, latest last, for "100 of them": the
   * whole a part is taken from. Only head counts (no unit, no share).
   */
  wholes: ReadonlyArray<{ counted: Counted; value: number }>
  /** The figure is a measurement with this unit word. */
  unitWord?: string
}

/** What a share is of: "62% of riders", "nearly half of those polled", "40 percent of their income". */
function shareOf(tokens: Token[], j: number): string | null {
  if (tokens[j]?.lower !== 'of') return null
  let k = j + 1
  while (isWord(tokens[k]) && /^(?:the|a|an|its|their|his|her|our|all|this|these)$/.test(tokens[k]!.lower)) k++
  if (/^(?:those|people|respondents|voters|adults|residents)$/.test(tokens[k]?.lower ?? '') && isWord(tokens[k + 1]) && /ed$/.test(tokens[k + 1]!.lower)) {
    return `${tokens[k]!.lower} ${tokens[k + 1]!.lower}`
  }
  const run = after(tokens, k)
  return run.words.length > 0 ? headPhrase(run.words) : null
}

const timeNouns = /^(?:quarter|year|month|week|day|period|season|decade|morning|evening|night|weekend)s?$/

/** The clause's subject: "the death toll ... has risen to 42", "Revenue rose 3% to $4.5 billion", "Pay ... is £31,000". */
function subjectOfChange(tokens: Token[], figure: Figure): string | null {
  let v = /^(?:to|at|by)$/.test(tokens[figure.first - 1]?.lower ?? '') ? figure.first - 2 : figure.first - 1
  // "rose 3% to": past the first figure of the change
  while (v > 0 && (tokens[v]!.kind === 'num' || tokens[v]!.text === '%' || /^(?:percent|about|nearly|almost|some)$/.test(tokens[v]!.lower))) v--
  if (!changeVerbs.test(tokens[v]?.lower ?? '') && !copulas.test(tokens[v]?.lower ?? '')) return null
  return clauseSubject(tokens, v)
}

export function findCounted(tokens: Token[], figure: Figure, context: CountedContext): Counted | null {
  const j = figure.last
  if (figure.quantity.unit === '%') {
    const of = shareOf(tokens, j)
    if (of) return { noun: of, how: 'after', singular: false }
    if (isTarget(tokens, figure) && context.previousInSentence) return { noun: context.previousInSentence.noun, how: 'continued', singular: false }
    const named = changeIn(tokens, figure) ?? shareOfSubject(tokens, figure) ?? objectOfChange(tokens, figure) ?? subjectOfChange(tokens, figure)
    if (named) return { noun: named, how: 'before', singular: false }
  }
  const fronted = tokens[figure.first - 1]?.text === ',' && tokens[figure.first - 3]?.lower === 'of' && /^(?:them|those|these)$/.test(tokens[figure.first - 2]?.lower ?? '')
  // "Of those, 18 patients have been hospitalized": a noun after the number names the part itself
  const namedPart = fronted && after(tokens, j).words.length > 0
  if (fronted && !namedPart && context.previousInSentence) return { noun: context.previousInSentence.noun, how: 'continued', singular: false }
  if ((tokens[j]?.lower === 'of' && /^(?:them|those|whom|these)$/.test(tokens[j + 1]?.lower ?? '')) || (fronted && !namedPart)) {
    // "900 of them": the latest earlier count the part fits in (a part is no larger than its whole), not merely the last noun named.
    const value = figure.quantity.stated[0]!
    const whole = [...context.wholes].reverse().find((w) => w.value >= value && w.counted.noun !== '') ?? context.wholes[context.wholes.length - 1]
    if (whole) {
      const p = predicate(tokens, fronted ? j : j + 2)
      return { noun: whole.counted.noun, ...(p ? { predicate: p } : {}), how: 'antecedent', singular: false }
    }
  }
  // "240 of the wells", "two of the injured": the part is counted in the whole's noun
  if (tokens[j]?.lower === 'of' && /^(?:the|its|their)$/.test(tokens[j + 1]?.lower ?? '') && figure.quantity.unit === undefined) {
    const whole = after(tokens, j + 2)
    if (whole.words.length > 0 && whole.words.some((w) => isPlural(w.text))) {
      const p = predicate(tokens, whole.end)
      return { noun: headPhrase(whole.words), ...(p ? { predicate: p } : {}), how: 'after', singular: false }
    }
  }
  if (context.unitWord) {
    // "an average of 7.4 hours, up from 5.9 hours": the statistic, which the figure compared with shares
    if (tokens[figure.first - 1]?.lower === 'of' && /^(?:average|median|mean)$/.test(tokens[figure.first - 2]?.lower ?? '')) return { noun: tokens[figure.first - 2]!.lower, how: 'before', singular: false }
    if (tokens[figure.first - 1]?.lower === 'from' && context.previousInSentence?.how === 'before') return { ...context.previousInSentence, how: 'continued' }
    // "20 tonnes of food and medical supplies": what is measured follows "of"
    if (tokens[j + 1]?.lower === 'of' && isWord(tokens[j + 2])) {
      const what = after(tokens, j + 2)
      if (what.words.length > 0) return { noun: `${context.unitWord} of ${headPhrase(what.words)}`, how: 'unit', singular: false }
    }
    return { noun: context.unitWord, how: 'unit', singular: false }
  }
  const run = after(tokens, j)
  if (run.words.length > 0) {
    const noun = headPhrase(run.words)
    const p = predicate(tokens, run.end)
    return { noun, ...(p ? { predicate: p } : {}), how: 'after', singular: !run.words.some((w) => isPlural(w.text)) }
  }
  // "a reward of up to $15 million", "a projected shortfall of $220 million"
  const before = tokens[figure.first - 1]
  if (before?.lower === 'of' && isWord(tokens[figure.first - 2]) && !boundary.has(tokens[figure.first - 2]!.lower)) {
    return { noun: tokens[figure.first - 2]!.lower, how: 'before', singular: false }
  }
  const named = objectOfChange(tokens, figure) ?? subjectOfChange(tokens, figure)
  if (named) return { noun: named, how: 'before', singular: false }
  // Money for a purpose: "$312 million for the police department", "up to €50 million in emergency aid"
  if (figure.quantity.unit && figure.quantity.unit !== '%' && /^(?:for|in|on)$/.test(tokens[j]?.lower ?? '')) {
    let k = j + 1
    while (isWord(tokens[k]) && /^(?:the|a|an|new|its|their)$/.test(tokens[k]!.lower)) k++
    const words: string[] = []
    // "$4.5 billion in the quarter", "80,000 dollars in 2023": a time, not a purpose
    if (/^(?:1[89]|20)\d\d$/.test(tokens[k]?.text ?? '') || timeNouns.test(tokens[k]?.lower ?? '')) k = tokens.length
    while (tokens[k] && (isWord(tokens[k]) || tokens[k]!.kind === 'num') && !boundary.has(tokens[k]!.lower) && !/^(?:and|or)$/.test(tokens[k]!.lower) && words.length < 3) {
      words.push(tokens[k++]!.lower)
    }
    if (words.length > 0) return { noun: words.join(' '), how: 'purpose', singular: false }
  }
  if (context.previousInSentence) return { noun: context.previousInSentence.noun, how: 'continued', singular: false }
  return null
}
