/**
 * Everything the fact and versions pages draw from a fact's past, in the
 * shape they use ({ fact, claims, sources, timeline }): the API pages each
 * list, so the page follows `next` on the claims and the timeline.
 */
import { enc, get, getAllPages } from '../api.js'

export async function loadFactPast(factId, signal) {
  const [historyR, claimsR, timelineR] = await Promise.all([
    get(`/facts/${enc(factId)}/history?limit=1`, { signal }),
    getAllPages(`/facts/${enc(factId)}/claims?limit=200`, { signal }),
    getAllPages(`/facts/${enc(factId)}/timeline?limit=200`, { signal }),
  ])
  const failed = [historyR, claimsR, timelineR].find((r) => !r.ok)
  if (failed) return failed
  return { ok: true, status: 200, data: { fact: historyR.data.fact, claims: claimsR.data.items, sources: claimsR.data.sources, timeline: timelineR.data.items } }
}
