import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'

export interface SoakServer {
  url: string
  pid: number
  /** The server's resident set size now, in MiB (Linux /proc). */
  rssMiB(): number
  /** What it logged at warn and above, for the report. */
  warnings(): string[]
  /** SIGTERM, as an operator stops it; resolves with its exit code once it has shut down. */
  stop(): Promise<number | null>
}

export const SOAK_EDITOR_KEY = 'soak-editor-key-000000000001'

/**
 * `factledger serve` on loopback, as a separate process, so the load
 * generator does not share its event loop and its RSS is the server's alone.
 * The demo corpus gives the readers facts from the start; the rate limit is
 * raised because all the load comes from one address.
 */
export async function startSoakServer(env: Record<string, string>): Promise<SoakServer> {
  const child = spawn(process.execPath, ['bin/factledger.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, LOG_LEVEL: 'warn', FACTLEDGER_API_KEYS: `${SOAK_EDITOR_KEY}:editor`, FACTLEDGER_RATE_LIMIT: '1000000000', FACTLEDGER_DEMO: 'true', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const warnings: string[] = []
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      const lines = stderr.split('\n')
      stderr = lines.pop()!
      for (const line of lines) {
        const match = /factledger API on (http:\/\/[^\s]+)/.exec(line)
        if (match) resolve(match[1]!)
        else if (line.startsWith('{') && warnings.length < 1000) warnings.push(line)
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${[...warnings, stderr].join('\n')}`)))
  })
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>
  // A soak that dies (an error, a closed pipe) must not leave its server running.
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'))
  return {
    url,
    pid: child.pid!,
    rssMiB: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    warnings: () => warnings,
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const [code] = await exited
      return code
    },
  }
}
