import { randomFillSync } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { v7 as uuidv7 } from 'uuid'

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * The request id: the caller's x-request-id when it is a safe token (so a
 * gateway's id threads through our logs), otherwise a fresh UUIDv7. It is
 * logged with every line of the request, returned in x-request-id, and
 * becomes the correlation id of any event the request writes.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && SAFE_ID.test(given) ? given : pooledUuidv7()
}

// uuid's v7() calls crypto.getRandomValues for 16 bytes per id: through webcrypto to OpenSSL, whose
// fork check is a getpid system call each time, ~10 µs an id on the bench machine's VM (as much as
// the rest of a GET /facts/:id's JavaScript). The same CSPRNG fills a pool for 256 ids at a time
// instead, as Node's own crypto.randomUUID does.
const ID_BYTES = 16
const pool = new Uint8Array(ID_BYTES * 256)
let used = pool.length
const last = { msecs: Number.NEGATIVE_INFINITY, seq: 0 }

/** A UUIDv7 as uuid's v7() makes one, including its monotonic sequence within a millisecond, from pooled random bytes. */
export function pooledUuidv7(): string {
  if (used === pool.length) {
    randomFillSync(pool)
    used = 0
  }
  const random = pool.subarray(used, (used += ID_BYTES))
  // uuid's updateV7State, which it applies only when called without options.
  const now = Date.now()
  if (now > last.msecs) {
    last.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!
    last.msecs = now
  } else {
    last.seq = (last.seq + 1) | 0
    if (last.seq === 0) last.msecs++
  }
  return uuidv7({ random, msecs: last.msecs, seq: last.seq })
}
