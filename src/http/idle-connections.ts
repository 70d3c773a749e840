import type { Server } from 'node:http'
import type { Socket } from 'node:net'

/**
 * Counts requests in flight per connection, so shutdown ends every
 * connection as soon as it carries none. Node's server.close() drops only
 * the keep-alive connections idle at that moment: not one a client opened
 * and never used (HTTP clients pre-open them), nor one whose request
 * finishes after close() began, so close() would wait for those until the
 * keep-alive timeout (72 s in fastify).
 */
export function trackConnections(server: Server): { beginClosing(): void } {
  const inFlight = new Map<Socket, number>()
  let closing = false
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0)
    socket.once('close', () => inFlight.delete(socket))
  })
  server.on('request', (req, res) => {
    const socket = req.socket
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1)
    res.once('close', () => {
      const n = (inFlight.get(socket) ?? 1) - 1
      if (!inFlight.has(socket)) return
      inFlight.set(socket, n)
      // After the response is written: a FIN, not a reset, so the client reads it whole.
      if (closing && n === 0) socket.end()
    })
  })
  return {
    beginClosing() {
      closing = true
      for (const [socket, n] of inFlight) if (n === 0) socket.destroy()
    },
  }
}
