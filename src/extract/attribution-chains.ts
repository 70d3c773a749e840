import { type Attribution, isWord, looksLikeActor, phraseAfter, phraseBefore, textOf } from './speaker-phrases.js'
import type { Token } from './tokens.js'

/**
 * Cues that name who a figure came from through a chain or a passive, which
 * the speech-verb cues do not see:
 * - "the station learned from three nurses that ...": the station states it,
 *   via the nurses; the words are a source's description, so the "three" in
 *   them is no claim;
 * - "was confirmed by the national mining inspectorate";
 * - "..., two officials familiar with the talks said": a conduit (via),
 *   leaving the author to the sentence's subject;
 * - "the inspectorate, which said it had fined ...": the noun before ", which".
 */

const learned = /^(?:learned|learnt|heard|was|were)$/
const passiveVerbs = /^(?:confirmed|reported|announced|estimated|released|published|provided|given|counted|compiled|recorded|cited)$/
const conduitHeads = /^(?:people|persons|officials|sources|diplomats|aides|officers|staff|employees|insiders)$/
const conduitLinks = /^(?:familiar|close|briefed|involved)$/

/** "learned from X", "was told by X", "heard from X". */
function learnedFrom(tokens: Token[], k: number): Attribution | null {
  const t = tokens[k]!
  const told = (t.lower === 'was' || t.lower === 'were') && tokens[k + 1]?.lower === 'told' && tokens[k + 2]?.lower === 'by'
  const from = /^(?:learned|learnt|heard)$/.test(t.lower) && tokens[k + 1]?.lower === 'from'
  if (!told && !from) return null
  const at = k + (told ? 3 : 2)
  const words = phraseAfter(tokens, at, 8, true)
  if (words.length === 0) return null
  const span = { from: k, to: at + words.length }
  if (told) return { attributedTo: textOf(words), via: [], source: 'according-to', verb: 'told', at: k, span }
  // "the Chronicle learned from three nurses": the outlet states it, the nurses are how it knows (a via chain).
  const learner = phraseBefore(tokens, k, 4)
  const outlet = looksLikeActor(textOf(learner), learner) ? textOf(learner) : ''
  return { attributedTo: outlet, via: [textOf(words)], source: 'according-to', verb: t.lower, at: k, span }
}

/** "was confirmed by the national mining inspectorate". */
function passiveBy(tokens: Token[], k: number): Attribution | null {
  if (!passiveVerbs.test(tokens[k]!.lower) || tokens[k + 1]?.lower !== 'by') return null
  if (!/^(?:was|were|been|is|are)$/.test(tokens[k - 1]?.lower ?? '')) return null
  const words = phraseAfter(tokens, k + 2, 8, true)
  const phrase = textOf(words)
  if (!looksLikeActor(phrase, words)) return null
  return { attributedTo: phrase, via: [], source: 'according-to', verb: tokens[k]!.lower, at: k, span: { from: k, to: k + 2 + words.length } }
}

/** "two officials familiar with the talks said": the whole description, from its number to the verb. */
function conduit(tokens: Token[], k: number): Attribution | null {
  if (!/^(?:said|say|says|told)$/.test(tokens[k]!.lower)) return null
  let link = -1
  for (let i = k - 1; i >= Math.max(0, k - 8) && isWord(tokens[i]) || tokens[i]?.kind === 'num'; i--) if (conduitLinks.test(tokens[i]!.lower)) link = i
  if (link < 1 || !conduitHeads.test(tokens[link - 1]!.lower)) return null
  let from = link - 1
  while (from > 0 && (isWord(tokens[from - 1]) || tokens[from - 1]!.kind === 'num') && /^(?:\d+|two|three|four|five|several|some|many|other|senior|\w+ly)$/.test(tokens[from - 1]!.lower)) from--
  return { attributedTo: '', via: [textOf(tokens.slice(from, k))], source: 'according-to', at: k, span: { from, to: k + 1 } }
}

/** "the inspectorate, which said it had fined ...": the noun phrase before ", which" speaks. */
function relativeSpeaker(tokens: Token[], k: number): Attribution | null {
  if (!/^(?:said|says|told|estimated|announced|confirmed|reported)$/.test(tokens[k]!.lower)) return null
  if (!/^(?:which|who)$/.test(tokens[k - 1]?.lower ?? '') || tokens[k - 2]?.text !== ',') return null
  const words = phraseBefore(tokens, k - 2)
  const phrase = textOf(words)
  return looksLikeActor(phrase, words) ? { attributedTo: phrase, via: [], source: 'speaker', verb: tokens[k]!.lower, at: k, span: { from: k - 2 - words.length, to: k + 1 } } : null
}

/** The chain and passive cues at token k, if any. */
export function chainCue(tokens: Token[], k: number): Attribution | null {
  if (!isWord(tokens[k])) return null
  if (learned.test(tokens[k]!.lower)) {
    const cue = learnedFrom(tokens, k)
    if (cue) return cue
  }
  return passiveBy(tokens, k) ?? conduit(tokens, k) ?? relativeSpeaker(tokens, k)
}
