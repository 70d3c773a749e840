import type { FastifyRequest } from 'fastify'
import type { Logger } from 'pino'

/** Query parameters that carry credentials when a client puts a key in the URL (it should not, but some do). */
const SECRET_PARAMETER = /^(api[_-]?key|access[_-]?token|token|key|auth|authorization|password|secret|signature|sig)$/i

/** The URL with every credential parameter's value replaced by [redacted]; everything else exactly as sent. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q === -1) return url
  const pairs = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=')
    const name = eq === -1 ? pair : pair.slice(0, eq)
    let decoded = name
    try {
      decoded = decodeURIComponent(name)
    } catch {
      // A malformed escape in a name: match on it as sent.
    }
    return SECRET_PARAMETER.test(decoded) ? `${name}=[redacted]` : pair
  })
  return `${url.slice(0, q)}?${pairs.join('&')}`
}

/** fastify's request serializer, with the URL's credentials redacted. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }
}

/** A child logger whose request lines never carry a credential from the query string. */
export function withRedactedRequests(logger: Logger): Logger {
  return logger.child({}, { serializers: { req: serializeRequest } })
}
