/**
 * A plain text table for the extraction reports (the eval script, the CLI
 * command). Kept here rather than borrowed from src/cli so extraction
 * depends on nothing above it.
 */
export function textTable(headers: string[], rows: string[][], maxWidth = 60): string {
  const cut = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s)
  const cells = [headers, ...rows].map((r) => r.map((c) => cut(c.replace(/\s+/g, ' '))))
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}
