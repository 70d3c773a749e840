import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import t from 'tap'
import { acquireRunnerLease, waitForRunnerLease } from '../../src/store/postgres/runner-lease.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'
import { tsxChildEnv } from '../helpers/tsx-child.js'

const db = await freshPostgresDatabase(t, 'lease')
const pool = new pg.Pool({ connectionString: db.connectionString, max: 6 })
// The database is dropped WITH (FORCE) at teardown, which terminates idle pool
// connections; that is expected, not a failure of the test.
pool.on('error', () => {})
t.teardown(() => pool.end())

async function advisoryHolders(): Promise<number[]> {
  const result = await pool.query<{ pid: number }>(
    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY pid",
  )
  return result.rows.map((r) => r.pid)
}

t.test('one process: the second acquirer of a name is refused until the first releases', async (t) => {
  const first = await acquireRunnerLease(pool, 'projections')
  const second = await acquireRunnerLease(pool, 'projections')
  t.equal(first.held, true, 'first holds')
  t.equal(second.held, false, 'second is refused')
  t.equal(second.lost.aborted, true, 'a lease not held is already "lost"')
  t.equal((await advisoryHolders()).length, 1, 'exactly one advisory lock is granted')
  await first.release()
  await first.release() // idempotent
  t.equal((await advisoryHolders()).length, 0, 'release unlocks')
  const third = await acquireRunnerLease(pool, 'projections')
  t.equal(third.held, true, 'free again after release')
  await third.release()
})

t.test('leases of different names do not exclude each other', async (t) => {
  const a = await acquireRunnerLease(pool, 'facts')
  const b = await acquireRunnerLease(pool, 'sources')
  t.strictSame([a.held, b.held], [true, true])
  await a.release()
  await b.release()
})

t.test('a held lease reports loss when its session is terminated', async (t) => {
  const lease = await acquireRunnerLease(pool, 'fragile', { heartbeatMs: 20 })
  t.equal(lease.held, true)
  const holders = await advisoryHolders()
  t.equal(holders.length, 1, 'only the lease holds an advisory lock')
  const terminated = await pool.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [holders[0]])
  t.equal(terminated.rows[0]!.ok, true, 'the session was terminated')
  // The loss may already have been noticed while the terminate query returned: an abort event fires once.
  if (!lease.lost.aborted) await new Promise((resolve) => lease.lost.addEventListener('abort', resolve, { once: true }))
  t.equal(lease.lost.aborted, true, 'lost aborts')
  await lease.release() // must not throw on a dead connection
  // pg_terminate_backend only signals the backend; its locks go when it has exited. Retry, bounded by count.
  let next = await acquireRunnerLease(pool, 'fragile')
  for (let attempt = 0; !next.held && attempt < 200; attempt++) {
    await new Promise((r) => setTimeout(r, 10))
    next = await acquireRunnerLease(pool, 'fragile')
  }
  t.equal(next.held, true, 'the lock died with the session: free for the next runner')
  await next.release()
})

t.test('waitForRunnerLease stops standing by when its signal aborts', async (t) => {
  const holder = await acquireRunnerLease(pool, 'busy')
  const ac = new AbortController()
  const attempts: number[] = []
  const waiting = await waitForRunnerLease(pool, 'busy', {
    retryMs: 10,
    signal: ac.signal,
    onStandby: (attempt) => {
      attempts.push(attempt)
      if (attempt === 3) ac.abort()
    },
  })
  t.equal(waiting.held, false, 'gave up without the lease')
  t.strictSame(attempts, [1, 2, 3])
  await holder.release()
})

const child = fileURLToPath(new URL('./postgres-lease-child.ts', import.meta.url))

interface Runner {
  process: ChildProcess
  /** Resolves with the first stdout line matching, rejects if the process exits first. */
  line(pattern: RegExp, onOther?: (line: string) => void): Promise<string>
}

function startRunner(name: string): Runner {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, db.connectionString, name], { stdio: ['ignore', 'pipe', 'inherit'], env: tsxChildEnv() })
  const lines = createInterface({ input: proc.stdout! })
  const seen: string[] = []
  const listeners = new Set<(line: string) => void>()
  lines.on('line', (line) => {
    seen.push(line)
    for (const l of [...listeners]) l(line)
  })
  return {
    process: proc,
    line(pattern, onOther) {
      return new Promise((resolve, reject) => {
        const already = seen.find((l) => pattern.test(l))
        if (already) return resolve(already)
        const onLine = (line: string) => {
          if (pattern.test(line)) {
            listeners.delete(onLine)
            proc.off('exit', onExit)
            resolve(line)
          } else onOther?.(line)
        }
        const onExit = (code: number | null, signal: string | null) =>
          reject(new Error(`runner exited (${code ?? signal}) before printing ${pattern}; it printed: ${seen.join(' | ')}`))
        listeners.add(onLine)
        proc.once('exit', onExit)
      })
    },
  }
}

t.test('two runner processes: one holds, the other stands by and takes over when the first is killed -9', async (t) => {
  const first = startRunner('projection-runner')
  t.teardown(() => void first.process.kill('SIGKILL'))
  const firstHeld = await first.line(/^held /)
  const firstPid = Number(firstHeld.split(' ')[1])
  t.strictSame(await advisoryHolders(), [firstPid], 'the first runner session holds the lock')

  const second = startRunner('projection-runner')
  t.teardown(() => void second.process.kill('SIGKILL'))
  await second.line(/^standby 2$/)
  t.strictSame(await advisoryHolders(), [firstPid], 'while the first lives, the second only stands by')

  const exited = new Promise((resolve) => first.process.once('exit', resolve))
  first.process.kill('SIGKILL')
  await exited
  // Bounded by attempts, not by time: the server must notice the dead session within 2000 retries.
  let standbys = 0
  const secondHeld = await second.line(/^held /, (line) => {
    if (line.startsWith('standby') && ++standbys > 2000) second.process.kill('SIGKILL')
  })
  const secondPid = Number(secondHeld.split(' ')[1])
  t.not(secondPid, firstPid, 'a different session')
  t.strictSame(await advisoryHolders(), [secondPid], 'the second runner now holds the lock, alone')
})
