import type { FactSnapshot } from './port.js'

/** A snapshot's documents as stored (the key columns hold its fact and position). */
export function snapshotDocs(s: FactSnapshot): string {
  return JSON.stringify({ fact: s.fact, claims: s.claims, sources: s.sources })
}
