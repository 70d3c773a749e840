import type { Modality } from '../../events/claim-events.js'
import type { Hedge } from '../../events/quantity/quantity.js'
import type { AttributionSource } from './draft-claim.js'

/**
 * How the source stands behind the figure, read from the wording of the
 * figure's clause, in this order: a plan or expectation is `planned` ("is
 * close to announcing", "plans to", "is expected to", "would provide",
 * "subject to change"); a speaker who alleges or claims makes an
 * `allegation`; an estimate or an approximate figure ("estimated",
 * "projected", "roughly", "about") is an `estimate`; a government body or
 * official stating it on the record is `official`; anything else is
 * `reported`. A government figure that reached the reporter through leaked
 * documents or anonymous people is `reported`, not official.
 */

export interface ModalityReading {
  modality: Modality
  reason: string
}

const planned =
  /\b(?:plans? to|planning to|planned to|intends? to|intending to|aims? to|expects? to|expected to|(?:is|are) set to|(?:is|are) due to|poised to|preparing to|prepares to|close to (?:announcing|imposing|approving|signing|finalizing|reaching|adopting)|(?:is|are) about to|propos(?:es|ed|ing) to|pledged to|promised to|vowed to|seeks? to|hopes? to|would|will|could be announced|(?:could|may|might) (?:close|cut|hire|add|raise|build|open|shed|eliminate|lay off)|subject to change|to be announced|not yet final|(?:its |the |a |their )?(?:target|goal) of|expects?(?= (?:about |some |up to |nearly |more than |as many as |around |between |roughly )?[$€£\d])|(?:has |have |had )?(?:promised|pledged|promises|pledges|earmarked|set aside)(?= (?:about |some |up to |nearly |more than |an estimated )?[$€£\d]))\b/
/** Estimates and projections: "estimated", "projected", "could reach 2,500". */
const estimate = /\b(?:estimat\w*|projected|projections?|forecasts?|roughly|approximately|preliminary count|(?:could|may|might) (?:reach|rise to|climb to|top|exceed|total|hit|cost|save|run to|amount to|put)|(?:would|will) cost|put (?:the |its |their |her |his )?[\w' -]{0,40}? at)\b/
/** Hedges only say the figure is approximate: a plan stated roughly ("roughly 50 are expected to close") is still a plan. */
const hedgeOnly = /^(?:roughly|approximately)$/
/** A speaker who will not be named is not on the record. */
const anonymous = /\b(?:asked not to be (?:named|identified)|on condition of anonymity|speaking anonymously|not authori[sz]ed to speak)\b/
const allegationVerbs = /^(?:alleged|alleges|allege|claimed|claims|claim|accused|accuses)$/
const government =
  /\b(?:department|dept|ministry|minister|secretary|treasury|government|administration|agency|office|council|councilmember|police|army|military|navy|authorities|authority|officials?|spokes(?:man|woman|person)|prosecutors?|sheriff|mayor|governor|president|senator|congress|parliament|commission(?:er)?|court|judge|white house|kremlin|united states|state|federal|county|city|bureau|embassy|regime|cabinet|legislature|lawmakers|fire|emergency|health|district|school board|customs|coast guard|transit authority|municipality|municipal|province|provincial|superintendent|ministry|marshal|harbou?r master|coroner|inspectorate|inspectors?|regulators?|weather service|(?:hospital|health|ambulance) trust|statistics office|census|board|public service|(?:library|ambulance|health|fire|rescue|probation|prison|park|parks|water|social) service|councill?or|laboratory)\b|\bu\.s\.|\bUS\b|\bUK\b|\bEU\b/i

/** Bodies whose spokespeople and officials speak for no government: "a university spokeswoman", "a spokesman for Ridgeline Power". */
const privateBody = /\b(?:university|college|company|club|firm|airline|bank|utility|power|energy|insurer|union|institute|charity|league|team|inc|ltd|corp|plc)\b/i
const onlyForBody = /\b(?:spokes(?:man|woman|person)|officials?|office|director|executive|president)\b/gi
/** Prosecutors and plaintiffs accuse: what they say of a defendant is an allegation until a court finds it. */
const accusers = /\b(?:prosecutors?|plaintiffs?|lawsuit|indictment|complainants?)\b/i

export function isGovernmentSpeaker(name: string): boolean {
  if (privateBody.test(name) && !government.test(name.replace(onlyForBody, ''))) return false
  return government.test(name) || /\b(?:finance|budget) director\b/i.test(name)
}

export function readModality(input: {
  /** The figure's clause, with the other figures of the sentence blanked out (their hedges are theirs). */
  clause: string
  /** The clause text before the figure, for cues that must precede it ("allegedly"). */
  clauseBeforeFigure: string
  hedge: Hedge
  attributedTo: string
  via: string[]
  source: AttributionSource
  verb?: string
}): ModalityReading {
  const clause = input.clause.toLowerCase()
  const figureAt = input.clauseBeforeFigure.length
  // "Counting of about 150,000 votes will continue", "21% said they would consider": a bare "will" after the figure is about something else.
  // ("some 350 teachers will retire" is the figure's own future: its noun is the subject of "will").
  const bareModalAfter = (m: RegExpExecArray) =>
    /^(?:will|would)$/.test(m[0].trim()) && m.index >= figureAt && (/\bof\s+(?:\S+\s+){0,2}$/.test(input.clauseBeforeFigure.toLowerCase()) || /\b(?:said|say|says)\b/.test(clause.slice(figureAt, m.index)))
  // "will raise the fare to $3.25 from $2.90": the figure changed from is today's, not the plan's.
  const changedFrom = /\b(?:up |down )?from\s+$/i.test(input.clauseBeforeFigure)
  const plans = changedFrom ? [] : [...clause.matchAll(new RegExp(planned.source, 'g'))].filter((m) => !bareModalAfter(m))
  const plan = plans[0] ?? null
  // The earlier of the two cues decides: "projected that enrollment would drop" is a projection, not a plan.
  const guessAt = estimate.exec(clause)
  // "would cost", "will cost an estimated": a cost foreseen is an estimate, though its modal also reads as a plan.
  if (plan && (!guessAt || plan.index < guessAt.index || hedgeOnly.test(guessAt[0]))) return { modality: 'planned', reason: `planned: the clause says "${plan[0].trim()}"` }
  if (input.verb && allegationVerbs.test(input.verb)) return { modality: 'allegation', reason: `allegation: the speaker "${input.verb}" it` }
  if ((input.source === 'speaker' || input.source === 'according-to') && accusers.test(input.attributedTo)) return { modality: 'allegation', reason: `allegation: stated by the accusing side (${input.attributedTo})` }
  if (/\ballegedly\b/.test(input.clauseBeforeFigure.toLowerCase())) return { modality: 'allegation', reason: 'allegation: "allegedly" before the figure' }
  const guess = estimate.exec(clause)
  if (guess) return { modality: 'estimate', reason: `estimate: the clause says "${guess[0]}"` }
  if (plan) return { modality: 'planned', reason: `planned: the clause says "${plan[0].trim()}"` }
  if (input.hedge === 'about') return { modality: 'estimate', reason: 'estimate: an approximate figure ("about", "some", "roughly")' }
  const onRecord = input.source !== 'publisher' && input.via.length === 0 && isGovernmentSpeaker(input.attributedTo) && !anonymous.test(clause)
  if (onRecord) return { modality: 'official', reason: `official: stated by a government body or official (${input.attributedTo})` }
  if (input.via.length > 0) return { modality: 'reported', reason: `reported: reached the reporter via ${input.via.join('; ')}` }
  return { modality: 'reported', reason: input.source === 'publisher' ? 'reported: the outlet reports it without naming a source' : `reported: ${input.attributedTo} is not a government body` }
}
