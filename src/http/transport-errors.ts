import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { MAX_ID_LENGTH } from '../../events/ids.js'
import { problem, PROBLEM_CONTENT_TYPE, problemType, sendProblem } from './problem.js'

/**
 * Errors fastify meets before a route runs (the router's), answered as
 * problem+json like every other error. Passed as fastify's `frameworkErrors`.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendProblem(reply, problem(414, 'UriTooLong', `a path parameter is longer than ${MAX_ID_LENGTH} characters; no id is that long`))
    return
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    const message = 'is not valid percent-encoding (UTF-8 bytes as %XX)'
    sendProblem(reply, problem(400, 'ValidationFailed', `the URL path ${message}`, { errors: [{ path: '', location: 'params', message }] }))
    return
  }
  reply.log.error({ err: error }, 'router failed')
  sendProblem(reply, problem(500, 'InternalError', `the server failed; quote request id ${reply.request.id} when reporting it`))
}

/**
 * Errors Node's HTTP parser meets before fastify sees a request (headers too
 * large, a malformed request line, a timeout): written straight to the
 * socket, as problem+json. Passed as fastify's `clientErrorHandler`.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, code, title, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HeadersTooLarge', 'Request Header Fields Too Large', 'the request headers are larger than the server accepts (16 KiB in all)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'RequestTimeout', 'Request Timeout', 'the request was not received in time']
        : [400, 'MalformedRequest', 'Bad Request', 'the request is not valid HTTP/1.1']
  const body = JSON.stringify({ type: problemType(code), title, status, detail, code })
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  }
  socket.destroy(error)
}
