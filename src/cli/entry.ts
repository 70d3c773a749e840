import { runCli } from './main.js'

/** The process entry: real streams, real exit code, unexpected faults logged as one JSON line. */
export async function main(): Promise<void> {
  try {
    const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, interactive: Boolean(process.stderr.isTTY) })
    process.exitCode = code
  } catch (err) {
    process.stderr.write(`factledger: ${(err as Error).stack ?? String(err)}\n`)
    process.exitCode = 1
  }
}
