import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
const db = process.argv[2]!
const fid = (new Database(db, { readonly: true }).prepare('SELECT fact_id FROM rm_claims GROUP BY fact_id HAVING count(*) = 7 LIMIT 1').pluck().get()) as string
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--import', 'tsx', 'bench/children/http-server-child.ts', 'product', db], { stdio: ['ignore', 'pipe', 'inherit'] })
const url: string = await new Promise((r) => child.stdout!.once('data', (d) => r(JSON.parse(String(d)).url)))
const res = await autocannon({ url: `${url}/facts/${fid}`, connections: 10, duration: 6 })
console.log(res.requests.average, res.non2xx, res.latency.p99)
child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r))
