import type { Writable } from 'node:stream'

/**
 * What the bench is doing, on stderr. On a terminal the current step is one
 * line rewritten in place; piped (CI), only finished steps are printed, so
 * logs stay short. Results go to stdout, never here.
 */
export function createBenchProgress(out: Writable, interactive: boolean) {
  let current = ''
  const started = performance.now()
  const clock = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s`
  const clear = () => {
    if (interactive && current) out.write(`\r\x1b[2K`)
    current = ''
  }
  return {
    /** A step under way (rewritten in place on a terminal). */
    status(text: string): void {
      if (!interactive) return
      current = `${clock()}  ${text}`
      out.write(`\r\x1b[2K${current}`)
    },
    /** A finished step: always printed, on its own line. */
    done(text: string): void {
      clear()
      out.write(`${clock()}  ${text}\n`)
    },
    end(): void {
      clear()
    },
  }
}

export type BenchProgress = ReturnType<typeof createBenchProgress>
