// Half the unit tier in one tap process (run.mjs says why): scripts/test.sh unit runs both halves.
import { runTestFiles, unitShard } from './run.mjs'

await runTestFiles(unitShard(2, 2))
