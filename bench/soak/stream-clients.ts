import { connect, type Socket } from 'node:net'
import type { SoakCorpus } from './api-clients.js'
import { errorCode, type SoakStats } from './soak-stats.js'

const pause = (ms: number, stop: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    stop.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })

/**
 * One live-feed client: follows /events/live, notes when each event arrives,
 * and resumes with Last-Event-ID when the stream ends early (counted as an
 * error of "SSE stream").
 */
export async function sseClient(url: string, arrivals: Map<string, number>, stats: SoakStats, stop: AbortSignal): Promise<void> {
  let lastId: string | undefined
  while (!stop.aborted) {
    try {
      const response = await fetch(`${url}/events/live`, { headers: lastId ? { 'last-event-id': lastId } : {}, signal: stop })
      if (response.status !== 200) {
        stats.failed('SSE stream', String(response.status))
        await pause(1000, stop)
        continue
      }
      let buffer = ''
      const frames = response.body!.pipeThrough(new TextDecoderStream()).getReader()
      for (;;) {
        const chunk = await frames.read()
        if (chunk.done) break
        buffer += chunk.value
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const id = /^id: (\d+)$/m.exec(frame)?.[1]
          const data = /^data: (.*)$/m.exec(frame)?.[1]
          if (!id || !data) continue
          lastId = id
          arrivals.set((JSON.parse(data) as { id: string }).id, performance.now())
        }
      }
      if (!stop.aborted) stats.failed('SSE stream', 'ended')
    } catch (err) {
      if (!stop.aborted) stats.failed('SSE stream', errorCode(err))
    }
  }
}

/** Write sent → event on the feed, for every write the feed delivered, per SSE client. */
export function recordDelivery(corpus: SoakCorpus, arrivalsPerClient: ReadonlyArray<Map<string, number>>, stats: SoakStats): void {
  for (const arrivals of arrivalsPerClient) {
    for (const [eventId, sentAt] of corpus.sentAt) {
      const arrived = arrivals.get(eventId)
      if (arrived === undefined) stats.failed('SSE delivery (write sent → frame)', 'not delivered')
      else stats.ok('SSE delivery (write sent → frame)', arrived - sentAt)
    }
  }
}

function open(url: string): Socket {
  const { hostname, port } = new URL(url)
  return connect({ host: hostname, port: Number(port) })
}

/**
 * A slowloris client: sends a request's headers one line every few seconds
 * and never ends them. How long the server keeps such a connection is the
 * measure ("slowloris held"); then it reconnects.
 */
export async function slowlorisClient(url: string, stats: SoakStats, stop: AbortSignal): Promise<void> {
  while (!stop.aborted) {
    const opened = performance.now()
    const socket = open(url)
    socket.on('error', () => undefined)
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.write(`GET /facts HTTP/1.1\r\nHost: ${new URL(url).host}\r\n`)
    const trickle = setInterval(() => socket.write(`X-Soak-${Math.floor(performance.now())}: 1\r\n`), 5_000)
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    await Promise.race([closed, new Promise((resolve) => stop.addEventListener('abort', resolve, { once: true }))])
    clearInterval(trickle)
    if (stop.aborted) {
      stats.ok('slowloris still open at the end (held so far)', performance.now() - opened)
      socket.destroy()
      return
    }
    // The server closing it is the defence working; note what it answered.
    const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'closed without answer'
    stats.failed('slowloris held (until the server closed it)', status, performance.now() - opened)
  }
}

/**
 * A slow reader: asks for a large page of the event log and reads it a few
 * KiB at a time, so the server's socket buffer stays full. Its latency is
 * the whole body's.
 */
export async function slowReader(url: string, stats: SoakStats, stop: AbortSignal): Promise<void> {
  const kind = 'slow reader GET /events?limit=200 (whole body)'
  while (!stop.aborted) {
    const started = performance.now()
    const outcome = await new Promise<true | string>((resolve) => {
      const socket = open(url)
      let head = ''
      let bytes = 0
      socket.on('error', (err) => resolve(errorCode(err)))
      socket.on('data', (chunk: Buffer) => {
        if (head.length < 12) head += chunk.toString('latin1', 0, 12)
        bytes += chunk.length
        socket.pause()
        setTimeout(() => socket.resume(), 100)
      })
      socket.on('end', () => resolve(head.startsWith('HTTP/1.1 200') && bytes > 0 ? true : head.slice(9, 12) || 'empty'))
      // Cut off by the end of the soak: neither a success nor the server's failure.
      socket.on('close', () => resolve('cut off'))
      stop.addEventListener('abort', () => socket.destroy(), { once: true })
      socket.write(`GET /events?limit=200 HTTP/1.1\r\nHost: ${new URL(url).host}\r\nConnection: close\r\n\r\n`)
    })
    if (stop.aborted) return
    if (outcome === true) stats.ok(kind, performance.now() - started)
    else stats.failed(kind, outcome, performance.now() - started)
  }
}
