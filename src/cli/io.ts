import type { Writable } from 'node:stream'

/** Where a command writes; tests pass buffers, main() passes the process streams. */
export interface CliIo {
  stdout: Writable
  stderr: Writable
  env: NodeJS.ProcessEnv
  /** Is stderr a terminal (show progress bars)? */
  interactive: boolean
}

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>

export function println(out: Writable, text = ''): void {
  out.write(`${text}\n`)
}
