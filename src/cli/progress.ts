import cliProgress from 'cli-progress'
import type { CliIo } from './io.js'

/** A progress bar on a terminal; silence when piped (CI logs stay readable). */
export function createProgress(io: CliIo, label: string) {
  if (!io.interactive) return { update: (_done: bigint | number, _total: bigint | number) => {}, stop: () => {} }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left`, stream: io.stderr as NodeJS.WriteStream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  return {
    update(done: bigint | number, total: bigint | number) {
      if (!started) {
        bar.start(Number(total), 0)
        started = true
      }
      bar.setTotal(Number(total))
      bar.update(Number(done))
    },
    stop: () => started && bar.stop(),
  }
}
