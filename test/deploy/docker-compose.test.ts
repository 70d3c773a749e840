import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { parse } from 'yaml'
import { loadConfig } from '../../src/config.js'

/**
 * There is no Docker engine in CI, so `docker compose config` cannot run
 * here. These tests check what it would: the YAML parses, every reference
 * resolves, values have the types compose accepts; and what the design asks
 * of the file: KurrentDB (single node, insecure, projections, health check),
 * PostgreSQL 16 with a health check, the app built from the Dockerfile with
 * its store chosen by FACTLEDGER_STORE and waiting for healthy services, and
 * a commented three-node cluster that is itself valid.
 */
const root = fileURLToPath(new URL('../../', import.meta.url))
const composeText = readFileSync(`${root}docker-compose.yml`, 'utf8')

type Service = {
  image?: string
  build?: { context: string; dockerfile: string }
  environment?: Record<string, unknown>
  ports?: string[]
  volumes?: string[]
  depends_on?: Record<string, { condition: string }>
  healthcheck?: { test: string[] | string; interval?: string; timeout?: string; retries?: number; start_period?: string }
  restart?: string
}
type Compose = { name?: string; services: Record<string, Service>; volumes?: Record<string, unknown> }

/** Compose interpolation: ${VAR:-default} and ${VAR} from `env`, defaults otherwise. */
function interpolate(text: string, env: Record<string, string> = {}): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g, (_m, name: string, fallback?: string) => env[name] ?? fallback ?? '')
}

const compose = parse(interpolate(composeText), { merge: true }) as Compose
const services = compose.services

/** What `docker compose config` rejects, as a list of problems (empty when valid). */
function composeProblems(file: Compose): string[] {
  const problems: string[] = []
  const allowedTop = new Set(['name', 'services', 'volumes', 'networks', 'configs', 'secrets'])
  for (const key of Object.keys(file)) if (!allowedTop.has(key) && !key.startsWith('x-')) problems.push(`unknown top-level key ${key}`)
  const declaredVolumes = new Set(Object.keys(file.volumes ?? {}))
  const duration = /^\d+(ms|s|m|h)$/
  for (const [name, s] of Object.entries(file.services)) {
    if (!s.image && !s.build) problems.push(`${name}: neither image nor build`)
    for (const [target, dep] of Object.entries(s.depends_on ?? {})) {
      if (!file.services[target]) problems.push(`${name}: depends on unknown service ${target}`)
      if (!['service_started', 'service_healthy', 'service_completed_successfully'].includes(dep.condition)) problems.push(`${name}: bad condition ${dep.condition}`)
      if (dep.condition === 'service_healthy' && !file.services[target]?.healthcheck) problems.push(`${name}: waits for ${target} to be healthy, which has no health check`)
    }
    for (const volume of s.volumes ?? []) {
      const source = volume.split(':')[0]!
      if (!source.startsWith('.') && !source.startsWith('/') && !declaredVolumes.has(source)) problems.push(`${name}: volume ${source} is not declared`)
    }
    for (const port of s.ports ?? []) if (!/^(\d+(-\d+)?:)?\d+$/.test(String(port))) problems.push(`${name}: bad port ${port}`)
    for (const [key, value] of Object.entries(s.environment ?? {})) {
      if (!['string', 'number'].includes(typeof value) && value !== null) problems.push(`${name}: environment ${key} is a ${typeof value} (quote it)`)
    }
    const hc = s.healthcheck
    if (hc) {
      const test = Array.isArray(hc.test) ? hc.test : [hc.test]
      if (Array.isArray(hc.test) && !['CMD', 'CMD-SHELL', 'NONE'].includes(test[0]!)) problems.push(`${name}: healthcheck test must start with CMD or CMD-SHELL`)
      for (const field of ['interval', 'timeout', 'start_period'] as const) if (hc[field] !== undefined && !duration.test(hc[field]!)) problems.push(`${name}: healthcheck ${field} ${hc[field]}`)
    }
    if (s.restart && !['no', 'always', 'on-failure', 'unless-stopped'].includes(s.restart)) problems.push(`${name}: restart ${s.restart}`)
  }
  return problems
}

t.test('docker-compose.yml is a valid compose file: references resolve, values have compose types', async (t) => {
  t.equal(compose.name, undefined, 'no top-level name: Compose 1.29 (Debian) rejects it')
  t.strictSame(Object.keys(services).sort(), ['factledger', 'kurrentdb', 'postgres'])
  t.strictSame(composeProblems(compose), [])
})

t.test('the checker itself catches the usual mistakes', async (t) => {
  const broken = parse(`
services:
  app:
    environment: { FLAG: true }
    volumes: ["undeclared:/data"]
    depends_on: { db: { condition: service_healthy }, ghost: { condition: service_started } }
    healthcheck: { test: ["curl", "x"], interval: 5 }
  db: { image: postgres:16 }
`) as Compose
  t.strictSame(composeProblems(broken), [
    'app: neither image nor build',
    'app: waits for db to be healthy, which has no health check',
    'app: depends on unknown service ghost',
    'app: volume undeclared is not declared',
    'app: environment FLAG is a boolean (quote it)',
    'app: healthcheck test must start with CMD or CMD-SHELL',
    'app: healthcheck interval 5',
  ])
})

t.test('PostgreSQL 16 with a pg_isready health check', async (t) => {
  const pg = services.postgres!
  t.match(pg.image, /^postgres:16(\b|$)/)
  t.match(pg.healthcheck?.test, ['CMD-SHELL', /pg_isready -U factledger -d factledger/])
  t.equal(pg.environment?.POSTGRES_DB, 'factledger')
})

t.test('KurrentDB: single node, insecure for local use, projections on, health check', async (t) => {
  const kdb = services.kurrentdb!
  t.match(kdb.image, /^docker\.kurrent\.io\/kurrent-latest\/kurrentdb:/)
  t.match(kdb.environment, {
    KURRENTDB_CLUSTER_SIZE: '1',
    KURRENTDB_INSECURE: 'true',
    KURRENTDB_RUN_PROJECTIONS: 'All',
    KURRENTDB_START_STANDARD_PROJECTIONS: 'true',
  })
  t.match(kdb.healthcheck?.test, ['CMD-SHELL', /curl -fs http:\/\/localhost:2113\/health\/live/])
  t.strictSame(kdb.ports, ['2113:2113'])
})

t.test('the app is built from the Dockerfile and waits for healthy PostgreSQL and KurrentDB', async (t) => {
  const app = services.factledger!
  t.strictSame(app.build, { context: '.', dockerfile: 'Dockerfile' })
  t.strictSame(app.depends_on, { postgres: { condition: 'service_healthy' }, kurrentdb: { condition: 'service_healthy' } })
  t.match(app.healthcheck?.test, ['CMD', 'node', '-e', /\/health/])
  t.equal(app.environment?.HOST, '0.0.0.0', 'listens beyond the container')
  t.ok(app.volumes?.includes('factledger-data:/app/data'), 'the SQLite file / local read model survives restarts')
})

t.test('FACTLEDGER_STORE chooses the store, and every choice is a configuration the app accepts', async (t) => {
  t.equal(services.factledger!.environment?.FACTLEDGER_STORE, 'postgres', 'postgres unless told otherwise')
  for (const store of ['postgres', 'esdb', 'sqlite']) {
    const file = parse(interpolate(composeText, { FACTLEDGER_STORE: store }), { merge: true }) as Compose
    const env = Object.fromEntries(Object.entries(file.services.factledger!.environment!).map(([k, v]) => [k, v === null ? undefined : String(v)]))
    const config = loadConfig(env)
    t.equal(config.FACTLEDGER_STORE, store, `${store}: accepted by loadConfig`)
    if (store === 'postgres') t.equal(new URL(config.DATABASE_URL!).host, 'postgres:5432', 'DATABASE_URL names the postgres service')
    if (store === 'esdb') t.equal(new URL(config.FACTLEDGER_ESDB_URL!).host, 'kurrentdb:2113', 'FACTLEDGER_ESDB_URL names the kurrentdb service')
  }
})

t.test('the commented three-node KurrentDB cluster is valid compose once uncommented', async (t) => {
  const block = /# BEGIN three-node cluster\n([\s\S]*?)# END three-node cluster/.exec(composeText)
  t.ok(block, 'the example is there, between its markers')
  const yamlText = block![1]!.split('\n').map((line) => line.replace(/^# ?/, '')).join('\n')
  const cluster = parse(yamlText, { merge: true }) as Compose
  t.strictSame(Object.keys(cluster.services), ['kurrentdb1', 'kurrentdb2', 'kurrentdb3'])
  t.strictSame(composeProblems(cluster), [])
  for (const [name, node] of Object.entries(cluster.services)) {
    t.equal(node.environment?.KURRENTDB_CLUSTER_SIZE, '3', `${name}: cluster size 3`)
    const seeds = String(node.environment?.KURRENTDB_GOSSIP_SEED).split(',').map((s) => s.split(':')[0])
    t.strictSame(seeds.sort(), Object.keys(cluster.services).filter((other) => other !== name), `${name}: gossips with the other two`)
    t.ok(node.healthcheck, `${name}: health check`)
  }
  t.match(composeText, /FACTLEDGER_ESDB_URL: esdb:\/\/kurrentdb1:2113,kurrentdb2:2113,kurrentdb3:2113\?tls=false/, 'says how to point the app at it')
})

t.test('the Dockerfile builds dist/ on node:20-slim and runs it with the runtime dependencies and a health check', async (t) => {
  const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8')
  const stages = [...dockerfile.matchAll(/^FROM (\S+)(?: AS (\S+))?/gm)].map((m) => ({ image: m[1]!, name: m[2] }))
  const earlier = (i: number) => stages.slice(0, i).map((s) => s.name)
  t.ok(stages.length > 0 && stages.every((s, i) => s.image === 'node:20-slim' || earlier(i).includes(s.image)), 'every stage starts from node:20-slim or an earlier stage')
  t.match(dockerfile, /RUN npm ci --omit=dev/, 'installs the runtime dependencies from the lockfile')
  t.match(dockerfile, /RUN npm run build/, 'a build stage compiles dist/')
  t.match(dockerfile, /^COPY --from=build \/app\/dist \.\/dist$/m, 'the runtime stage carries dist/')
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies: Record<string, string> }
  t.ok(pkg.dependencies.tsx, 'tsx, which runs a checkout that was never built, is a runtime dependency (so --omit=dev keeps it)')
  t.match(dockerfile, /^HEALTHCHECK .*\n.*\/health/m)
  t.match(dockerfile, /^CMD \["node", "bin\/factledger\.js", "serve"\]$/m)
  t.match(dockerfile, /^USER node$/m, 'does not run as root')
})

t.test('.dockerignore keeps tests, data and git out, and everything the app runs from in', async (t) => {
  const patterns = readFileSync(`${root}.dockerignore`, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  const ignored = (path: string) =>
    patterns.some((p) => {
      const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`)
      return re.test(path)
    })
  for (const path of ['.git', 'node_modules', 'data', 'test', '.tap', '.env']) t.ok(ignored(path), `${path} is left out`)
  for (const path of ['src', 'events', 'projections', 'migrations/postgres', 'migrations/sqlite', 'bin', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
    t.notOk(ignored(path), `${path} is in the image`)
  }
})

t.test('docker-compose config accepts the file (a real Compose implementation, no engine needed)', async (t) => {
  const { spawnSync } = await import('node:child_process')
  const which = spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' })
  if (which.status !== 0) {
    t.fail("docker-compose is not installed: `apt-get install -y docker-compose` (npm test installs it when run as root)")
    return
  }
  for (const store of ['postgres', 'esdb', 'sqlite']) {
    const r = spawnSync('docker-compose', ['config', '-q'], { encoding: 'utf8', env: { ...process.env, FACTLEDGER_STORE: store } })
    t.equal(r.status, 0, `FACTLEDGER_STORE=${store}: ${r.stderr.trim()}`)
  }
})
