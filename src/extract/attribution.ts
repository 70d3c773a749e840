import type { AttributionSource } from './draft-claim.js'
import { chainCue } from './attribution-chains.js'
import { adjacent, type Token } from './tokens.js'
import {
  actionVerbs, closesStatement, intro, invertingVerbs, isWord, looksLikeActor, nameTags, npBoundary, phraseAfter, phraseBefore, pronouns, skippableBeforeVerb,
  speechOnlyAtClauseEnd, speechOnlyBeforeObject, speechVerbs, textOf, withAppositive,
  type Attribution,
} from './speaker-phrases.js'

/**
 * Who states a figure, and the chain it reached the reporter through.
 * "According to documents seen by Bloomberg" is a conduit (via), not an
 * author: the author is then the body the sentence is about ("The Treasury
 * Department is close to announcing ..."). "According to a preliminary
 * estimate by the Insurance Federation" names the author. A speaker named
 * with a reporting verb ("the State Department said") outranks the subject
 * of the action, which outranks nobody (the caller then carries the
 * previous sentence's speaker or falls back to the publisher).
 */

export type { Attribution } from './speaker-phrases.js'

/**
 * Where the sentence proper starts, after a dateline: "CARACAS - The United
 * States ...", "MILLBROOK, June 20 (Valley Ledger) - The council ...".
 */
export function bodyStart(tokens: Token[]): number {
  const dash = tokens.findIndex((t, i) => i < 16 && t.text === '-' && !(adjacent(tokens[i - 1], t) && adjacent(t, tokens[i + 1])))
  if (dash <= 0) return 0
  const lead = tokens.slice(0, dash)
  const dateline = /^\p{Lu}{2,}$/u.test(lead[0]!.text) || /^[.)]$/.test(lead[lead.length - 1]!.text) || lead[0]!.lower === 'date'
  return dateline ? dash + 1 : 0
}

/** The subject of the sentence, after an introductory phrase ("In September, the U.S. government ..."). */
export function sentenceSubject(tokens: Token[]): { words: Token[]; verbAt: number } | null {
  let k = bodyStart(tokens)
  const comma = tokens.findIndex((t, i) => t.text === ',' && i >= k && i < k + 10)
  if (comma > 0 && intro.test(tokens[k]?.lower ?? '')) k = comma + 1
  const words: Token[] = []
  // The subject ends at the first verb: a known action or speech verb, or a word compromise tags as a verb ("questioned").
  const isVerb = (t: Token) => actionVerbs.has(t.text) || speechVerbs.has(t.text) || (words.length > 0 && t.tags.has('Verb') && !t.tags.has('Noun'))
  while (isWord(tokens[k]) && words.length < 6 && !isVerb(tokens[k]!)) {
    // "The ministry of transport plans ...": "of" joins a noun to its complement inside the subject
    const inner = tokens[k]!.lower === 'of' && words.length > 0 && isWord(tokens[k + 1]) && !npBoundary.has(tokens[k + 1]!.lower)
    if (npBoundary.has(tokens[k]!.lower) && !inner) break
    words.push(tokens[k]!)
    k++
  }
  let skipped = 0
  let modal = false
  while (skipped < 4 && isWord(tokens[k]) && skippableBeforeVerb.test(tokens[k]!.lower) && !actionVerbs.has(tokens[k]!.text)) {
    modal ||= /^(?:will|would|to)$/.test(tokens[k]!.lower)
    k++
    skipped++
  }
  const verb = tokens[k]
  if (words.length === 0 || !isWord(verb) || !/^\p{Ll}/u.test(verb.text) || npBoundary.has(verb.lower)) return null
  // "will raise", "are still searching", "sanctioned": a verb; a plain noun after the subject is not
  const finite = actionVerbs.has(verb.text) || modal || (skipped > 0 && /ing$/.test(verb.lower)) || /ed$/.test(verb.lower)
  return finite ? { words, verbAt: k } : null
}

function accordingTo(tokens: Token[], k: number): Attribution | null {
  const cue = accordingToCue(tokens, k)
  // "who according to a high-level representative ... have targeted": a relative clause is about something else.
  return cue && /^(?:who|which|that)$/.test(tokens[k - 1]?.lower ?? '') ? { ...cue, embedded: true } : cue
}

function accordingToCue(tokens: Token[], k: number): Attribution | null {
  const words = phraseAfter(tokens, k + 2)
  const phrase = textOf(words)
  if (!phrase) return null
  const span = { from: k, to: k + 2 + words.length }
  if (/\b(?:seen|obtained|reviewed|viewed|shared with|provided to) by\b|^(?:documents?|records?|files?|memos?|emails?|sources?\b|(?:internal )?(?:document|memo|email|copy|draft)\b|(?:\w+ )?(?:people|persons?|sources?|officials?) (?:familiar|close|with knowledge|briefed))/i.test(phrase)) {
    return { attributedTo: '', via: [phrase], source: 'according-to', at: k, span }
  }
  const authored = /^(?:[\w'-]+ ){0,3}?(?:estimates?|reports?|counts?|surveys?|tally|tallies|analysis|figures|data|statements?|study|census|assessments?|projections?|polls?|reviews?) (?:(?:published|released|compiled|collected|issued|prepared) )?(?:by|from|of) (?:the )?(.+)$/i.exec(phrase)
  // "figures published by the environment department on Monday": when they were published is not who published them
  if (authored) return { attributedTo: authored[1]!.replace(/\s+(?:on|last|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month)$/i, ''), via: [], source: 'according-to', at: k, span, ...nameTags(words) }
  // "according to customs data", "according to agency figures": the body whose numbers they are
  const owned = /^(?:its |their )?(?:latest |preliminary |official |new )?([\w' -]+?) (?:data|figures|statistics|numbers|records|estimates)$/i.exec(phrase)
  if (owned && looksLikeActor(owned[1]!)) return { attributedTo: owned[1]!, via: [], source: 'according-to', at: k, span }
  return looksLikeActor(phrase) ? { attributedTo: phrase, via: [], source: 'according-to', at: k, span, ...nameTags(words) } : null
}

function citing(tokens: Token[], k: number): Attribution | null {
  if (!/^(?:figures|data|numbers|statistics|estimates|reports?|counts?)$/.test(tokens[k + 1]?.lower ?? '') || !/^(?:from|by|of)$/.test(tokens[k + 2]?.lower ?? '')) return null
  const author = phraseAfter(tokens, k + 3)
  if (author.length === 0) return null
  const end = tokens.indexOf(author[author.length - 1]!) + 1
  const conduit = tokens[end]?.text === ',' ? textOf(phraseAfter(tokens, end + 1, 5, true)) : ''
  return { attributedTo: textOf(author), via: conduit ? [conduit] : [], source: 'citing', at: k, span: { from: k, to: end } }
}

function speaker(tokens: Token[], k: number): Attribution | null {
  const cue = speakerCue(tokens, k)
  if (!cue) return null
  // "for what the Biden administration says are ...": an embedded clause characterizes, it does not attribute.
  const before = phraseBefore(tokens, k)
  const opener = tokens[k - before.length - 1]?.lower ?? ''
  return /^(?:what|which|who|that|as|whom)$/.test(opener) ? { ...cue, embedded: true } : cue
}

function speakerCue(tokens: Token[], k: number): Attribution | null {
  const verb = tokens[k]!.text
  // "spent an estimated $2 million", "the reported 40 cases": a participle after a determiner qualifies a noun, nobody speaks.
  if (/^(?:a|an|the)$/.test(tokens[k - 1]?.lower ?? '')) return null
  if (speechOnlyBeforeObject.has(verb) && !(/^(?:the|a|an|it|this|that|them|"|,|\.)$/.test(tokens[k + 1]?.lower ?? '.') || k === tokens.length - 1)) return null
  if (speechOnlyAtClauseEnd.has(verb) && !closesStatement(tokens[k + 1])) return null
  const before = phraseBefore(tokens, k)
  if (before.length > 0) {
    const phrase = withAppositive(tokens, before)
    const trailing = tokens[k - before.length - 1]?.text === ','
    if (looksLikeActor(phrase, before)) return { attributedTo: phrase, via: [], source: 'speaker', verb, at: k, span: { from: k - before.length, to: k + 1 }, ...nameTags(before), trailing }
    if (!pronouns.test(phrase.toLowerCase())) return null
  }
  // "..., it said.", "She said the hospital had ...": the latest named speaker (the caller knows who).
  if (/^(?:it|they|he|she)$/.test(tokens[k - 1]?.lower ?? '') && /^[,"]?$/.test(tokens[k - 2]?.text ?? '')) {
    return { attributedTo: '', via: [], source: 'carried', verb, at: k, pronoun: true }
  }
  if (before.length === 0 && tokens[k - 1]?.text === ',') {
    // "the city's finance director, Raj Patel, told council members"
    const name = phraseBefore(tokens, k - 1, 4)
    if (name.length > 0 && name.every((w) => /^\p{Lu}/u.test(w.text)) && tokens[k - 2 - name.length]?.text === ',') {
      return { attributedTo: withAppositive(tokens, name), via: [], source: 'speaker', verb, at: k, span: { from: k - 1 - name.length, to: k + 1 } }
    }
  }
  if (tokens[k - 1]?.lower === 'and' || (before.length > 0 && pronouns.test(before[before.length - 1]!.lower))) {
    // "The governor declared ... and said the state would ...": the sentence subject speaks.
    const subject = sentenceSubject(tokens)
    const phrase = subject ? textOf(subject.words) : textOf(phraseAfter(tokens, 0, 4, true))
    return looksLikeActor(phrase) ? { attributedTo: phrase, via: [], source: 'speaker', verb, at: k } : null
  }
  if (invertingVerbs.has(verb) && /^[,"]$/.test(tokens[k - 1]?.text ?? '')) {
    const after = phraseAfter(tokens, k + 1, 8, true).filter((t) => !/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/.test(t.lower))
    const phrase = textOf(after)
    if (looksLikeActor(phrase)) return { attributedTo: phrase, via: [], source: 'speaker', verb, at: k, span: { from: k, to: k + 1 + after.length } }
  }
  return null
}

const properTags = ['ProperNoun', 'Person', 'Organization', 'Place']

/** Every attribution cue in the sentence, in text order; read once per sentence, then filtered per figure by `cuesFor`. */
export function findAttributions(tokens: Token[]): Attribution[] {
  const found: Attribution[] = []
  tokens.forEach((t, k) => {
    let a: Attribution | null = null
    if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') a = accordingTo(tokens, k)
    else if (t.lower === 'citing') a = citing(tokens, k)
    else a = chainCue(tokens, k) ?? (isWord(t) && speechVerbs.has(t.text) ? speaker(tokens, k) : null)
    if (a) found.push(a)
  })
  const subject = sentenceSubject(tokens)
  if (subject) {
    const phrase = textOf(subject.words)
    // "Youth unemployment reached ...", "Parents packed ...": a capital that only opens the sentence names nobody.
    const first = subject.words[0]!
    const opensSentence = /^[,"(-]$/.test(tokens[tokens.indexOf(first) - 1]?.text ?? ',') && !(first.tags.has('Noun') && properTags.some((tag) => first.tags.has(tag)))
    const asWritten = opensSentence ? `${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}` : phrase
    if (looksLikeActor(asWritten) && !subject.words.some((w) => /\d/.test(w.text))) {
      found.push({ attributedTo: phrase, via: [], source: 'subject', verb: tokens[subject.verbAt]!.text, at: 0, verbAt: subject.verbAt, ...nameTags(subject.words), proper: !opensSentence || /\p{Lu}/u.test(asWritten) })
    }
  }
  return found
}

/** The cues that can attribute the figure starting at token `figureAt`. */
export function cuesFor(cues: Attribution[], figureAt: number): Attribution[] {
  return cues.filter((c) => !(c.embedded && c.at > figureAt) && !(c.verbAt !== undefined && c.verbAt >= figureAt))
}

const rank: Record<AttributionSource, number> = { citing: 0, 'according-to': 1, speaker: 2, subject: 3, carried: 4, publisher: 5 }

/**
 * One attribution for the figure: the strongest cue, preferring cues inside
 * the figure's clause, or null when nobody in the sentence is named as its
 * author. Conduits found anywhere in the sentence are returned as `via`.
 */
export function chooseAttribution(cues: Attribution[], clause: { from: number; to: number }, figureAt = -1): { best: Attribution | null; via: string[] } {
  const via = cues.filter((c) => c.attributedTo === '').flatMap((c) => c.via)
  const authors = cues.filter((c) => c.attributedTo !== '')
  const inClause = authors.filter((c) => c.at >= clause.from && c.at < clause.to)
  const pool = inClause.length > 0 ? inClause : authors
  // Of two speakers, the one closing the sentence frames it: "Insurers estimate ..., the state insurance council said."
  const frames = (c: Attribution) => (c.trailing && c.at > figureAt ? 0 : 1)
  const best = [...pool].sort((a, b) => rank[a.source] - rank[b.source] || frames(a) - frames(b))[0] ?? null
  return { best, via: [...(best?.via ?? []), ...via] }
}
