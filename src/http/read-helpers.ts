import type { FastifyReply } from 'fastify'
import type { Clocks } from '../read/clocks.js'
import { decodeCursor } from './cursor.js'
import { problem, sendProblem } from './problem.js'

/** The clocks a query asked for, without the absent ones (the fact queries treat "present" as "asked"). */
export function clocksOf(query: { asOf?: bigint | string | undefined; knownAt?: string | undefined; validAt?: string | undefined }): Clocks {
  return {
    ...(query.asOf !== undefined ? { asOf: query.asOf } : {}),
    ...(query.knownAt !== undefined ? { knownAt: query.knownAt } : {}),
    ...(query.validAt !== undefined ? { validAt: query.validAt } : {}),
  }
}

/** Decode a page cursor, or answer 400 naming the parameter. */
export function afterOf(cursor: string | undefined, reply: FastifyReply): { ok: true; after?: string } | { ok: false } {
  if (cursor === undefined) return { ok: true }
  const after = decodeCursor(cursor)
  if (after !== null) return { ok: true, after }
  badCursor(reply)
  return { ok: false }
}

/** Read a page; a cursor the read model cannot use (RangeError, by the port's adapters' convention) is a 400, not a 500. */
export async function pageOrBadCursor<T>(reply: FastifyReply, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read()
  } catch (err) {
    if (!(err instanceof RangeError)) throw err
    badCursor(reply)
    return undefined
  }
}

export function badCursor(reply: FastifyReply): void {
  const message = 'cursor is not one this API issued; pass the `next` value of the previous page unchanged'
  sendProblem(reply, problem(400, 'ValidationFailed', message, { errors: [{ path: 'cursor', location: 'query', message }] }))
}

/** A cursor whose key must be a ledger position: decoded, or 400 naming `cursor`. */
export function positionAfter(cursor: string | undefined, reply: FastifyReply): { ok: true; after: bigint } | { ok: false } {
  const after = afterOf(cursor, reply)
  if (!after.ok) return after
  if (after.after === undefined) return { ok: true, after: 0n }
  if (/^\d{1,19}$/.test(after.after)) return { ok: true, after: BigInt(after.after) }
  badCursor(reply)
  return { ok: false }
}

export const notFound = (reply: FastifyReply, what: string) => sendProblem(reply, problem(404, 'NotFound', `${what} does not exist`))
