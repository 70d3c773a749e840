import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { compiledChildEnv } from '../../helpers/tsx-child.js'

export interface ServedLedger {
  url: string
  child: ChildProcess
  /** The server's resident set size now, in bytes (Linux /proc). */
  rss(): number
  stop(): void
}

/** `factledger serve` on a SQLite file, as a child process; resolves once it listens. */
export async function serveChild(db: string, env: Record<string, string> = {}): Promise<ServedLedger> {
  const child = spawn(process.execPath, ['bin/factledger.js', 'serve', '--port', '0', '--db', db], {
    env: compiledChildEnv({ LOG_LEVEL: 'warn', FACTLEDGER_STORE: 'sqlite', FACTLEDGER_API_KEYS: '', FACTLEDGER_DEMO: 'false', ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk
      const match = /factledger API on (http:\/\/[^\s]+)/.exec(stderr)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  return {
    url,
    child,
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

/** Poll /ready until the read model has caught up with the whole log. */
export async function caughtUp(url: string): Promise<void> {
  for (;;) {
    const ready = (await (await fetch(`${url}/ready`)).json()) as { status: string; lag: string | null }
    if (ready.status === 'ready' && ready.lag === '0') return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
