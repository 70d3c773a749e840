import { generateKeyPairSync } from 'node:crypto'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { loadConfig } from '../../src/config.js'
import { type AppOptions, buildApp } from '../../src/http/app.js'
import { createLedgerSigner, type LedgerSigner } from '../../src/ledger/tamper/signing-key.js'
import { openRuntime, type Runtime } from '../../src/runtime.js'
import type { Backend } from '../../src/backend/open-backend.js'
import { createMemoryBackend } from '../helpers/memory-read-model.js'

/** Test-only: an API over an in-memory ledger, with one key per role and a seeded corpus. */
export const keys = {
  reader: 'reader-key-000000000000',
  editor: 'editor-key-000000000000',
  admin: 'admin-key-0000000000000',
} as const

export const bearer = (role: keyof typeof keys) => ({ authorization: `Bearer ${keys[role]}` })
export const jsonWrite = (role: keyof typeof keys, extra: Record<string, string> = {}) => ({ ...bearer(role), 'content-type': 'application/json', ...extra })

/** One throwaway signing key per test process: tests never write a key file unless they mean to. */
export const testSigner: LedgerSigner = createLedgerSigner(generateKeyPairSync('ed25519').privateKey)

export interface TestApi {
  app: FastifyInstance
  runtime: Runtime
  /** Every log line the app wrote, as text. */
  logs: string[]
  /** Resolves once a log line matches (at once if one already did). */
  waitForLog(pattern: RegExp): Promise<string>
  head(): Promise<bigint>
}

export async function createTestApi(env: Record<string, string> = {}, options: AppOptions = {}, backend: Backend = createMemoryBackend()): Promise<TestApi> {
  const config = loadConfig({
    FACTLEDGER_API_KEYS: `${keys.reader}:reader,${keys.editor}:editor,${keys.admin}:admin`,
    LOG_LEVEL: 'info',
    ...env,
  })
  const logs: string[] = []
  const waiting = new Set<{ pattern: RegExp; resolve: (line: string) => void }>()
  const sink = new Writable({
    write(chunk, _enc, done) {
      const line = String(chunk)
      logs.push(line)
      for (const w of waiting) {
        if (!w.pattern.test(line)) continue
        waiting.delete(w)
        w.resolve(line)
      }
      done()
    },
  })
  const waitForLog = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const found = logs.find((line) => pattern.test(line))
      if (found) resolve(found)
      else waiting.add({ pattern, resolve })
    })
  const logger = pino({ level: 'info', redact: { paths: ['req.headers.authorization'], censor: '[redacted]' } }, sink)
  const runtime = await openRuntime(config, logger, backend)
  await runtime.runner.init()
  runtime.runner.start()
  const app = await buildApp(runtime, { signer: testSigner, ...options })
  return { app, runtime, logs, waitForLog, head: () => runtime.store.headPosition() }
}

export async function closeTestApi(api: TestApi): Promise<void> {
  await api.app.close()
  await api.runtime.close()
}

export const ids = {
  reuters: '01920000-0000-7000-8000-000000000001',
  ap: '01920000-0000-7000-8000-000000000002',
  bloomberg: '01920000-0000-7000-8000-000000000003',
  fact: 'us-sanctions-2024-11-round-count',
  claimReuters: '01920000-0000-7000-8000-0000000000c1',
  claimAp: '01920000-0000-7000-8000-0000000000c2',
  claimBloomberg: '01920000-0000-7000-8000-0000000000c3',
}

/** A small corpus through the real commands: one fact, three sources, three claims ("21", "21", "more than 20"). */
export async function seed(runtime: Runtime): Promise<void> {
  const ctx = { actor: 'seed', role: 'system' as const }
  const ok = async (p: Promise<{ ok: boolean }>) => {
    const r = await p
    if (!r.ok) throw new Error(`seed failed: ${JSON.stringify(r)}`)
  }
  const source = (sourceId: string, publisher: string, publishedAt: string) => ({
    sourceId,
    publisher,
    title: `${publisher}: US sanctions 21 Maduro allies`,
    url: `https://example.org/${publisher.toLowerCase()}/sanctions`,
    publishedAt,
    origin: publisher.toLowerCase(),
    tier: 2,
  })
  await ok(runtime.ledger.registerSource(ctx, source(ids.reuters, 'Reuters', '2024-11-27')))
  await ok(runtime.ledger.registerSource(ctx, source(ids.ap, 'AP', '2024-11-28')))
  await ok(runtime.ledger.registerSource(ctx, source(ids.bloomberg, 'Bloomberg', '2024-11-29')))
  await ok(
    runtime.ledger.defineFact(ctx, {
      factId: ids.fact,
      question: 'How many Maduro allies did the US Treasury sanction on 2024-11-27?',
      subject: 'US sanctions, late-November 2024 round',
      unit: 'persons',
      kind: 'count',
    }),
  )
  const claim = (claimId: string, sourceId: string, value: string) => ({
    claimId,
    factId: ids.fact,
    sourceId,
    citation: { quote: `The Treasury sanctioned ${value} officials` },
    attributedTo: 'U.S. Treasury',
    value,
    modality: 'official' as const,
    validAt: '2024-11-27',
  })
  await ok(runtime.ledger.recordClaim(ctx, claim(ids.claimReuters, ids.reuters, '21')))
  await ok(runtime.ledger.recordClaim(ctx, claim(ids.claimAp, ids.ap, '21')))
  await ok(runtime.ledger.recordClaim(ctx, claim(ids.claimBloomberg, ids.bloomberg, 'more than 20')))
  await runtime.runner.waitFor(await runtime.store.headPosition())
}
