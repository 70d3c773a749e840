import type { EventData } from '../events/registry.js'
import { parseQuantity } from '../events/quantity/parse.js'
import type { Quantity } from '../events/quantity/quantity.js'
import type { Random } from './random.js'

/**
 * Payloads shaped like a newsroom's: sources from a handful of outlets, facts
 * that ask how many / how much, claims with short quotes and hedged figures.
 * Every payload passes its zod schema (test/bench checks it), so the rebuild
 * bench decodes and reduces real events, not filler.
 */
const outlets = [
  { publisher: 'Reuters', origin: 'reuters', tier: 1 },
  { publisher: 'Associated Press', origin: 'ap', tier: 1 },
  { publisher: 'Bloomberg', origin: 'bloomberg', tier: 1 },
  { publisher: 'El País', origin: 'el-pais', tier: 2 },
  { publisher: 'CNN', origin: 'cnn', tier: 2 },
  { publisher: 'Efecto Cocuyo', origin: 'efecto-cocuyo', tier: 2 },
  { publisher: 'The Miami Herald (AP wire)', origin: 'ap', tier: 3 },
  { publisher: 'U.S. Treasury press office', origin: 'us-treasury', tier: 1 },
] as const

const subjects = ['U.S. sanctions on Maduro allies', 'post-election detentions', 'visa restrictions', 'reward offers', 'asset freezes', 'deportation flights']
const attributions = ['U.S. Treasury', 'State Department', 'Foro Penal', 'the attorney general', 'a government spokesman', 'the electoral council']
const vias = ['documents seen by Bloomberg', 'a Reuters tally', 'officials speaking on condition of anonymity']
const verbs = ['sanctioned', 'detained', 'designated', 'restricted', 'charged', 'released']
const modalities = ['reported', 'reported', 'reported', 'official', 'official', 'estimate', 'planned', 'allegation'] as const

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export function sourcePayload(random: Random, sourceId: string, atMs: number): EventData<'SourceRegistered'> {
  const outlet = random.pick(outlets)
  const slug = sourceId.slice(-12)
  return {
    sourceId,
    url: `https://news.example.org/${outlet.origin}/2024/${slug}`,
    publisher: outlet.publisher,
    title: `${random.pick(subjects)}: officials say the count rose again (${slug})`,
    publishedAt: day(atMs - 86_400_000),
    retrievedAt: day(atMs),
    origin: outlet.origin,
    tier: outlet.tier,
  }
}

export function factPayload(random: Random, factId: string, atMs: number): EventData<'FactDefined'> {
  const subject = random.pick(subjects)
  return {
    factId,
    question: `How many people were ${random.pick(verbs)} in the ${subject} round of ${day(atMs)}?`,
    subject,
    unit: 'persons',
    kind: 'count',
    timeVarying: random.chance(0.1),
  }
}

/** A figure as a report would phrase it around `base`, parsed by the product's own parser. */
export function figure(random: Random, base: number): Quantity {
  const n = Math.max(2, base + random.int(5) - 2)
  const phrases = [`${n}`, `${n}`, `${n}`, `more than ${n - 1}`, `about ${n}`, `at least ${n - 2}`, `nearly ${n + 1}`, `between ${n - 2} and ${n + 3}`]
  const phrase = random.pick(phrases)
  let quantity = parsedFigures.get(phrase)
  if (!quantity) {
    const parsed = parseQuantity(phrase)
    if (!parsed.ok) throw new Error(`bench figure: ${parsed.error.message}`)
    quantity = parsed.quantity
    parsedFigures.set(phrase, quantity)
  }
  return quantity
}

/** The parser is the product's, but generating a million events should not be a parser benchmark. */
const parsedFigures = new Map<string, Quantity>()

export function claimPayload(random: Random, ids: { claimId: string; factId: string; sourceId: string }, base: number, atMs: number): EventData<'ClaimRecorded'> {
  const value = figure(random, base)
  return {
    ...ids,
    citation: { quote: `${value.text} were ${random.pick(verbs)}, officials said.`, verified: false },
    attributedTo: random.pick(attributions),
    via: random.chance(0.2) ? [random.pick(vias)] : [],
    value,
    modality: random.pick(modalities),
    validAt: day(atMs - random.int(5) * 86_400_000),
  }
}

export function correctionPayload(random: Random, claimId: string, base: number): EventData<'ClaimCorrected'> {
  return random.chance(0.6)
    ? { claimId, reason: 'Transcription error: the report gives a different figure.', changes: { value: figure(random, base) } }
    : { claimId, reason: 'The statement came from the ministry, not the spokesman.', changes: { attributedTo: random.pick(attributions) } }
}
