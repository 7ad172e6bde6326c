/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export interface Figure {
  name: string
  /** Each run's milliseconds; `null` when the case was skipped. */
  runs: number[] | null
  note?: string
}

/** A Markdown table: each figure's median, its runs, and its ratio to the baseline's median. */
export function formatFigures(baseline: Figure, figures: readonly Figure[]): string {
  const base = baseline.runs ? median(baseline.runs) : NaN
  const rows = [baseline, ...figures].map((figure) => {
    if (!figure.runs) return `| ${figure.name} | skipped | — | — | ${figure.note ?? ''} |`
    const ms = median(figure.runs)
    const ratio = figure === baseline ? '1.00× (baseline)' : `${(ms / base).toFixed(2)}×`
    return `| ${figure.name} | ${Math.round(ms)} ms | ${figure.runs.map((r) => Math.round(r)).join(', ')} | ${ratio} | ${figure.note ?? ''} |`
  })
  return ['| case | median | runs (ms) | ratio to baseline | note |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}
