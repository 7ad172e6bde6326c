/**
 * The simulated Leping sensor network (模拟传感网): where each synthetic device stands and what
 * it is, placed deterministically (seeded) from the geo module's townships and the 乐安河 line.
 * Thresholds given here (station levels, gas alarm points, tank pressures, pond limits) are
 * synthetic, for the demonstration only.
 */
import { offsetKm, type LonLat } from '@yingji/domain/geo/localDistance'
import { randomStream } from '@yingji/domain/geo/seededRandom'
import type { DeviceInput } from './service.ts'

export interface Township { code: string; name: string; location: LonLat }

export const stormTownship = '360281100' // 镇桥镇
export const industrialPark = '360281401' // 江西乐平工业园区
export const stormGaugeCode = 'SIM-RG-360281100-01'
export const stormStationCode = 'SIM-WL-LEAN-01'

const seed = 360281

export interface SimDevice extends DeviceInput { intervalS: number }

/** A registry site devices are attached to: a hazardous-chemicals enterprise or a geological hazard point. */
export interface SimSite { id: string; name: string; divisionCode: string; location: LonLat }

/** Where the park's gas and tank sensors and the GNSS stations stand, when the registries have them. */
export interface SimSites {
  /** Hazardous-chemicals enterprises (their gas, toxic-gas and tank sensors) */
  enterprises: readonly SimSite[]
  /** Geological hazard points (地灾隐患点) with their GNSS stations */
  hazardPoints: readonly SimSite[]
}

const near = (random: () => number, origin: LonLat, maxKm: number): LonLat => {
  const p = offsetKm(origin, Math.sqrt(random()) * maxKm, random() * 2 * Math.PI)
  return { lon: Math.round(p.lon * 1e6) / 1e6, lat: Math.round(p.lat * 1e6) / 1e6 }
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * About 250 devices: rain gauges and weather stations in every township, river stations, park
 * sensors, ponds, GNSS. Park sensors belong to the registry's hazardous-chemicals enterprises
 * (round robin, within 300 m of the plant) and GNSS stations stand on its geological hazard
 * points, when `sites` has them; otherwise they are scattered around the park and the hills.
 */
export function simulatedNetwork(townships: readonly Township[], river: readonly LonLat[], sites: SimSites = { enterprises: [], hazardPoints: [] }): SimDevice[] {
  const random = randomStream(seed, 'monitoring-simulator')
  const devices: SimDevice[] = []
  const add = (d: SimDevice) => devices.push(d)
  const byCode = new Map(townships.map((t) => [t.code, t]))
  const park = byCode.get(industrialPark) ?? townships[0]!
  for (const t of townships) {
    for (let i = 1; i <= 4; i++) {
      const code = `SIM-RG-${t.code}-${pad(i)}`
      add({ code, type: 'rain_gauge', name: `${t.name}雨量站${i}`, divisionCode: t.code, location: near(random, t.location, 4), intervalS: code === stormGaugeCode ? 10 : 60 })
    }
    add({ code: `SIM-WX-${t.code}`, type: 'weather', name: `${t.name}气象站`, divisionCode: t.code, location: near(random, t.location, 2), intervalS: 60 })
  }
  // 乐安河 stations spread along the river line; the first is the storm's.
  const stations = 8
  for (let i = 0; i < stations; i++) {
    const point = river[Math.floor(((i + 0.5) / stations) * river.length)] ?? park.location
    const township = nearest(townships, point)
    add({
      code: `SIM-WL-LEAN-${pad(i + 1)}`, type: 'water_level', name: `乐安河水位站${i + 1}`, divisionCode: township.code, location: point,
      params: { warningLevelM: 27.5, guaranteedLevelM: 29 }, intervalS: i === 0 ? 10 : 60,
    })
  }
  // A park sensor: on one of the enterprises (round robin) when there are any, else near the park.
  const parkSensor = (i: number, kind: string) => {
    const site = sites.enterprises.length > 0 ? sites.enterprises[(i - 1) % sites.enterprises.length]! : null
    if (!site) return { name: `工业园区${kind}${i}`, divisionCode: park.code, location: near(random, park.location, 2), enterpriseId: null }
    return { name: `${site.name}${kind}${i}`, divisionCode: site.divisionCode, location: near(random, site.location, 0.3), enterpriseId: site.id }
  }
  for (let i = 1; i <= 40; i++) add({ code: `SIM-GAS-${pad(i)}`, type: 'gas_lel', ...parkSensor(i, '可燃气体探测器'), intervalS: 60 })
  for (let i = 1; i <= 20; i++) {
    add({ code: `SIM-TOX-${pad(i)}`, type: 'toxic_gas', ...parkSensor(i, '有毒气体探测器'), params: { firstAlarmPpm: 10, secondAlarmPpm: 20 }, intervalS: 60 })
  }
  for (let i = 1; i <= 30; i++) {
    add({ code: `SIM-TANK-${pad(i)}`, type: 'tank', ...parkSensor(i, '储罐'), params: { highMPa: 1, highHighMPa: 1.2 }, intervalS: 60 })
  }
  for (let i = 1; i <= 5; i++) add({ code: `SIM-VAI-${pad(i)}`, type: 'video_ai', name: `工业园区视频识别${i}`, divisionCode: park.code, location: near(random, park.location, 2), intervalS: 3600 })
  const hills = townships.filter((t) => t.code !== industrialPark && !t.name.endsWith('街道'))
  for (let i = 1; i <= 6; i++) {
    const t = hills[Math.floor(random() * hills.length)]!
    add({
      code: `SIM-TP-${pad(i)}`, type: 'tailings_pond', name: `${t.name}尾矿库${i}`, divisionCode: t.code, location: near(random, t.location, 6),
      params: { minSafeDepthM: 4, maxPondLevelM: 120 }, intervalS: 60,
    })
  }
  for (let i = 1; i <= 40; i++) {
    const point = sites.hazardPoints[i - 1]
    if (point) {
      add({ code: `SIM-GNSS-${pad(i)}`, type: 'gnss', name: `${point.name}GNSS监测站`, divisionCode: point.divisionCode, location: point.location, hazardPointId: point.id, intervalS: 60 })
      continue
    }
    const t = hills[Math.floor(random() * hills.length)]!
    add({ code: `SIM-GNSS-${pad(i)}`, type: 'gnss', name: `${t.name}地灾监测点${i}`, divisionCode: t.code, location: near(random, t.location, 6), intervalS: 60 })
  }
  return devices.map((d) => ({ ...d, expectedIntervalS: d.intervalS }))
}

function nearest(townships: readonly Township[], p: LonLat): Township {
  let best = townships[0]!
  let bestD = Infinity
  for (const t of townships) {
    const d = (t.location.lon - p.lon) ** 2 + (t.location.lat - p.lat) ** 2
    if (d < bestD) { bestD = d; best = t }
  }
  return best
}

export interface SimItem { metric: string; ts: number; value: number }

/**
 * What a device reports at `elapsedS` seconds after the simulator started (the storm script):
 * the 镇桥镇 gauge gets 52 mm by 100 s (orange: ≥ 50 mm in 3 h) and 105 mm by 220 s (red:
 * ≥ 100 mm in 3 h); the first 乐安河 station rises from 25 m by 0.1 m every 10 s from 60 s and
 * passes its 警戒水位 27.5 m at about 5 minutes. Everything else is quiet noise.
 */
export function simulatedReport(device: SimDevice, elapsedS: number, ts: number, random: () => number, state: Map<string, number>): SimItem[] {
  const r = (x: number) => Math.round(x * 1000) / 1000
  switch (device.type) {
    case 'rain_gauge': {
      if (device.code === stormGaugeCode) {
        const value = elapsedS <= 100 ? 4.75 : elapsedS <= 220 ? 4.4 : elapsedS <= 820 ? 0.3 : 0
        return [{ metric: 'rainfall_mm', ts, value }]
      }
      return [{ metric: 'rainfall_mm', ts, value: r(random() < 0.7 ? 0 : random() * 0.1) }]
    }
    case 'water_level': {
      if (device.code === stormStationCode) {
        const level = 25 + Math.min(3, Math.max(0, Math.floor((elapsedS - 60) / 10) * 0.1))
        return [{ metric: 'level_m', ts, value: r(level + (random() - 0.5) * 0.02) }]
      }
      return [{ metric: 'level_m', ts, value: r(24 + random() * 0.3) }]
    }
    case 'gas_lel': return [{ metric: 'lel_pct', ts, value: r(random() * 3) }]
    case 'toxic_gas': return [{ metric: 'ppm', ts, value: r(random() * 2) }]
    case 'tank': return [
      { metric: 'temperature_c', ts, value: r(22 + random() * 6) },
      { metric: 'pressure_mpa', ts, value: r(0.25 + random() * 0.1) },
      { metric: 'level_pct', ts, value: r(45 + random() * 20) },
    ]
    case 'tailings_pond': return [
      { metric: 'phreatic_m', ts, value: r(8 + random()) },
      { metric: 'pond_level_m', ts, value: r(110 + random()) },
      { metric: 'displacement_mm', ts, value: r(12 + random() * 0.2) },
    ]
    case 'gnss': {
      const total = (state.get(device.code) ?? random() * 20) + random() * 0.01
      state.set(device.code, total)
      return [{ metric: 'displacement_mm', ts, value: r(total) }]
    }
    case 'weather': return [
      { metric: 'temperature_c', ts, value: r(18 + random() * 4) },
      { metric: 'humidity_pct', ts, value: r(85 + random() * 10) },
      { metric: 'wind_ms', ts, value: r(3 + random() * 5) },
    ]
    default: return []
  }
}
