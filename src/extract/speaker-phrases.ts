import type { AttributionSource } from './draft-claim.js'
import type { Token } from './tokens.js'

/** A cue naming who states a figure (see attribution.ts); here so every cue finder can build one. */
export interface Attribution {
  attributedTo: string
  via: string[]
  source: AttributionSource
  /** The reporting verb, when one introduced the speaker ("said", "allege"). */
  verb?: string
  /** Token index where the cue sits, to prefer the cue in the figure's own clause. */
  at: number
  /** Token range [from, to) of the cue's words: a number inside it ("according to two people") is not a claim. */
  span?: { from: number; to: number }
  /** The cue sits in a relative or embedded clause ("who according to ...", "what X says"): it says nothing of a figure before it. */
  embedded?: boolean
  /** A sentence subject attributes only the figures after its verb. */
  verbAt?: number
  /** The name is a person's, or starts with a proper noun (compromise's tags): see speaker-memory.ts. */
  person?: boolean
  proper?: boolean
  /** A pronoun speaker ("..., it said."): the latest named speaker, found by the caller. */
  pronoun?: boolean
  /** The speaker closes the sentence after a comma ("..., the council said."). */
  trailing?: boolean
  /** The bare description the name was resolved from ("the company"). */
  resolvedFrom?: string
}

/** What compromise's tags say of a name's words. */
export const nameTags = (words: readonly Token[]): { person?: boolean; proper?: boolean } => words.every((w) => w.tags.size === 0) ? {} : ({
  person: words.some((w) => w.tags.has('Person') && !w.tags.has('Actor')),
  proper: ['ProperNoun', 'Organization', 'Place'].some((tag) => words[0]?.tags.has(tag) ?? false),
})

/**
 * The words that name a speaker, shared by the attribution cues: who counts
 * as someone who can state a figure ("the fire marshal", "a school
 * spokeswoman", "the Labor Department", "a city survey"), and the noun
 * phrase before or after a cue word. A speaker named by role is found by
 * its head noun: compromise tags people and roles (Actor, Person,
 * Organization), and a list holds the roles news writes most.
 */

export const speechVerbs = new Set([
  'announced', 'announces', 'confirmed', 'confirms',
  'said', 'says', 'say', 'told', 'tells', 'stated', 'reported', 'estimated', 'estimates', 'estimate', 'claimed', 'claims', 'claim',
  'alleged', 'alleges', 'allege', 'added', 'noted', 'wrote', 'posted', 'explained', 'declared', 'acknowledged', 'insisted', 'warned', 'testified',
  'found', 'finds', 'called', 'described', 'accused', 'accuses', 'understands', 'understood', 'showed', 'show', 'shows',
])
/** Verbs that report speech only when what follows is what was said: "called the decision ...", not "called for". */
export const speechOnlyBeforeObject = new Set(['called', 'described', 'found', 'finds', 'accused', 'accuses'])
/**
 * Verbs that report speech only when they close the statement or open a
 * "that" clause ("..., the mine's owner announced.", "confirmed that 40");
 * "announced new sanctions on 21 people" is an action of the sentence subject.
 */
export const speechOnlyAtClauseEnd = new Set(['announced', 'announces', 'confirmed', 'confirms', 'understands', 'understood', 'showed', 'show', 'shows'])
export const closesStatement = (next: Token | undefined) =>
  next === undefined || /^(?:[,.;:"]|that|on|late|early|in|last|this|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(next.lower)
/** Adverbs between a speaker and the verb: "Officials also said". */
export const speakerAdverbs = new Set(['also', 'later', 'previously', 'earlier', 'again', 'separately', 'further', 'repeatedly', 'initially', 'first'])
export const invertingVerbs = new Set(['said', 'says', 'added', 'explained', 'noted', 'wrote', 'estimated', 'announced', 'confirmed', 'reported'])
export const actionVerbs = new Set([
  'sanctioned', 'imposed', 'imposes', 'announced', 'announces', 'announcing', 'approved', 'approves', 'approving', 'ordered', 'orders', 'voted',
  'votes', 'confirmed', 'confirms', 'placed', 'offer', 'offers', 'offered', 'arrested', 'detained', 'released', 'plans', 'plan', 'planned',
  'planning', 'expects', 'expected', 'declared', 'issued', 'fined', 'seized', 'counted', 'recorded', 'registered', 'designated', 'targeted',
  'allocated', 'budgeted', 'pledged', 'promised', 'spent', 'paid', 'awarded', 'granted', 'deported', 'evacuated', 'rescued', 'hired', 'cut',
  'recognized', 'charged', 'sentenced', 'imposing', 'sanctioning', 'intends', 'proposed', 'proposes', 'reported', 'identified',
])
export const npBoundary = new Set([
  'what', 'that', 'which', 'who', 'whom', 'and', 'but', 'because', 'while', 'as', 'if', 'when', 'where', 'than', 'in', 'on', 'at', 'for', 'with',
  'to', 'by', 'from', 'of', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'also', 'not', 'it', 'they', 'he', 'she', 'we',
  'about', 'after', 'before', 'during', 'since', 'into', 'against', 'among',
])
export const skippableBeforeVerb = /^(?:on|in|last|this|also|still|has|have|had|is|was|are|were|will|would|close|to|set|expected|about|now|already|recently|just|formally|officially|previously|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year)$/
export const actorNouns =
  /\b(?:customs|authority|agency|board|district|ministry|coast guard|hospital|union|university|institute|officials?|spokes(?:man|woman|person)|ministers?|ministry|department|agency|office|police|authorities|prosecutors?|advocates|insurers|director|mayor|governor|council|government|administration|sheriff|experts|witnesses|report|watchdog|analysts|researchers|economists|organi[sz]ers|officers|lawmakers|critics|activists|doctors|hospital|company|union|group|party|treasury|secretary|president|commission|court|federation|association|institute|center|centre|bureau|service|services|committee|army|military|marshal|master|owner|operator|chief|commissioner|inspector|inspectorate|coroner|manager|chair|chairman|chairwoman|ceo|executive|representative|superintendent|principal|survey|poll|study|census|audit|regulator|utility|trust|league|club|coach|firm|network|station|broadcaster|insurer|bank|airline|utility|employer|landlord|rescuers|firefighters|paramedics|nurses|teachers|residents|workers|farmers|owners|staff|coalition|mission|observers|monitors|campaigners|figures|data|statistics)s?\b/i
export const pronouns = /^(?:it|they|he|she|we|i|you|this|that)$/
export const determiners = /^(?:the|a|an)\s+/i
export const intro = /^(?:in|on|at|by|as|since|after|before|during|to|for|last|this|earlier|later|meanwhile|instead|also|separately|however|still|overall|in addition)$/

export const isWord = (t: Token | undefined): t is Token => t?.kind === 'word'
export const textOf = (ts: Token[]) => ts.map((t) => t.text).join(' ').replace(/\s+'/g, "'").replace(determiners, '').trim()
/** compromise's tags for a person, a role or a body: "the fire marshal" (Actor), "Raj Patel" (Person), "the Labor Department" (Organization). */
const speakerTags = ['Person', 'Organization', 'Actor']
export const namesSpeaker = (words: readonly Token[]) => {
  const head = words[words.length - 1]
  return head !== undefined && (speakerTags.some((tag) => head.tags.has(tag)) || words.some((w) => w.tags.has('Person') || w.tags.has('Organization')))
}
export const looksLikeActor = (phrase: string, words?: readonly Token[]) =>
  phrase.length > 0 && !pronouns.test(phrase.toLowerCase()) && (/\p{Lu}/u.test(phrase) || actorNouns.test(phrase) || (words !== undefined && namesSpeaker(words)))

const timeWords = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year|morning|evening|night)$/

/** Words of a noun phrase ending just before token k, walking back. */
export function phraseBefore(tokens: Token[], k: number, max = 8): Token[] {
  const words: Token[] = []
  let i = k - 1
  while (i >= 0 && isWord(tokens[i]) && speakerAdverbs.has(tokens[i]!.lower)) i--
  // "Amara Lewis, 21, accused": an age between the name and the verb
  if (tokens[i]?.text === ',' && tokens[i - 1]?.kind === 'num' && tokens[i - 2]?.text === ',') i -= 3
  // "Rosa Tan, who voted against the plan, said": the name before the relative clause
  if (tokens[i]?.text === ',') {
    const opener = tokens.slice(Math.max(0, i - 12), i).findLastIndex((t, j, run) => /^(?:who|which)$/.test(t.lower) && run[j - 1]?.text === ',')
    if (opener >= 0) i = Math.max(0, i - 12) + opener - 2
  }
  // "a city survey released on Wednesday found": the date and the participle are not the speaker's name
  if (i >= 1 && isWord(tokens[i]) && timeWords.test(tokens[i]!.lower) && /^(?:on|last|this)$/.test(tokens[i - 1]!.lower)) i -= 2
  if (i >= 1 && isWord(tokens[i]) && /^(?:released|published|issued|presented|commissioned)$/.test(tokens[i]!.lower)) i--
  for (; i >= 0 && words.length < max; i--) {
    const t = tokens[i]!
    // "A coalition of neighbourhood groups", "Observers from the monitoring mission", "a spokesman for Ridgeline Power": one name
    const joins = /^(?:of|from|for)$/.test(t.lower) && words.length > 0 && isWord(tokens[i - 1]) && !npBoundary.has(tokens[i - 1]!.lower) && (tokens[i - 1]!.tags.has('Noun') || /^\p{Lu}/u.test(tokens[i - 1]!.text))
    if (!isWord(t) || (npBoundary.has(t.lower) && !joins) || speechVerbs.has(t.text)) break
    words.unshift(t)
  }
  return words
}

/** Words of a noun phrase starting at token k, up to punctuation or a clause word. */
export function phraseAfter(tokens: Token[], k: number, max = 10, stopAtPrepositions = false): Token[] {
  const words: Token[] = []
  for (let i = k; i < tokens.length && words.length < max; i++) {
    const t = tokens[i]!
    if (t.kind === 'punct' && t.text !== "'") break
    if (/^(?:who|which|that|whom|and|but)$/.test(t.lower)) break
    if (stopAtPrepositions && /^(?:in|on|at|to|with|for|during|after|before|shows|show|showed|said|says|found|finds|lists)$/.test(t.lower)) break
    words.push(t)
  }
  return words
}

/** "the city's finance director, Raj Patel, told" -> "Raj Patel, the city's finance director". */
export function withAppositive(tokens: Token[], words: Token[]): string {
  const first = tokens.indexOf(words[0]!)
  const name = textOf(words)
  if (tokens[first - 1]?.text !== ',' || !words.every((w) => /^\p{Lu}/u.test(w.text))) return name
  const title = phraseBefore(tokens, first - 1, 6)
  // "..., a club record, Rovers said": a title names a role ("the city's finance director"), not anything before a comma.
  const role = title.length > 0 && (namesSpeaker(title) || actorNouns.test(title[title.length - 1]!.lower))
  return role && /^(?:the|a|an)$/i.test(title[0]!.text) ? `${name}, ${title.map((t) => t.text).join(' ').replace(/\s+'/g, "'")}` : name
}

