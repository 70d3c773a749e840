import { loadConfig } from '../config.js'
import { createLogger } from '../logger.js'
import { openRuntime, type Runtime } from '../runtime.js'
import type { CliIo } from './io.js'

/** Open the configured ledger and bring its read model up to date. */
export async function openForCli(io: CliIo, overrides: Record<string, string | undefined> = {}): Promise<Runtime> {
  const env = { ...io.env, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) }
  const config = loadConfig(env)
  const logger = createLogger(env.LOG_LEVEL ?? 'warn')
  const runtime = await openRuntime(config, logger)
  await runtime.runner.init()
  await runtime.runner.catchUp()
  return runtime
}
