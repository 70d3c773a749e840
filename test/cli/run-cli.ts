import { PassThrough } from 'node:stream'
import { runCli } from '../../src/cli/main.js'

/** Run the CLI in-process with captured output. */
export async function cli(argv: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (c) => out.push(c))
  stderr.on('data', (c) => err.push(c))
  const code = await runCli(argv, { stdout, stderr, env: { LOG_LEVEL: 'silent', ...env }, interactive: false })
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }
}
