/** A plain text table for people: columns padded to their widest cell, long cells cut. */
export function formatTable(headers: string[], rows: string[][], maxWidth: Record<number, number> = {}): string {
  const cut = (s: string, i: number) => {
    const max = maxWidth[i]
    return max && s.length > max ? `${s.slice(0, max - 1)}…` : s
  }
  const cells = [headers, ...rows].map((r) => r.map(cut))
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}
