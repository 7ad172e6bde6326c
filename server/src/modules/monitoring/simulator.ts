/**
 * The simulator (模拟器): registers the simulated network once (synthetic devices), gives its
 * devices fresh keys at each start (kept in memory only), and reports through the real HTTP
 * ingest route with each device's key, exactly like a field device, on the storm script of
 * simulatedNetwork.ts. Deterministic values (seeded), real timestamps.
 */
import { randomStream } from '@yingji/domain/geo/seededRandom'
import type { Platform } from '../../platform.ts'
import { divisionPoints, rivers } from '../geo/index.ts'
import * as queries from './queries.ts'
import { hashKey, type MonitoringRuntime } from './runtime.ts'
import { recordAudit } from '../auth/audit.ts'
import { createDevice, newDeviceKey } from './service.ts'
import { simulatedNetwork, simulatedReport, type SimDevice } from './simulatedNetwork.ts'

export interface Simulator {
  devices: number
  /** Reports sent and refused so far */
  stats: { sent: number; failed: number }
  stop(): Promise<void>
}

const countyActor = { kind: 'user' as const, id: '00000000-0000-0000-0000-000000000000', name: '模拟器 simulator', role: 'admin' as const, jurisdiction: '360281000000', enterpriseId: null }

async function plan(platform: Platform): Promise<SimDevice[]> {
  const points = await divisionPoints(platform.db, countyActor, 'township')
  const townships = points.features.map((f) => ({ code: f.properties.code.slice(0, 9), name: f.properties.name, location: { lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! } }))
  const lean = (await rivers(platform.db)).features.find((f) => f.properties.name === '乐安河')
  const line = lean ? lean.geometry.coordinates.map(([lon, lat]) => ({ lon: lon!, lat: lat! })) : []
  const sites = await queries.simulatorSites(platform.db)
  const site = (r: { id: string; name: string; division_code: string; lon: number; lat: number }) => ({ id: r.id, name: r.name, divisionCode: r.division_code.trim(), location: { lon: r.lon, lat: r.lat } })
  return simulatedNetwork(townships, line, { enterprises: sites.enterprises.map(site), hazardPoints: sites.hazardPoints.map(site) })
}

/** Registers the network when missing; returns each device with a fresh key. */
export async function prepareSimulatedDevices(platform: Platform, runtime: MonitoringRuntime): Promise<{ device: SimDevice; id: string; apiKey: string }[]> {
  const wanted = await plan(platform)
  const existing = new Map((await queries.syntheticDevices(platform.db)).map((d) => [d.code, d.id]))
  const out: { device: SimDevice; id: string; apiKey: string }[] = []
  // Fresh keys for the devices already registered: one transaction, one audit entry.
  const rekeyed = wanted.filter((d) => existing.has(d.code)).map((device) => ({ device, id: existing.get(device.code)!, apiKey: newDeviceKey() }))
  await platform.db.transaction(async (tx) => {
    for (const d of rekeyed) await queries.setDeviceKeyHash(tx, d.id, hashKey(d.apiKey))
    if (rekeyed.length > 0) await recordAudit(tx, { actor: null, action: 'device.rotate_keys', entity: 'monitoring.device', entityId: 'simulator', after: { devices: rekeyed.length } })
  })
  for (const d of rekeyed) {
    await runtime.reloadDevice(d.id)
    out.push(d)
  }
  for (const device of wanted) {
    if (existing.has(device.code)) continue
    {
      const { intervalS: _interval, ...input } = device
      const created = await createDevice(platform.db, runtime, null, input, { synthetic: true })
      out.push({ device, id: created.id, apiKey: created.apiKey })
    }
  }
  return out
}

export interface SimulatorOptions {
  /** The running server, e.g. http://127.0.0.1:3000 */
  baseUrl: string
  log?: (message: string) => void
}

export async function startSimulator(platform: Platform, runtime: MonitoringRuntime, options: SimulatorOptions): Promise<Simulator> {
  const log = options.log ?? ((m: string) => console.log(m))
  const devices = await prepareSimulatedDevices(platform, runtime)
  const startedAt = Date.now()
  const stats = { sent: 0, failed: 0 }
  const state = new Map<string, number>()
  const next = new Map(devices.map((d, i) => [d.device.code, startedAt + (i % 10) * 100]))
  const randoms = new Map(devices.map((d) => [d.device.code, randomStream(360281, `sim:${d.device.code}`)]))
  let stopped = false
  let running: Promise<void> | null = null

  const round = async () => {
    const now = Date.now()
    const due = devices.filter((d) => next.get(d.device.code)! <= now)
    const elapsedS = (now - startedAt) / 1000
    const send = async ({ device, apiKey }: (typeof devices)[number]) => {
      next.set(device.code, next.get(device.code)! + device.intervalS * 1000)
      const items = simulatedReport(device, elapsedS, now, randoms.get(device.code)!, state)
      if (items.length === 0) return
      try {
        const res = await fetch(`${options.baseUrl}/api/ingest/readings`, {
          method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(items),
        })
        if (res.ok) stats.sent++
        else stats.failed++
        await res.arrayBuffer()
      } catch {
        stats.failed++
      }
    }
    for (let i = 0; i < due.length; i += 16) await Promise.all(due.slice(i, i + 16).map(send))
  }
  const timer = setInterval(() => {
    if (stopped || running) return
    running = round().finally(() => { running = null })
  }, 1000)
  log(`模拟传感网已启动：${devices.length} 台设备，暴雨剧本约 2 分钟后镇桥镇达橙色、约 4 分钟达红色，约 5 分钟乐安河超警戒水位。\n` +
    `Simulated sensor network running: ${devices.length} devices; storm script: 镇桥镇 orange in about 2 minutes, red in about 4, 乐安河 over its warning level in about 5. (YINGJI_SIMULATE=0 turns it off)`)
  return {
    devices: devices.length,
    stats,
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
