import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { problem, sendProblem } from './problem.js'
import type { FieldError, FieldLocation, Problem } from './schemas/problem.js'

const locations: Record<string, FieldLocation> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' }

const byFastifyCode: Record<string, (e: FastifyError) => Problem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (e) => problem(400, 'MalformedJson', `the body is not valid JSON${'detail' in e ? `: ${String(e.detail)}` : ''}`),
  FST_FACTLEDGER_FORBIDDEN_KEY: (e) => problem(400, 'ForbiddenKey', e.message),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => problem(400, 'ValidationFailed', 'the body is empty; send a JSON object', { errors: [{ path: '', location: 'body', message: 'a JSON body is required' }] }),
  FST_ERR_CTP_BODY_TOO_LARGE: (e) => problem(413, 'PayloadTooLarge', e.message),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => problem(415, 'UnsupportedMediaType', 'send the body as application/json'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => problem(400, 'ValidationFailed', 'the Content-Length header does not match the body'),
  FST_ERR_RATE_LIMITED: (e) => problem(429, 'RateLimited', e.message),
}

/**
 * Every error leaves as application/problem+json. Expected client errors
 * are explained; anything else is logged with its stack and answered with a
 * generic 500 that carries only the request id.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = locations[error.validationContext ?? 'body'] ?? 'body'
      const errors: FieldError[] = error.validation.flatMap((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.')
        // An unknown field is reported at its own path, so a form can mark it.
        const unknown = v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys) ? (v.params.keys as string[]) : null
        if (unknown) return unknown.map((key) => ({ path: path ? `${path}.${key}` : key, location, message: 'is not a known field' }))
        return [{ path, location, message: v.message ?? 'is not valid' }]
      })
      const detail = errors.map((e) => `${e.location}${e.path ? `.${e.path}` : ''}: ${e.message}`).join('; ')
      return sendProblem(reply, problem(400, 'ValidationFailed', detail, { errors }))
    }
    const known = error.code ? byFastifyCode[error.code] : undefined
    if (known) return sendProblem(reply, known(error))
    if (isResponseSerializationError(error) || !error.statusCode || error.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed')
      return sendProblem(reply, problem(500, 'InternalError', `the server failed; quote request id ${request.id} when reporting it`))
    }
    if (error.statusCode === 503) return sendProblem(reply, problem(503, 'ServiceUnavailable', error.message))
    return sendProblem(reply, problem(error.statusCode, error.statusCode === 400 ? 'ValidationFailed' : 'RequestRefused', error.message))
  })

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'NotFound', `no route ${request.method} ${request.url.split('?')[0]}`)),
  )
}
