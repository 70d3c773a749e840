/** Test-only: a minimal server-sent-events reader over fetch, frame by frame. */
export interface SseFrame {
  id?: string
  event?: string
  data?: string
  /** Comment lines (": heartbeat"). */
  comments: string[]
}

export interface SseConnection {
  status: number
  headers: Headers
  /** The next frame; null when the server ended the stream. */
  next(): Promise<SseFrame | null>
  /** The next frame that carries an event (skipping comment-only frames). */
  nextEvent(): Promise<SseFrame | null>
  close(): void
}

export async function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal })
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  async function next(): Promise<SseFrame | null> {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        return parse(block)
      }
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }))
      if (chunk.done) return null
      buffer += chunk.value
    }
  }
  return {
    status: res.status,
    headers: res.headers,
    next,
    async nextEvent() {
      for (;;) {
        const frame = await next()
        if (frame === null || frame.data !== undefined) return frame
      }
    },
    close: () => controller.abort(),
  }
}

function parse(block: string): SseFrame {
  const frame: SseFrame = { comments: [] }
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comments.push(line.slice(1).trim())
    else {
      const at = line.indexOf(':')
      const field = line.slice(0, at)
      const value = line.slice(at + 1).replace(/^ /, '')
      if (field === 'id' || field === 'event') frame[field] = value
      else if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`
    }
  }
  return frame
}
