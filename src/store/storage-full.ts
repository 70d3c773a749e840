/**
 * Does this error (or one of its causes) say the store's disk is full? SQLite
 * reports SQLITE_FULL (also when a file would pass max_page_count), the OS
 * ENOSPC, PostgreSQL SQLSTATE 53100 (disk_full). Adapters wrap faults in
 * StoreUnavailableError with the original as `cause`, so the chain is walked.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return true
  }
  return false
}
