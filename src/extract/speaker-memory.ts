import type { Attribution } from './speaker-phrases.js'

/**
 * Who the article has named so far, for the two ways news refers back to a
 * speaker: a pronoun ("..., it said.", "She said the hospital had ...") is
 * the latest named speaker, and a bare description ("the company said",
 * "the club said", "the figures showed") is the body the article named
 * before ("Orion Motors will cut ...", "the Bureau of Labour Statistics
 * said"). Read in text order; a sentence's cues are remembered after its
 * figures are drafted.
 */

export interface SpeakerMemory {
  /** The latest named speaker, for a pronoun. */
  lastSpeaker: Attribution | null
  /** Named bodies (not people), latest last. */
  bodies: string[]
}

export const emptyMemory = (): SpeakerMemory => ({ lastSpeaker: null, bodies: [] })

/** Descriptions that stand for a body named earlier: "the company", "the utility", "the poll", "the figures". */
const standIns = /^(?:company|firm|club|utility|university|college|bank|airline|carrier|group|team|insurer|retailer|employer|operator|chain|maker|manufacturer|developer|charity|institute|organi[sz]ation|poll|survey|study|report|figures|data|statistics|bureau|agency|ministry|department|council|board|commission|authority|hospital|trust|union|school|district|league|network|broadcaster|office|service|laboratory)$/i
/** Of these, the public bodies stand for a named body only when its name holds the word ("the bureau" -> "Bureau of Labour Statistics"). */
const ownWordOnly = /^(?:bureau|agency|ministry|department|council|board|commission|authority|hospital|trust|union|school|district|office|service|laboratory)$/i
/** A body named by what it does, without a capital: "the statistics office", "the environment department", "the public health laboratory". */
const describedBody = /^(?:[\w'-]+ ){1,3}(?:office|department|ministry|agency|authority|service|board|bureau|commission|council|laboratory|institute)$/i

/**
 * A body releasing figures, named by what it does ("the statistics office", "the figures"): the next sentence of its paragraph
 * that names nobody goes on reporting its figures. A person or a named company is quoted instead, and what follows
 * a quote is the outlet's own background.
 */
export const isReportingBody = (name: string) => describedBody.test(bare(name)) || /^(?:figures|data|statistics|report|survey)$/i.test(bare(name))

const bare = (name: string) => name.toLowerCase().replace(/^(?:the|its|their)\s+/, '').trim()

/** A name with a capital that does not merely open a sentence, and no person's name in it. */
function namesBody(cue: Attribution): boolean {
  if (cue.person || cue.attributedTo === '' || cue.embedded) return false
  if (describedBody.test(bare(cue.attributedTo))) return true
  if (cue.person === undefined) return false // compromise tagged none of its words: whether it names a person is unknown
  const name = cue.attributedTo.replace(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/g, '')
  return /\p{Lu}/u.test(name.slice(1)) || (cue.proper === true && /^\p{Lu}/u.test(name))
}

/** The body a bare description stands for, or the attribution unchanged. */
export function resolveStandIn(attribution: Attribution, memory: SpeakerMemory, sameSentence: Attribution[]): Attribution {
  const noun = bare(attribution.attributedTo)
  if (!standIns.test(noun)) return attribution
  const named = [...memory.bodies, ...sameSentence.filter((c) => c !== attribution && namesBody(c)).map((c) => c.attributedTo)]
  const withWord = named.filter((n) => new RegExp(`\\b${noun}\\b`, 'i').test(n)).pop()
  // A body named without a capital is found again only by its own word ("the office" -> "the statistics office").
  // Figures and reports stand for whoever published them, named with a capital or not ("the environment department").
  const document = /^(?:figures|data|statistics|report)$/i.test(noun)
  const body = withWord ?? (ownWordOnly.test(noun) ? undefined : named.filter((n) => document || !describedBody.test(bare(n))).pop())
  return body ? { ...attribution, attributedTo: body, resolvedFrom: attribution.attributedTo } : attribution
}

const rank: Record<string, number> = { citing: 0, 'according-to': 1, speaker: 2, subject: 3, carried: 4 }

/** After a sentence: its named bodies, and its speaker (the attribution its figures took, else its strongest cue). */
export function rememberSentence(memory: SpeakerMemory, cues: Attribution[], taken: Attribution | null): void {
  for (const cue of cues) if (namesBody(cue) && !memory.bodies.includes(cue.attributedTo)) memory.bodies.push(cue.attributedTo)
  if (memory.bodies.length > 50) memory.bodies.splice(0, memory.bodies.length - 50)
  const best = cues.filter((c) => c.attributedTo !== '' && !c.embedded && c.source !== 'subject').sort((a, b) => (rank[a.source] ?? 9) - (rank[b.source] ?? 9))[0]
  const speaker = taken && taken.source !== 'publisher' ? taken : best
  if (speaker) memory.lastSpeaker = speaker
}
