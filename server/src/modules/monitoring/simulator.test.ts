import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RuleEngine } from '@yingji/domain/monitoring/ruleEngine'
import { queryRows } from '../../db/rows.ts'
import { effectiveRules, monitoringRuntime } from './runtime.ts'
import { simulatedReport, stormGaugeCode, stormStationCode, type SimDevice } from './simulatedNetwork.ts'
import { startSimulator } from './simulator.ts'
import { monitoringTestApp, waitFor, type MonitoringTestApp } from './testSupport.ts'

/** Runs one device's script through its real default rules; the first time each level is reached. */
function firstLevels(device: SimDevice, seconds: number): Record<string, number> {
  const engine = new RuleEngine()
  const start = Date.UTC(2026, 6, 1, 6)
  engine.assign(device.code, effectiveRules({ type: device.type, expectedIntervalS: device.intervalS, params: device.params ?? {}, ruleOverride: {} }).rules, start)
  const reached: Record<string, number> = {}
  let n = 0
  for (let s = 0; s <= seconds; s += device.intervalS) {
    for (const item of simulatedReport(device, s, start + s * 1000, () => 0.5, new Map())) {
      for (const t of engine.ingestValue(device.code, item.metric, item.ts, item.value)) if (t.to && !(t.to in reached)) reached[t.to] = s
    }
    n++
  }
  expect(n).toBeGreaterThan(0)
  return reached
}

describe('the storm script (SCENARIO.md steps 1, 2, 5, 6 on a compressed clock)', () => {
  const gauge: SimDevice = { code: stormGaugeCode, type: 'rain_gauge', name: '镇桥镇雨量站1', divisionCode: '360281100', location: { lon: 117.3, lat: 29 }, intervalS: 10 }
  const station: SimDevice = { code: stormStationCode, type: 'water_level', name: '乐安河水位站1', divisionCode: '360281100', location: { lon: 117.3, lat: 29 }, params: { warningLevelM: 27.5, guaranteedLevelM: 29 }, intervalS: 10 }

  it('makes the 镇桥镇 gauge orange within 2 minutes and red a few minutes later', () => {
    const reached = firstLevels(gauge, 600)
    expect(reached.orange).toBeLessThanOrEqual(120)
    expect(reached.red).toBeGreaterThan(reached.orange!)
    expect(reached.red).toBeLessThanOrEqual(300)
  })

  it('takes the 乐安河 station over its 警戒水位 (yellow) in about 5 minutes, not to its 保证水位', () => {
    const reached = firstLevels(station, 900)
    expect(reached.yellow).toBeGreaterThan(240)
    expect(reached.yellow).toBeLessThanOrEqual(360)
    expect(reached).not.toHaveProperty('orange')
  })
})

describe('the simulated network', () => {
  let t: MonitoringTestApp
  let base: string
  beforeAll(async () => {
    t = await monitoringTestApp()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`
  })
  afterAll(async () => { await t?.close() })

  it('registers ~250 synthetic devices once and reports through the ingest route; a restart re-keys them', async () => {
    const logs: string[] = []
    const first = await startSimulator(t.platform, monitoringRuntime(t.platform), { baseUrl: base, log: (m) => logs.push(m) })
    expect(first.devices).toBeGreaterThanOrEqual(200)
    expect(first.devices).toBeLessThanOrEqual(300)
    await waitFor(async () => first.stats.sent > 20, 15_000)
    await first.stop()
    expect(first.stats.failed).toBe(0)
    const counts = await queryRows<{ type: string; n: number; townships: number }>(t.platform.db, sql`
      SELECT type, count(*)::int AS n, count(DISTINCT left(division_code, 9))::int AS townships FROM monitoring.devices WHERE synthetic GROUP BY type ORDER BY type`)
    const byType = Object.fromEntries(counts.map((c) => [c.type, c]))
    expect(byType.rain_gauge!.townships).toBeGreaterThanOrEqual(20)
    expect(byType.water_level!.n).toBe(8)
    expect(byType.gas_lel!.n + byType.tank!.n + byType.toxic_gas!.n).toBe(90)
    // Park sensors belong to the registry's chemical plants; GNSS stations stand on its hazard points.
    const links = await queryRows<{ type: string; linked: number; wrong: number }>(t.platform.db, sql`
      SELECT d.type,
             count(*) FILTER (WHERE d.enterprise_id IS NOT NULL OR d.hazard_point_id IS NOT NULL)::int AS linked,
             count(*) FILTER (WHERE e.id IS NOT NULL AND ST_Distance(d.location::geography, e.location::geography) > 400
                               OR h.id IS NOT NULL AND NOT ST_Equals(d.location, h.location))::int AS wrong
      FROM monitoring.devices d
      LEFT JOIN registry.enterprises e ON e.id = d.enterprise_id
      LEFT JOIN registry.hazard_points h ON h.id = d.hazard_point_id
      WHERE d.synthetic AND d.type IN ('gas_lel', 'toxic_gas', 'tank', 'gnss') GROUP BY d.type ORDER BY d.type`)
    const linked = Object.fromEntries(links.map((l) => [l.type, l]))
    for (const type of ['gas_lel', 'toxic_gas', 'tank']) expect(linked[type]).toMatchObject({ linked: byType[type]!.n, wrong: 0 })
    expect(linked.gnss!.linked).toBeGreaterThan(0)
    expect(linked.gnss!.wrong).toBe(0)
    expect(logs[0]).toContain('YINGJI_SIMULATE=0')
    const stored = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM monitoring.readings`)
    expect(stored[0]!.n).toBeGreaterThan(20)
    const again = await startSimulator(t.platform, monitoringRuntime(t.platform), { baseUrl: base, log: () => {} })
    await waitFor(async () => again.stats.sent > 5, 15_000)
    await again.stop()
    expect(again.stats.failed).toBe(0)
    const total = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM monitoring.devices WHERE synthetic`)
    expect(total[0]!.n).toBe(first.devices)
  })
})
