import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import t from 'tap'
import { compiledChildEnv } from '../helpers/tsx-child.js'
import { demoClaimIds } from '../../src/demo/fixture.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'

const EDITOR_KEY = 'two-instances-editor-key-0001'

function serve(databaseUrl: string): { child: ChildProcess; url: Promise<string>; log: () => string } {
  const child = spawn(process.execPath, ['bin/factledger.js', 'serve', '--port', '0'], {
    env: compiledChildEnv({ LOG_LEVEL: 'info', FACTLEDGER_STORE: 'postgres', DATABASE_URL: databaseUrl, FACTLEDGER_API_KEYS: `${EDITOR_KEY}:editor` }),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const url = new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk
      const match = /factledger API on (http:\/\/[^\s]+)/.exec(stderr)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  return { child, url, log: () => stderr }
}

t.test('two serve processes on one PostgreSQL: one projects; kill -9 it and the other takes over', async (t) => {
  const db = await freshPostgresDatabase(t, 'serve2')
  const first = serve(db.connectionString)
  t.teardown(() => void (first.child.exitCode === null && first.child.kill('SIGKILL')))
  const firstUrl = await first.url
  const second = serve(db.connectionString)
  t.teardown(() => void (second.child.exitCode === null && second.child.kill('SIGKILL')))
  const secondUrl = await second.url
  t.match(first.log(), /holding the runner lease; projecting/)
  t.match(second.log(), /another process runs the projections; standing by/)
  t.notMatch(second.log(), /holding the runner lease/)

  // Both serve the same read model; a write through the standby is projected by the leader.
  const fact = (await (await fetch(`${secondUrl}/facts/us-sanctions-2024-11-round-count`)).json()) as { display: string }
  t.equal(fact.display, '21')

  const exited = once(first.child, 'exit')
  first.child.kill('SIGKILL')
  await exited
  const dispute = await fetch(`${secondUrl}/claims/${demoClaimIds.novemberAp21}/disputes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${EDITOR_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'recount after the leader died' }),
  })
  t.equal(dispute.status, 200, `the write succeeds once the standby has taken over and projected it: ${dispute.status} ${await dispute.clone().text()}`)
  t.equal(dispute.headers.get('factledger-projection'), null, 'and it was projected, not left pending')
  t.match(second.log(), /holding the runner lease; projecting/)
  const claim = (await (await fetch(`${secondUrl}/claims/${demoClaimIds.novemberAp21}`)).json()) as { claim: { disputes: Array<{ reason: string }> } }
  t.same(claim.claim.disputes.map((d) => d.reason), ['recount after the leader died'])
  t.ok(firstUrl !== secondUrl)
})
