import { createRequire } from 'node:module'
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import { validatorCompiler } from 'fastify-type-provider-zod'
import type { Logger } from 'pino'
import { createHeadSigner } from '../ledger/tamper/head-signer.js'
import { createIntegrityGuard } from '../ledger/tamper/integrity-guard.js'
import { type LedgerSigner, loadLedgerSigner } from '../ledger/tamper/signing-key.js'
import { registerAccessControl } from './auth/access.js'
import { createFailedAuthLimit } from './auth/failed-auth-limit.js'
import { openWindowCounter } from './limits/open-counter.js'
import { rateLimitStore } from './limits/rate-limit-store.js'
import type { WindowCounter } from './limits/window-counter.js'
import { createKeyring, parseBearer } from './auth/keyring.js'
import type { HttpDeps, HttpRuntime } from './deps.js'
import { MAX_ID_LENGTH } from '../../events/ids.js'
import { registerErrorHandling } from './error-handler.js'
import { registerJsonBodyParser } from './json-body.js'
import { createWriteHealth } from './write-health.js'
import { withRedactedRequests } from './log-redaction.js'
import { refuseUnknownQueryParameters } from './query-guard.js'
import { clientErrorHandler, frameworkErrors } from './transport-errors.js'
import { trackConnections } from './idle-connections.js'
import { htmlSafeSerializerCompiler, htmlSafeStringify } from './json-serializer.js'
import { requestIdOf } from './request-id.js'
import { registerApiDocs } from './routes/api-docs.js'
import { auditRoutes } from './routes/audit.js'
import { claimSourceReadRoutes } from './routes/claim-source-reads.js'
import { sourceSnapshotRoutes } from './routes/source-snapshots.js'
import { eventLogRoutes } from './routes/event-log.js'
import { factExportRoutes } from './routes/fact-exports.js'
import { factHistoryRoutes } from './routes/fact-history.js'
import { factReadRoutes } from './routes/fact-reads.js'
import { factReceiptRoutes } from './routes/fact-receipt.js'
import { healthRoutes } from './routes/health.js'
import { ledgerHeadRoutes } from './routes/ledger-heads.js'
import { ledgerRoutes } from './routes/ledger-proofs.js'
import { liveEventRoutes } from './routes/live-events.js'
import { sourceExtractRoutes } from './routes/source-extract.js'
import { sourceMaterialRoutes } from './routes/source-material.js'
import { writeRoutes } from './routes/writes.js'
import { apiHelmetOptions, registerSecurityHeaders } from './security-headers.js'
import { webPlugin } from '../web/plugin.js'
import { fromPackageRoot } from '../package-root.js'

const { version } = createRequire(import.meta.url)(fromPackageRoot('package.json')) as { version: string }

export interface AppOptions {
  /** Defaults to the runtime's logger. */
  logger?: Logger
  /** Largest JSON body in bytes (413 above it). Default 1 MiB. */
  bodyLimit?: number
  /** Largest body for source registration and revision, which may carry snapshot text. Default 16 MiB. */
  sourceBodyLimit?: number
  /** Requests per minute per API key (or per IP without one). Default FACTLEDGER_RATE_LIMIT. */
  rateLimitPerMinute?: number
  /** SSE heartbeat interval. Default 15 s. */
  heartbeatMs?: number
  /** How long a write waits for the read model before replying anyway. Default 10 s. */
  readYourWritesTimeoutMs?: number
  /** /ready answers 503 when the read model is further behind than this. Default 1000 events. */
  maxReadyLag?: bigint
  /** Author of ClaimReview exports. Default "factledger". */
  reviewer?: string
  /** Wrong API keys per client address per minute before 429. Default FACTLEDGER_AUTH_FAILURE_LIMIT. */
  authFailuresPerMinute?: number
  /** The rate-limit counters; default: opened from the configuration (Redis, PostgreSQL or memory), closed with the app. */
  counter?: WindowCounter
  /** The key tree heads are signed with. Default: FACTLEDGER_SIGNING_KEY, else the key file (created on first start). */
  signer?: LedgerSigner
}

/** A client that has not sent its headers within `ms` gets a 408; checked every `ms / 3` (at most 5 s). */
export function headersTimeoutOptions(ms: number): { headersTimeout: number; connectionsCheckingInterval: number } {
  return { headersTimeout: ms, connectionsCheckingInterval: Math.min(5_000, Math.ceil(ms / 3)) }
}

/**
 * The HTTP API: a fastify app whose routes are validated, serialized and
 * documented by zod schemas. It does not listen and does not own the
 * runtime: startServer (server.ts) does both; tests use inject().
 */
export async function buildApp(runtime: HttpRuntime, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = runtime
  const keyring = createKeyring(config.FACTLEDGER_API_KEYS)
  const timeoutMs = options.readYourWritesTimeoutMs ?? 10_000
  const logger = options.logger ?? runtime.logger
  const signer = options.signer ?? loadLedgerSigner(config, logger)
  const heads = createHeadSigner({
    tree: runtime.tree,
    treeStore: runtime.treeStore,
    signer,
    every: config.FACTLEDGER_HEAD_EVERY,
    intervalMs: config.FACTLEDGER_HEAD_INTERVAL * 1000,
    logger,
  })
  const integrity = createIntegrityGuard({ store: runtime.store, tree: runtime.tree, treeStore: runtime.treeStore, logger })
  await integrity.checkRecent()
  const deps: HttpDeps = {
    runtime,
    signer,
    heads,
    integrity,
    // The runner's own answer (false once its wait ran out) is the answer: a write that is not projected yet says so.
    waitForProjection: (position) => waitWithin(runtime.runner.waitFor(position, timeoutMs), timeoutMs),
    writeHealth: createWriteHealth(),
    liveStreams: new Set(),
    heartbeatMs: options.heartbeatMs ?? 15_000,
    maxReadyLag: options.maxReadyLag ?? 1000n,
    sourceBodyLimit: options.sourceBodyLimit ?? 16 * 1024 * 1024,
    reviewer: options.reviewer ?? 'factledger',
  }

  // Typed as the plain instance: the routes take their types from the zod provider, not from the logger.
  const app = Fastify({
    loggerInstance: withRedactedRequests(logger),
    genReqId: requestIdOf,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    // One id limit everywhere: any id the ledger stores fits in a path parameter.
    routerOptions: { maxParamLength: MAX_ID_LENGTH },
    frameworkErrors,
    clientErrorHandler,
    // Node's own default gives a client 60 s to send its headers and checks only every 30 s, so a
    // slowloris held a socket ~90 s; an explicit, shorter limit, checked often, frees those sockets.
    http: headersTimeoutOptions(config.FACTLEDGER_HEADERS_TIMEOUT * 1000),
  }) as unknown as FastifyInstance
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(htmlSafeSerializerCompiler)
  app.setReplySerializer(htmlSafeStringify)
  // Callback style, as every hook on the read path that need not wait: an async hook costs each request a promise and a microtask turn.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  registerErrorHandling(app)
  registerJsonBodyParser(app)
  refuseUnknownQueryParameters(app)

  registerSecurityHeaders(app, apiHelmetOptions)
  // Any web page may call the API: keys travel in the Authorization header, never in cookies.
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key', 'last-event-id', 'x-request-id'],
    exposedHeaders: ['etag', 'location', 'x-request-id', 'retry-after', 'idempotent-replayed', 'factledger-projection', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 600,
  })
  const counter = options.counter ?? (await openWindowCounter(config, runtime.logger))
  if (!options.counter) app.addHook('onClose', () => counter.close())
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? config.FACTLEDGER_RATE_LIMIT,
    timeWindow: 60_000,
    store: rateLimitStore(counter, 60_000),
    keyGenerator: (request) => {
      const bearer = parseBearer(request.headers.authorization)
      const principal = bearer.kind === 'token' ? keyring.authenticate(bearer.token) : null
      return principal ? principal.keyId : `ip:${request.ip}`
    },
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`more than ${context.max} requests in a minute; retry in ${context.after}`), { statusCode: context.statusCode, code: 'FST_ERR_RATE_LIMITED' }),
  })
  const failedAuth = createFailedAuthLimit(counter, { max: options.authFailuresPerMinute ?? config.FACTLEDGER_AUTH_FAILURE_LIMIT, windowMs: 60_000 })
  registerAccessControl(app, { keyring, publicReads: config.FACTLEDGER_PUBLIC_READS, failedAuth })
  await registerApiDocs(app, version)

  // Live feeds never end by themselves, and Node keeps some connections open after close():
  // end them, so close() waits only for the requests in flight (see idle-connections.ts).
  const connections = trackConnections(app.server)
  heads.start()
  let closing = false
  app.addHook('onClose', async () => {
    closing = true
    await heads.stop()
  })
  // The whole log, in the background: a long ledger must not delay start-up (the tail was checked above).
  integrity.verifyAll().catch((err: unknown) => {
    if (!closing) logger.error({ err }, 'the background ledger verification failed to run')
  })
  app.addHook('preClose', async () => {
    for (const controller of deps.liveStreams) controller.abort()
    connections.beginClosing()
  })

  await app.register(healthRoutes(deps))
  await app.register(factReadRoutes(deps))
  await app.register(factHistoryRoutes(deps))
  await app.register(factExportRoutes(deps))
  await app.register(factReceiptRoutes(deps))
  await app.register(claimSourceReadRoutes(deps))
  await app.register(sourceSnapshotRoutes(deps))
  await app.register(eventLogRoutes(deps))
  await app.register(liveEventRoutes(deps))
  await app.register(ledgerHeadRoutes(deps))
  await app.register(ledgerRoutes(deps))
  await app.register(writeRoutes(deps))
  await app.register(sourceExtractRoutes(deps))
  await app.register(sourceMaterialRoutes(deps))
  await app.register(auditRoutes(deps))
  await app.register(webPlugin)
  return app
}

async function waitWithin(projected: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([projected, timeout])
  } finally {
    clearTimeout(timer)
  }
}
