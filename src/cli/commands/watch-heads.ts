import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { verifyConsistency } from '../../ledger/tamper/merkle.js'
import { checkHeadSignature, parsePublicKey, SignedHead } from '../../ledger/tamper/signed-head.js'
import { type CliCommand, println } from '../io.js'
import { UsageError } from '../usage-error.js'

type Verdict = { ok: true; note: string } | { ok: false; problem: string }

const hex = (s: string) => Buffer.from(s, 'hex')

/**
 * `factledger watch-heads <url> [--dir DIR] [--every S] [--once]`: a gossip
 * auditor, as Certificate Transparency monitors are. It pins the server's
 * key on first contact, then at each round fetches the signed head and
 * checks it against the last one saved: same size, same root; otherwise a
 * consistency proof between the two, verified here against both saved
 * roots. A forked or rewritten log (two signed heads no append-only log can
 * both have) or a changed key fails loudly, exit code 1. Heads are kept in
 * DIR/heads.ndjson, so several watchers can compare what they were shown.
 */
export const watchHeadsCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { dir: { type: 'string' }, every: { type: 'string', default: '60' }, once: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length !== 1 || !/^https?:\/\//.test(positionals[0]!)) throw new UsageError('give the server URL: watch-heads http://host:3000 [--dir DIR] [--every SECONDS] [--once]')
  const every = Number(values.every)
  if (!Number.isInteger(every) || every < 1) throw new UsageError(`--every must be a whole number of seconds >= 1, got "${values.every}"`)
  const base = positionals[0]!.replace(/\/+$/, '')
  const dir = values.dir ?? join('watch-heads', new URL(base).host.replace(/[^a-z0-9.-]/gi, '_'))
  mkdirSync(dir, { recursive: true })

  for (;;) {
    const verdict = await round(base, dir).catch((error: unknown): Verdict => ({ ok: false, problem: `cannot check ${base}: ${(error as Error).message}` }))
    if (!verdict.ok) {
      println(io.stdout, `FORK OR REWRITE DETECTED at ${base}: ${verdict.problem}`)
      return 1
    }
    println(io.stdout, `${new Date().toISOString()} ${verdict.note}`)
    if (values.once) return 0
    await new Promise((resolve) => setTimeout(resolve, every * 1000))
  }
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${url} answered ${res.status}`)
  return res.json()
}

async function round(base: string, dir: string): Promise<Verdict> {
  const pinnedFile = join(dir, 'key.pem')
  const served = await (await fetch(`${base}/ledger/key.pem`)).text()
  if (!existsSync(pinnedFile)) writeFileSync(pinnedFile, served)
  const pinned = readFileSync(pinnedFile, 'utf8')
  if (served.trim() !== pinned.trim()) return { ok: false, problem: `the server's public key is not the one pinned in ${pinnedFile}` }
  const key = parsePublicKey(pinned)
  if (!key) return { ok: false, problem: `${pinnedFile} is not an Ed25519 public key` }

  const head = SignedHead.parse(await getJson(`${base}/ledger/head`))
  const signature = checkHeadSignature(head, key)
  if (!signature.ok) return { ok: false, problem: `head of size ${head.size}: ${signature.reason}` }
  const saved = savedHeads(dir)
  const last = saved.at(-1)
  if (!last) {
    appendFileSync(join(dir, 'heads.ndjson'), `${JSON.stringify(head)}\n`)
    return { ok: true, note: `first head saved: size ${head.size}, root ${head.rootHash}` }
  }
  if (head.size === last.size) {
    return head.rootHash === last.rootHash ? { ok: true, note: `unchanged at size ${head.size}` } : { ok: false, problem: `two signed heads of size ${head.size} with different roots: ${last.rootHash} (signed ${last.signedAt}) and ${head.rootHash} (signed ${head.signedAt})` }
  }
  const [older, newer] = head.size > last.size ? [last, head] : [head, last]
  const proof = (await getJson(`${base}/ledger/consistency?from=${older.size}&to=${newer.size}`)) as { proof?: unknown }
  const hashes = Array.isArray(proof.proof) && proof.proof.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) ? (proof.proof as string[]) : null
  if (!hashes || !verifyConsistency(older.size, newer.size, hex(older.rootHash), hex(newer.rootHash), hashes.map(hex))) {
    return { ok: false, problem: `the head of size ${newer.size} (root ${newer.rootHash}) does not extend the head of size ${older.size} (root ${older.rootHash}) signed ${older.signedAt}: no consistency proof links them` }
  }
  if (head.size < last.size) return { ok: true, note: `served an older head (size ${head.size}), consistent with the saved size ${last.size}` }
  appendFileSync(join(dir, 'heads.ndjson'), `${JSON.stringify(head)}\n`)
  return { ok: true, note: `size ${last.size} -> ${head.size}: consistent (proof of ${hashes.length} hashes verified)` }
}

function savedHeads(dir: string): SignedHead[] {
  const file = join(dir, 'heads.ndjson')
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => SignedHead.parse(JSON.parse(line)))
}

