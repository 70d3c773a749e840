// One of the unit tier's two tap processes (run.mjs says why): scripts/test.sh unit runs both.
import { runTestFiles, unitShard } from './run.mjs'

await runTestFiles(unitShard(1, 2))
