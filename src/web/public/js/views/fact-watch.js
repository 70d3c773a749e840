/**
 * Tell a fact page when the ledger records something about its fact after
 * the page was drawn: an event on the fact's stream, or a claim event that
 * names the fact (a new claim, a claim moved to or away from it, or a change
 * to one of its claims).
 */
export function touchesFact(line, factId, claimIds) {
  if (line.stream === `fact-${factId}`) return true
  const data = line.data ?? {}
  if (data.factId === factId || data.toFactId === factId || data.fromFactId === factId) return true
  return line.stream.startsWith('claim-') && claimIds.has(line.stream.slice('claim-'.length))
}

export function watchFact({ factId, claimIds = () => new Set(), signal, since, onChange }) {
  if (typeof EventSource === 'undefined') return
  const source = new EventSource('/events/live')
  source.addEventListener('ledger-event', (message) => {
    let line
    try {
      line = JSON.parse(message.data)
    } catch {
      return
    }
    if (BigInt(line.position) > since() && touchesFact(line, factId, claimIds())) onChange(line)
  })
  signal.addEventListener('abort', () => source.close(), { once: true })
}
