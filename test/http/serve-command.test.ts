import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import t from 'tap'
import { compiledChildEnv } from '../helpers/tsx-child.js'

/** `factledger serve` as a user runs it: a real process, stopped with SIGTERM. */
t.test('factledger serve answers on the printed address and exits 0 on SIGTERM', async (t) => {
  const db = join(t.testdir(), 'ledger.db')
  const child = spawn(process.execPath, ['bin/factledger.js', 'serve', '--port', '0', '--db', db], {
    env: compiledChildEnv({ LOG_LEVEL: 'warn', FACTLEDGER_STORE: 'sqlite', FACTLEDGER_API_KEYS: '' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  let stderr = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
      const match = /factledger API on (http:\/\/[^\s]+)/.exec(stderr)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  const ready = (await (await fetch(`${url}/ready`)).json()) as { status: string; store: string; headPosition: string }
  t.match(ready, { status: 'ready', store: 'sqlite' })
  t.ok(BigInt(ready.headPosition) > 0n, 'the empty ledger got the demo corpus')
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const [code] = await exited
  t.equal(code, 0, `exit code 0 (${stderr.trim()})`)
})

t.test('factledger serve refuses a bad flag with exit code 2', async (t) => {
  const child = spawn(process.execPath, ['bin/factledger.js', 'serve', '--port', 'eighty'], { env: compiledChildEnv({ FACTLEDGER_API_KEYS: '' }), stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const [code] = await once(child, 'exit')
  t.equal(code, 2)
  t.match(stderr, /PORT/)
})
