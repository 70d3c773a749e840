import type { EventData } from '../../events/registry.js'
import { demoClaims } from './fixture-claims.js'
import { demoFactIds, demoSourceIds } from './fixture-ids.js'

/**
 * The demo corpus, written from the five seed reports in ../shared/seeds
 * (US sanctions on allies of Nicolás Maduro after the July 2024 Venezuelan
 * election). It holds source metadata and short quotes only, never the
 * articles. Metadata the seeds do not carry is not invented: no URLs, and
 * where a publisher or headline is not evident from the text it says so.
 *
 * Nothing here states a reconciled result: the expected values (21
 * confirmed, 16 with the planned 15 superseded, "more than 2,400") must come
 * out of the real policy; see test/demo/.
 *
 * Ids are fixed UUIDv7-shaped strings (timestamp of the publication date) so
 * every demo run is the same ledger.
 */
export type SourceRegisteredData = EventData<'SourceRegistered'>
export type FactDefinedData = EventData<'FactDefined'>
export type ClaimRecordedData = EventData<'ClaimRecorded'>

const sources: SourceRegisteredData[] = [
  {
    sourceId: demoSourceIds.apNov2024,
    publisher: 'Associated Press',
    // The seed carries its headline and AP's copyright line; dated by its photo caption, Wednesday Nov. 27, 2024.
    title: 'US sanctions more allies of Maduro over alleged post-election crackdown in Venezuela',
    publishedAt: '2024-11-27',
    origin: 'Associated Press',
    tier: 1,
  },
  {
    sourceId: demoSourceIds.unidentifiedNov2024,
    // No outlet is named in the text; it reports the Nov. 27, 2024 round ("In a statement Wednesday").
    publisher: 'Unidentified outlet',
    title: '(headline unknown) report on the US Treasury sanctions of Nov. 27, 2024',
    publishedAt: '2024-11-27',
    // Its wording matches neither AP's nor CNN's story: an independent newsroom we cannot name.
    origin: 'unidentified outlet (seed 001)',
    tier: 3,
  },
  {
    sourceId: demoSourceIds.bloombergRelaySep2024,
    // Dated 2024-09-03 in the seed; it relays Bloomberg's reporting ("according to documents seen by
    // Bloomberg"), so the reporting newsroom, and with it the independence key, is Bloomberg.
    publisher: 'Unidentified outlet',
    title: "(headline unknown) report relaying Bloomberg's account of planned US sanctions, Sept. 3, 2024",
    publishedAt: '2024-09-03',
    origin: 'Bloomberg',
    tier: 3,
  },
  {
    sourceId: demoSourceIds.apApr2025,
    // Dated 2025-04-30 in the seed; AP photo credits; reports a Human Rights Watch report.
    publisher: 'Associated Press',
    title: "(headline unknown) AP report on Human Rights Watch's call for support of democratic change in Venezuela",
    publishedAt: '2025-04-30',
    origin: 'Associated Press',
    tier: 1,
  },
  {
    sourceId: demoSourceIds.cnnNov2024,
    // "CNN —" dateline; the sanctions it reports were announced Wednesday, Nov. 27, 2024.
    publisher: 'CNN',
    title: '(headline unknown) CNN report on the US sanctions of Nov. 27, 2024',
    publishedAt: '2024-11-27',
    origin: 'CNN',
    tier: 1,
  },
]

const persons = { unit: 'persons', kind: 'count' } as const

const facts: FactDefinedData[] = [
  {
    factId: demoFactIds.septemberRound,
    question: 'How many Maduro allies did the US sanction in its September 2024 round?',
    subject: 'US sanctions on allies of Nicolás Maduro, September 2024',
    ...persons,
    timeVarying: false,
  },
  {
    factId: demoFactIds.novemberRound,
    question: 'How many Maduro allies did the US Treasury sanction on 2024-11-27?',
    subject: 'US sanctions on allies of Nicolás Maduro, 2024-11-27',
    ...persons,
    timeVarying: false,
  },
  {
    // Easy to misfile as "the 15" of September: it is a part of the November 21.
    factId: demoFactIds.novemberSecurityLeaders,
    question: 'How many of the officials sanctioned on 2024-11-27 were leaders of Venezuelan security forces?',
    subject: 'US sanctions on Venezuelan security-force leaders, 2024-11-27',
    ...persons,
    timeVarying: false,
    subsetOf: demoFactIds.novemberRound,
  },
  {
    factId: demoFactIds.familyVisaRestrictions,
    question: 'On how many family members of Venezuelan officials did the State Department plan visa restrictions in September 2024?',
    subject: 'US visa restrictions on family members of Venezuelan officials, September 2024',
    ...persons,
    timeVarying: false,
  },
  {
    factId: demoFactIds.visaRestrictionsTotal,
    question: 'On how many people has the US imposed visa restrictions over the 2024 Venezuelan election and repression?',
    subject: 'US visa restrictions over Venezuela, running total',
    ...persons,
    timeVarying: true,
  },
  {
    factId: demoFactIds.sanctionedOfficialsTotal,
    question: 'How many current or former Venezuelan officials has the US sanctioned in total?',
    subject: 'US sanctions on Venezuelan officials, running total',
    ...persons,
    timeVarying: true,
  },
  {
    factId: demoFactIds.postElectionDetentions,
    question: 'How many people were arrested or detained in Venezuela in the days after the July 28, 2024 election?',
    subject: 'Post-election detentions in Venezuela, 2024',
    ...persons,
    timeVarying: false,
  },
  {
    factId: demoFactIds.maduroReward,
    question: 'What reward does the US offer for information leading to the arrest or conviction of Nicolás Maduro?',
    subject: 'US reward for information on Nicolás Maduro',
    unit: 'USD',
    kind: 'amount',
    timeVarying: false,
  },
]


export const demoFixture: { sources: SourceRegisteredData[]; facts: FactDefinedData[]; claims: ClaimRecordedData[] } = {
  sources,
  facts,
  claims: demoClaims,
}

export { demoFactIds, demoSeedFiles, demoSourceIds } from './fixture-ids.js'
export { demoClaimIds } from './fixture-claims.js'
