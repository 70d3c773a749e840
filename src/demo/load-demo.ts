import type { CommandContext } from '../ledger/context.js'
import type { Ledger } from '../ledger/create-ledger.js'
import type { CommandResult } from '../ledger/result.js'
import { demoFixture } from './fixture.js'

/**
 * Record the demo corpus through the ledger's own commands, exactly as an
 * editor would. Each command carries an Idempotency-Key derived from the
 * fixture's ids, so loading twice writes nothing the second time.
 */
export async function loadDemo(ledger: Ledger): Promise<{ written: number; skipped: number }> {
  let written = 0
  let skipped = 0
  const ctx = (key: string): CommandContext => ({ actor: 'factledger-demo', role: 'system', idempotencyKey: `demo:${key}` })
  const settle = (what: string, result: CommandResult) => {
    if (!result.ok) throw new Error(`demo fixture: ${what}: ${result.error.message}`)
    if (result.duplicate) skipped++
    else written++
  }
  for (const { snapshot, ...source } of demoFixture.sources) {
    const input = { ...source, ...(snapshot ? { snapshotText: snapshot.text } : {}) }
    settle(`source ${source.sourceId}`, await ledger.registerSource(ctx(`source:${source.sourceId}`), input))
  }
  // Parents first: a fact that is a subset of another needs the other to exist.
  const facts = [...demoFixture.facts].sort((a, b) => Number(Boolean(a.subsetOf)) - Number(Boolean(b.subsetOf)))
  for (const fact of facts) settle(`fact ${fact.factId}`, await ledger.defineFact(ctx(`fact:${fact.factId}`), fact))
  for (const { citation, ...claim } of demoFixture.claims) {
    const { verified: _verified, ...cited } = citation
    settle(`claim ${claim.claimId}`, await ledger.recordClaim(ctx(`claim:${claim.claimId}`), { ...claim, citation: cited }))
  }
  return { written, skipped }
}
