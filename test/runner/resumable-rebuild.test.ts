import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { loadDemo } from '../../src/demo/load-demo.js'
import { snapshotReadModel } from './read-model-snapshot.js'
import { openTestRuntime } from './runner-fixture.js'
import { tsxChildEnv } from '../helpers/tsx-child.js'

const childScript = fileURLToPath(new URL('./rebuild-child.ts', import.meta.url))

/** Run the rebuild child to its end (or its self-inflicted SIGKILL): its exit signal and the progress positions it printed. */
function runChild(path: string, kill?: bigint): Promise<{ signal: NodeJS.Signals | null; code: number | null; progress: bigint[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, path, ...(kill === undefined ? [] : [kill.toString()])], { stdio: ['ignore', 'pipe', 'inherit'], env: tsxChildEnv() })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const progress = [...out.matchAll(/^progress (\d+) \d+$/gm)].map((m) => BigInt(m[1]!))
      resolve({ code, signal, progress })
    })
  })
}

t.test('a rebuild killed halfway continues from its checkpoint when started again, and ends with the read model a whole rebuild gives', async (t) => {
  const { runtime, path, cleanup } = await openTestRuntime()
  t.teardown(cleanup)
  await runtime.runner.init()
  await loadDemo(runtime.ledger)
  await runtime.runner.catchUp()
  const whole = await snapshotReadModel(runtime)
  const head = await runtime.store.headPosition()
  const half = head / 2n

  const killed = await runChild(path, half)
  t.equal(killed.signal, 'SIGKILL', 'the first rebuild was killed')
  const left = await runtime.readModel.getCheckpoint()
  t.ok(left?.rebuilding, 'its checkpoint says a rebuild is under way')
  t.ok(left!.position >= half && left!.position < head, `it stopped halfway (at ${left?.position} of ${head})`)

  const resumed = await runChild(path)
  t.equal(resumed.code, 0, 'the second rebuild ran to its end')
  t.ok(resumed.progress[0]! > left!.position && resumed.progress[0]! <= left!.position + 5n, `its first batch follows the checkpoint (${resumed.progress[0]} after ${left!.position})`)
  t.equal(resumed.progress.at(-1), head)
  t.notOk((await runtime.readModel.getCheckpoint())?.rebuilding, 'the finished rebuild clears the flag')
  t.same(await snapshotReadModel(runtime), whole)
})
