import { createHash } from 'node:crypto'
import type { TestApi } from '../harness.js'
import { jsonWrite } from '../harness.js'

/**
 * A newsroom's own story, told through the HTTP API as a desk would: Storm
 * Ilse. A wire story and its same-day reprint, a rising toll, an official
 * count replacing an estimate, an outlet correcting its own figure days
 * later, and a genuine conflict. Not from the seed corpus.
 */
export const day = { one: '2026-02-01', two: '2026-02-02', four: '2026-02-04', five: '2026-02-05' } as const

export const wireText =
  'Storm Ilse left 4,000 homes without power on Sunday, the utility said. At least 7 people died, the fire chief said. ' +
  'The county estimated about 300 roads were blocked.'
export const wireCorrectedText =
  'Storm Ilse left 400 homes without power on Sunday, the utility said. At least 7 people died, the fire chief said. ' +
  'The county estimated about 300 roads were blocked. Correction: an earlier version of this story said 4,000 homes.'
export const reprintText = 'Storm Ilse: at least 9 people died, the fire chief said, and a dozen shelters opened.'

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

export async function send(api: TestApi, method: 'POST' | 'DELETE', url: string, payload: unknown, headers: Record<string, string> = {}) {
  const res = await api.app.inject({ method, url, headers: jsonWrite('editor', headers), payload: payload as object })
  return { status: res.statusCode, body: res.json() as Record<string, unknown> & { id: string; errors?: Array<{ path: string; message: string }>; detail?: string } }
}

export async function read<T = Record<string, unknown>>(api: TestApi, url: string): Promise<T> {
  const res = await api.app.inject({ url, headers: { authorization: 'Bearer reader-key-000000000000' } })
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`)
  return res.json() as T
}

/** The two sources and the three facts of the story, registered through the API; returns their ids. */
export async function tellStory(api: TestApi) {
  const wire = await send(api, 'POST', '/sources', {
    publisher: 'Coastal Wire', title: 'Storm Ilse cuts power', publishedAt: day.one, origin: 'coastalwire', tier: 2, snapshotText: wireText,
  })
  const reprint = await send(api, 'POST', '/sources', {
    publisher: 'Harbour Daily', title: 'Storm Ilse toll', publishedAt: day.one, origin: 'coastalwire', tier: 3, snapshotText: reprintText,
  })
  for (const [factId, question, kind, unit] of [
    ['ilse-homes-without-power', 'How many homes did Storm Ilse leave without power?', 'count', 'homes'],
    ['ilse-deaths', 'How many people did Storm Ilse kill?', 'count', 'persons'],
    ['ilse-blocked-roads', 'How many roads did Storm Ilse block?', 'count', 'roads'],
  ] as const) {
    const r = await send(api, 'POST', '/facts', { factId, question, subject: 'Storm Ilse', unit, kind })
    if (r.status !== 201) throw new Error(`fact ${factId}: ${JSON.stringify(r.body)}`)
  }
  if (wire.status !== 201 || reprint.status !== 201) throw new Error('sources not registered')
  return { wire: wire.body.id, reprint: reprint.body.id }
}

export const claimOf = (sourceId: string, factId: string, value: unknown, quote: string, extra: Record<string, unknown> = {}) => ({
  factId, sourceId, citation: { quote }, attributedTo: 'the utility', value, modality: 'reported', validAt: day.one, ...extra,
})
