/** Fixed ids of the demo corpus (see fixture.ts), shared by its sources, facts and claims. */
export const demoSourceIds = {
  apNov2024: '01936d7e-1600-7000-8000-5eed00000000',
  unidentifiedNov2024: '01936d7e-1600-7000-8000-5eed00000001',
  bloombergRelaySep2024: '0191b7c1-8a00-7000-8000-5eed00000002',
  apApr2025: '01968691-6e00-7000-8000-5eed00000003',
  cnnNov2024: '01936d7e-1600-7000-8000-5eed00000004',
} as const

/** Which seed text each source was written from (file names in ../shared/seeds). */
export const demoSeedFiles: Readonly<Record<string, string>> = {
  [demoSourceIds.apNov2024]: '000_bc7227d91226f422.txt',
  [demoSourceIds.unidentifiedNov2024]: '001_dc1372fab96f9022.txt',
  [demoSourceIds.bloombergRelaySep2024]: '002_ea9997eae0faef6f.txt',
  [demoSourceIds.apApr2025]: '003_3e6146b28c9ca425.txt',
  [demoSourceIds.cnnNov2024]: '004_eff8cb1bb795b641.txt',
}

export const demoFactIds = {
  septemberRound: 'us-sanctions-2024-09-round-count',
  novemberRound: 'us-sanctions-2024-11-round-count',
  novemberSecurityLeaders: 'us-sanctions-2024-11-security-leaders-count',
  familyVisaRestrictions: 'us-visa-restrictions-2024-09-family-members-count',
  visaRestrictionsTotal: 'us-visa-restrictions-venezuela-total',
  sanctionedOfficialsTotal: 'us-sanctioned-venezuelan-officials-total',
  postElectionDetentions: 'venezuela-post-election-detentions-2024',
  maduroReward: 'us-reward-maduro-arrest-usd',
} as const

