import { errorCodes, type FastifyInstance } from 'fastify'

/** A body key that could reach an object's prototype: refused by name (fastify's own parser only says "not valid JSON"). */
export class ForbiddenKeyError extends Error {
  readonly statusCode = 400
  readonly code = 'FST_FACTLEDGER_FORBIDDEN_KEY'
  constructor(readonly key: string) {
    super(
      key === '__proto__'
        ? 'the body has a "__proto__" key, which is refused: it could change the prototype of the objects the server builds'
        : 'the body has a "constructor" object with a "prototype" key, which is refused: it could change the prototype of the objects the server builds',
    )
  }
}

/**
 * The JSON body parser: the same refusals as fastify's (prototype poisoning,
 * empty body), but each names what it refused, and a syntax error carries
 * JSON.parse's own position ("at position 12").
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string
    if (text.length === 0) return done(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY(), undefined)
    try {
      done(null, JSON.parse(text, refusePrototypeKeys))
    } catch (err) {
      if (err instanceof ForbiddenKeyError) return done(err, undefined)
      done(Object.assign(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), { detail: (err as Error).message }), undefined)
    }
  })
}

function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new ForbiddenKeyError(key)
  if (key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype')) throw new ForbiddenKeyError(key)
  return value
}
