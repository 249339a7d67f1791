import fs from 'node:fs'
import os from 'node:os'

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

/**
 * How much of the machine this process had while `work` ran: the CPU time the hypervisor gave to other guests
 * (steal) and the load average at the end. Timing figures from a 2-core VM mean little without them.
 */
export async function underMachineLoad<T>(work: () => Promise<T>): Promise<{ result: T; machine: string }> {
  const before = cpuTimes()
  const result = await work()
  const after = cpuTimes()
  const total = after && before ? after.total - before.total : 0
  const steal = total > 0 ? `${Math.round((100 * (after!.steal - before!.steal)) / total)} % CPU steal, ` : ''
  return { result, machine: `${steal}${loadAverageNote()}` }
}

export const loadAverageNote = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`

/** All-CPU jiffies from /proc/stat (Linux only; null elsewhere). */
function cpuTimes(): { total: number; steal: number } | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7] ?? 0 }
  } catch {
    return null
  }
}
