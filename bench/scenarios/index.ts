import type { BenchContext } from '../context.js'
import type { ScenarioResult } from '../results.js'
import { asOfQuery } from './as-of-query.js'
import { appendConcurrent } from './append-concurrent.js'
import { appendSingle } from './append-single.js'
import { httpGetFact } from './http-get-fact.js'
import { importBulk } from './import-bulk.js'
import { ledgerProofs } from './ledger-proofs.js'
import { postgres } from './postgres.js'
import { pgAsOfQuery } from './postgres-as-of.js'
import { rebuild } from './rebuild.js'

export interface ScenarioGroup {
  name: string
  run(ctx: BenchContext): Promise<ScenarioResult[]>
}

/** In the order they run: cheap appends first, then the scenarios that share the generated ledger. */
export const scenarios: ScenarioGroup[] = [
  { name: 'appendSingle', run: appendSingle },
  { name: 'appendConcurrent', run: appendConcurrent },
  { name: 'importBulk', run: importBulk },
  { name: 'rebuild', run: rebuild },
  { name: 'httpGetFact', run: httpGetFact },
  { name: 'asOfQuery', run: asOfQuery },
  { name: 'ledgerProofs', run: ledgerProofs },
  { name: 'postgres', run: postgres },
  { name: 'pgAsOfQuery', run: pgAsOfQuery },
]
