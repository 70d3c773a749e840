/**
 * Clock arithmetic for the reconciliation. Dates in the ledger are ISO 8601,
 * either a calendar date ("2024-09-05") or a timestamp with an offset. A bare
 * date stands for the whole day: as a bound ("known at 2024-09-05") it reaches
 * to the day's end, so a report published that day counts as known.
 */
const bareDate = /^\d{4}-\d{2}-\d{2}$/
const dayMs = 86_400_000

/** Milliseconds since the epoch; a bare date is its first ('start') or last ('end') millisecond, in UTC. */
export function instant(iso: string, edge: 'start' | 'end' = 'start'): number {
  const ms = Date.parse(bareDate.test(iso) ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 date: "${iso}"`)
  return bareDate.test(iso) && edge === 'end' ? ms + dayMs - 1 : ms
}

/** The calendar day of an ISO date, for explanations ("2024-11-27"). */
export function dayOf(iso: string): string {
  return bareDate.test(iso) ? iso : new Date(instant(iso)).toISOString().slice(0, 10)
}
