import type { EventData } from '../../events/registry.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import { demoFactIds as fact, demoSourceIds as source } from './fixture-ids.js'

/**
 * The demo claims: one per figure a seed report states about a demo fact,
 * each with a short verbatim quote (a sentence at most; test/demo checks
 * every quote against its seed). Values are literal Quantities, written out
 * so the fixture does not depend on the parser.
 *
 * `validAt` is the world time the figure describes. Where the text gives no
 * date of its own, it is the report's date (the figure as it stood then);
 * "In September" is the month's last day, the earliest date the text
 * guarantees the figure was true.
 */
type ClaimRecordedData = EventData<'ClaimRecorded'>

const exact = (x: number): Quantity => ({
  text: String(x),
  hedge: 'exact',
  stated: [x],
  lower: x,
  upper: x,
  lowerInclusive: true,
  upperInclusive: true,
})

const unverified = (quote: string) => ({ quote, verified: false })

export const demoClaimIds = {
  septemberPlanned15: '0191b7c1-8a00-7000-8000-c1a100000001',
  septemberRealized16: '01936d7e-1600-7000-8000-c1a100000002',
  novemberAp21: '01936d7e-1600-7000-8000-c1a100000003',
  novemberUnidentified21: '01936d7e-1600-7000-8000-c1a100000004',
  novemberCnnMoreThan20: '01936d7e-1600-7000-8000-c1a100000005',
  securityLeaders15: '01936d7e-1600-7000-8000-c1a100000006',
  familyVisaPlanned34: '0191b7c1-8a00-7000-8000-c1a100000007',
  visaTotalNearly2000: '01936d7e-1600-7000-8000-c1a100000008',
  sanctionedTotal180: '01936d7e-1600-7000-8000-c1a100000009',
  arrestedMoreThan2400: '0191b7c1-8a00-7000-8000-c1a10000000a',
  detainedMoreThan2000: '01968691-6e00-7000-8000-c1a10000000b',
  rewardUpTo15Million: '01936d7e-1600-7000-8000-c1a10000000c',
} as const

export const demoClaims: ClaimRecordedData[] = [
  // The planned figure: "subject to change", and realized differently.
  {
    claimId: demoClaimIds.septemberPlanned15,
    factId: fact.septemberRound,
    sourceId: source.bloombergRelaySep2024,
    citation: unverified(
      'The Treasury Department is close to announcing 15 individual sanctions against officials affiliated with Maduro who allegedly “obstructed the holding of free and fair presidential elections,” according to documents seen by Bloomberg.',
    ),
    attributedTo: 'U.S. Treasury',
    via: ['documents seen by Bloomberg'],
    value: exact(15),
    modality: 'planned',
    validAt: '2024-09-03',
  },
  {
    claimId: demoClaimIds.septemberRealized16,
    factId: fact.septemberRound,
    sourceId: source.apNov2024,
    citation: unverified('In September, the U.S. government imposed sanctions against 16 allies of Maduro'),
    attributedTo: 'Associated Press',
    via: [],
    value: exact(16),
    modality: 'reported',
    validAt: '2024-09-30',
  },
  // The same round from three newsrooms: exact twice, hedged once.
  {
    claimId: demoClaimIds.novemberAp21,
    factId: fact.novemberRound,
    sourceId: source.apNov2024,
    citation: unverified('The United States has imposed sanctions on an additional 21 allies of Venezuelan President Nicolás Maduro'),
    attributedTo: 'U.S. Treasury',
    via: [],
    value: exact(21),
    modality: 'official',
    validAt: '2024-11-27',
  },
  {
    claimId: demoClaimIds.novemberUnidentified21,
    factId: fact.novemberRound,
    sourceId: source.unidentifiedNov2024,
    citation: unverified(
      'The U.S. Treasury Department sanctioned 21 security and Cabinet-level officials aligned with Venezuelan leader Nicolas Maduro',
    ),
    attributedTo: 'U.S. Treasury',
    via: [],
    value: exact(21),
    modality: 'official',
    validAt: '2024-11-27',
  },
  {
    claimId: demoClaimIds.novemberCnnMoreThan20,
    factId: fact.novemberRound,
    sourceId: source.cnnNov2024,
    citation: unverified(
      'The United States announced new individual sanctions Wednesday on more than 20 officials aligned with Venezuela’s authoritarian President Nicolas Maduro, to put pressure on Maduro to accept the results of Venezuela’s July presidential election, senior administration officials said in a briefing with reporters.',
    ),
    attributedTo: 'senior administration officials',
    via: [],
    value: { text: 'more than 20', hedge: 'more-than', stated: [20], lower: 20, upper: null, lowerInclusive: false, upperInclusive: false },
    modality: 'official',
    validAt: '2024-11-27',
  },
  // A part of the 21, not the September "15".
  {
    claimId: demoClaimIds.securityLeaders15,
    factId: fact.novemberSecurityLeaders,
    sourceId: source.unidentifiedNov2024,
    citation: unverified(
      'The group includes 15 leaders of the Bolivarian national guard, national police, national intelligence service members and the general directorate of military counterintelligence',
    ),
    attributedTo: 'Unidentified outlet',
    via: [],
    value: exact(15),
    modality: 'reported',
    validAt: '2024-11-27',
  },
  // Look-alike figures that are facts of their own.
  {
    claimId: demoClaimIds.familyVisaPlanned34,
    factId: fact.familyVisaRestrictions,
    sourceId: source.bloombergRelaySep2024,
    citation: unverified(
      'the State Department plans to impose visa restrictions on 34 family members of government officials, according to two people familiar with the matter',
    ),
    attributedTo: 'two people familiar with the matter',
    via: [],
    value: exact(34),
    modality: 'planned',
    validAt: '2024-09-03',
  },
  {
    claimId: demoClaimIds.visaTotalNearly2000,
    factId: fact.visaRestrictionsTotal,
    sourceId: source.unidentifiedNov2024,
    citation: unverified('The State Department said it also has taken steps to impose visa restrictions on nearly 2,000 people'),
    attributedTo: 'State Department',
    via: [],
    value: { text: 'nearly 2,000', hedge: 'nearly', stated: [2000], lower: 1800, upper: 2000, lowerInclusive: true, upperInclusive: false },
    modality: 'official',
    validAt: '2024-11-27',
  },
  {
    claimId: demoClaimIds.sanctionedTotal180,
    factId: fact.sanctionedOfficialsTotal,
    sourceId: source.unidentifiedNov2024,
    citation: unverified('The U.S. says it has now sanctioned 180 current or former Venezuelan officials'),
    attributedTo: 'U.S. government',
    via: [],
    value: exact(180),
    modality: 'official',
    validAt: '2024-11-27',
  },
  // Hedged counts that must be intersected, not averaged.
  {
    claimId: demoClaimIds.arrestedMoreThan2400,
    factId: fact.postElectionDetentions,
    sourceId: source.bloombergRelaySep2024,
    citation: unverified('more than 2,400 Venezuelans were arrested, including more than 100 minors'),
    attributedTo: 'Bloomberg',
    via: [],
    value: { text: 'more than 2,400', hedge: 'more-than', stated: [2400], lower: 2400, upper: null, lowerInclusive: false, upperInclusive: false },
    modality: 'reported',
    validAt: '2024-09-03',
  },
  {
    claimId: demoClaimIds.detainedMoreThan2000,
    factId: fact.postElectionDetentions,
    sourceId: source.apApr2025,
    citation: unverified('More than 2,000 people were detained in the days after the election'),
    attributedTo: 'Associated Press',
    via: [],
    value: { text: 'More than 2,000', hedge: 'more-than', stated: [2000], lower: 2000, upper: null, lowerInclusive: false, upperInclusive: false },
    modality: 'reported',
    validAt: '2025-04-30',
  },
  {
    claimId: demoClaimIds.rewardUpTo15Million,
    factId: fact.maduroReward,
    sourceId: source.cnnNov2024,
    citation: unverified('To this day, US prosecutors offer a reward of up to $15 million for information leading to the arrest or conviction of the Venezuelan strongman.'),
    attributedTo: 'U.S. prosecutors',
    via: [],
    value: {
      text: 'up to $15 million',
      hedge: 'up-to',
      stated: [15e6],
      lower: 0,
      upper: 15e6,
      lowerInclusive: true,
      upperInclusive: true,
      unit: 'USD',
    },
    modality: 'official',
    validAt: '2024-11-27',
  },
]
