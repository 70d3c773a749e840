// Start-up time of `factledger serve`: from spawning the process to /ready
// answering 200, on a fresh empty SQLite ledger (FACTLEDGER_DEMO=false, so the
// demo load is not measured). Compares the sources under tsx with dist/.
//
//   npm run build && node bench/start-time.mjs [runs]     (default 7 runs each)
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const runs = Number(process.argv[2] ?? 7)
const bin = new URL('../bin/factledger.js', import.meta.url).pathname

async function startOnce(fromSource) {
  const dir = mkdtempSync(join(tmpdir(), 'factledger-start-'))
  const began = process.hrtime.bigint()
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', join(dir, 'ledger.db')], {
    env: { ...process.env, LOG_LEVEL: 'warn', FACTLEDGER_STORE: 'sqlite', FACTLEDGER_DEMO: 'false', FACTLEDGER_API_KEYS: '', FACTLEDGER_FROM_SOURCE: fromSource ? '1' : '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      const match = /factledger API on (http:\/\/\S+)/.exec(stderr)
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  for (;;) {
    const res = await fetch(`${url}/ready`).catch(() => null)
    if (res?.status === 200) break
  }
  const ms = Number(process.hrtime.bigint() - began) / 1e6
  child.kill('SIGTERM')
  await once(child, 'exit')
  rmSync(dir, { recursive: true, force: true })
  return ms
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b)
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  return `mean ${mean.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms (${times.length} runs)`
}

for (const [label, fromSource] of [['tsx (sources)', true], ['node (dist/)', false]]) {
  const times = []
  for (let i = 0; i < runs; i++) times.push(await startOnce(fromSource))
  process.stdout.write(`${label.padEnd(14)} ${summary(times)}\n`)
}
