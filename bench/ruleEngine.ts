/**
 * The monitoring rule engine (domain/src/monitoring) on rain gauges: readings/s through
 * `RuleEngine.ingestValue` for 1,000 gauges under the default rain-gauge rule set (rainstorm
 * bands over 3/6/12 h and no-data), with a tick every simulated 5 minutes. Baseline, measured in
 * the same run: a naive evaluator that keeps each gauge's readings in an array and re-sums the
 * 3, 6 and 12 h windows on every reading. Both see the same readings (rain in random bursts,
 * seeded) and must end with the same alarm levels and the same number of transitions.
 */
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { mulberry32 } from '../domain/src/geo/seededRandom.ts'
import { defaultRuleSet } from '../domain/src/monitoring/defaultRules.ts'
import { resolveRuleSet } from '../domain/src/monitoring/mergeRuleSet.ts'
import { rainstormBands } from '../domain/src/monitoring/rainstormRule.ts'
import { RuleEngine } from '../domain/src/monitoring/ruleEngine.ts'
import { levelsBySeverity } from '../domain/src/monitoring/severityRank.ts'
import { formatFigures, median, type Figure } from './lib/report.ts'

export const description = 'rule engine readings/s for 1,000 rain gauges, against re-summing the windows on every reading'

const devices = 1000
const runs = 3
const hourMs = 3_600_000
const start = Date.UTC(2026, 5, 20)

interface Workload {
  label: string
  everyMs: number
  rounds: number
  deviceIds: string[]
  /** values[round * devices + d] */
  values: Float64Array
}

/** Rain in bursts: each gauge has a few storms of random length and intensity, else 0 mm. */
function workload(label: string, everyMinutes: number, hours: number): Workload {
  const random = mulberry32(2026)
  const rounds = (hours * 60) / everyMinutes
  const values = new Float64Array(rounds * devices)
  for (let d = 0; d < devices; d++) {
    const storms = 1 + Math.floor(random() * 3)
    for (let s = 0; s < storms; s++) {
      const first = Math.floor(random() * rounds)
      const length = Math.floor(((0.5 + random() * 4) * 60) / everyMinutes)
      const mmPerHour = random() * 45
      for (let r = first; r < Math.min(rounds, first + length); r++) {
        values[r * devices + d] = Math.round(((mmPerHour * everyMinutes) / 60) * (0.5 + random()) * 10) / 10
      }
    }
  }
  return { label, everyMs: everyMinutes * 60_000, rounds, deviceIds: Array.from({ length: devices }, (_, d) => `gauge-${d}`), values }
}

interface Outcome {
  ms: number
  transitions: number
  levels: string[]
}

function runEngine(w: Workload): Outcome & { stateBytes: number } {
  const { rules } = resolveRuleSet(defaultRuleSet('rain_gauge'), { rules: { 'rain_gauge.rainstorm': { params: { clearHoldMs: 0 } } } })
  const engine = new RuleEngine()
  for (const id of w.deviceIds) engine.assign(id, rules, start)
  let transitions = 0
  const t0 = performance.now()
  for (let r = 0; r < w.rounds; r++) {
    const ts = start + (r + 1) * w.everyMs
    for (let d = 0; d < devices; d++) transitions += engine.ingestValue(w.deviceIds[d]!, 'rainfall_mm', ts, w.values[r * devices + d]!).length
    transitions += engine.tick(ts).length
  }
  const ms = performance.now() - t0
  const levels = w.deviceIds.map(() => 'none')
  const index = new Map(w.deviceIds.map((id, d) => [id, d]))
  for (const alarm of engine.activeAlarms()) if (alarm.ruleId === 'rain_gauge.rainstorm') levels[index.get(alarm.subject)!] = alarm.level
  return { ms, transitions, levels, stateBytes: JSON.stringify(engine.toJSON()).length }
}

/** The baseline: every reading re-sums each window over the gauge's held readings. */
function runNaive(w: Workload): Outcome {
  const windows = rainstormBands.map((band) => ({ rank: levelsBySeverity.indexOf(band.level), ms: band.windowHours * hourMs, mm: band.mm })).sort((a, b) => b.rank - a.rank)
  const longest = Math.max(...windows.map((win) => win.ms))
  const held = w.deviceIds.map(() => [] as { ts: number; value: number }[])
  const level = new Int8Array(devices).fill(-1)
  let transitions = 0
  const t0 = performance.now()
  for (let r = 0; r < w.rounds; r++) {
    const ts = start + (r + 1) * w.everyMs
    for (let d = 0; d < devices; d++) {
      const readings = held[d]!
      readings.push({ ts, value: w.values[r * devices + d]! })
      while (readings.length > 0 && readings[0]!.ts <= ts - longest) readings.shift()
      let target = -1
      for (const win of windows) {
        let sum = 0
        for (const reading of readings) if (reading.ts > ts - win.ms) sum += reading.value
        if (sum >= win.mm - 1e-9 * win.mm) {
          target = win.rank
          break
        }
      }
      if (target !== level[d]) {
        level[d] = target
        transitions++
      }
    }
  }
  const ms = performance.now() - t0
  return { ms, transitions, levels: Array.from(level, (rank) => (rank < 0 ? 'none' : levelsBySeverity[rank]!)) }
}

async function measure(w: Workload): Promise<void> {
  const readings = w.rounds * devices
  const engine: Outcome[] = []
  const naive: Outcome[] = []
  let stateBytes = 0
  for (let i = 0; i < runs; i++) {
    naive.push(runNaive(w))
    const e = runEngine(w)
    stateBytes = e.stateBytes
    engine.push(e)
  }
  const e = engine[0]!
  const n = naive[0]!
  const rainTransitions = e.transitions // engine counts no-data transitions too; none occur here
  if (e.levels.join() !== n.levels.join() || rainTransitions !== n.transitions) {
    throw new Error(`engine and baseline disagree: ${rainTransitions} vs ${n.transitions} transitions`)
  }
  const rate = (outcomes: Outcome[]) => Math.round(readings / (median(outcomes.map((o) => o.ms)) / 1000))
  const baseline: Figure = { name: `naive re-sum, ${w.label}`, runs: naive.map((o) => o.ms), note: `${rate(naive).toLocaleString('en')} readings/s` }
  const figure: Figure = { name: `RuleEngine, ${w.label}`, runs: engine.map((o) => o.ms), note: `${rate(engine).toLocaleString('en')} readings/s` }
  console.log(`\n### ${w.label}: ${readings.toLocaleString('en')} readings, ${e.transitions} transitions (same in both), engine state ${(stateBytes / 1e6).toFixed(1)} MB as JSON\n`)
  console.log(formatFigures(baseline, [figure]))
  console.log(`\nengine ${rate(engine).toLocaleString('en')} readings/s, baseline ${rate(naive).toLocaleString('en')} readings/s: ${(rate(engine) / rate(naive)).toFixed(1)}× faster`)
}

export async function run(): Promise<void> {
  console.log(`machine: ${os.cpus().length} cores, Node ${process.versions.node}, load average ${os.loadavg()[0]!.toFixed(1)}; ${devices} gauges, ×${runs} runs (medians); readings generated before timing`)
  await measure(workload('every 5 min for 48 h', 5, 48))
  await measure(workload('every 1 min for 16 h', 1, 16))
  console.log(`\nload average at the end: ${os.loadavg()[0]!.toFixed(1)} (2 cores: above 2 means other work competed)`)
}
