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
  const parsed = parsedDate(iso)
  return parsed.bare && edge === 'end' ? parsed.ms + dayMs - 1 : parsed.ms
}

/** An ISO date parsed once: its first millisecond, whether it is a bare date, and its UTC calendar day. */
export function parsedDate(iso: string): { ms: number; bare: boolean; day: string } {
  let parsed = parsedDates.get(iso)
  if (parsed === undefined) {
    const bare = bareDate.test(iso)
    const ms = Date.parse(bare ? `${iso}T00:00:00Z` : iso)
    if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 date: "${iso}"`)
    if (parsedDates.size >= PARSED_DATES_KEPT) parsedDates.clear()
    parsedDates.set(iso, (parsed = { ms, bare, day: bare ? iso : new Date(ms).toISOString().slice(0, 10) }))
  }
  return parsed
}

/**
 * Dates already parsed. Reconciling a fact compares every claim's dates
 * several times, and a ledger repeats the same few thousand dates, so
 * Date.parse was a tenth of a rebuild. Cleared when full, which bounds memory.
 */
const parsedDates = new Map<string, { ms: number; bare: boolean; day: string }>()
const PARSED_DATES_KEPT = 10_000

/** The calendar day of an ISO date, for explanations ("2024-11-27"). */
export function dayOf(iso: string): string {
  return parsedDate(iso).day
}
