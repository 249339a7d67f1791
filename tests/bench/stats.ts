export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1))
  return sortedMs[index]
}

export function summarize(samplesMs: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1], n: sorted.length }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const ms = (value: number) => `${value.toFixed(2)} ms`

export interface Row {
  figure: string
  value: string
  budget?: string
  note?: string
}

export function printTable(title: string, rows: Row[]): void {
  const headers = ['figure', 'value', 'budget', 'note'] as const
  const cells = rows.map((row) => headers.map((h) => row[h] ?? ''))
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]].length)))
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v + ' '.repeat(widths[i] - [...v].length)).join(' | ')} |`
  console.log(`\n${title}`)
  console.log(line(headers))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const c of cells) console.log(line(c))
}
