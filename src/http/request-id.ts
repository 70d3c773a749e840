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
  return typeof given === 'string' && SAFE_ID.test(given) ? given : uuidv7()
}
