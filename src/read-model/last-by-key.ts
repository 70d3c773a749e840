/** Last of each key wins, in first-seen key order: what a sequence of INSERT OR REPLACE would leave. */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const map = new Map<string, T>()
  for (const item of items) map.set(key(item), item)
  return [...map.values()]
}
