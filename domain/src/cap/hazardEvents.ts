/**
 * Hazard event types Yingji warns of (预警事件类型), with their CAP category and event codes.
 * The list follows warnings.md (暴雨, 地质灾害, 洪水, 森林火险; typhoon, heat, cold wave and gale
 * are named there as other CMA signals) and issue #5 (危化品泄漏). CAP categories are the
 * spec's ("Met — meteorological, incl. flood"). Every event carries Yingji's own stable code
 * (valueName `YINGJI`); the national code of GB/T 35561 突发事件分类与编码, which GB/T 35965.2
 * references, was not verified (NV), so a deployment adds it as configuration.
 */
import type { CapCategory, CapResponseType, CapValuePair } from './types.ts'

export const hazardEventKeys = [
  'rainstorm', 'flood', 'geologicalHazard', 'forestFire', 'hazmatLeak', 'typhoon', 'heatWave', 'coldWave', 'gale', 'thunderstorm', 'drought',
] as const

export type HazardEventKey = (typeof hazardEventKeys)[number]

/** valueName of Yingji's own event codes */
export const yingjiEventCodeName = 'YINGJI'
/** valueName for the national classification code, once a deployment configures it (NV) */
export const nationalEventCodeName = 'GB/T 35561'

export interface HazardEvent {
  key: HazardEventKey
  /** CAP `event` text per language */
  name: { zh: string; en: string }
  categories: CapCategory[]
  /** What people are asked to do by default */
  responseTypes: CapResponseType[]
  eventCodes: CapValuePair[]
}

export type HazardEventCatalogue = Readonly<Record<HazardEventKey, HazardEvent>>

const event = (key: HazardEventKey, zh: string, en: string, categories: CapCategory[], responseTypes: CapResponseType[]): HazardEvent => ({
  key,
  name: { zh, en },
  categories,
  responseTypes,
  eventCodes: [{ valueName: yingjiEventCodeName, value: key }],
})

export const defaultHazardEvents: HazardEventCatalogue = {
  rainstorm: event('rainstorm', '暴雨', 'Rainstorm', ['Met'], ['Prepare', 'Monitor']),
  flood: event('flood', '洪水', 'Flood', ['Met'], ['Evacuate', 'Prepare']),
  geologicalHazard: event('geologicalHazard', '地质灾害', 'Geological hazard (landslide, debris flow)', ['Geo'], ['Evacuate', 'Avoid']),
  forestFire: event('forestFire', '森林火险', 'Forest fire danger', ['Fire'], ['Avoid', 'Prepare']),
  hazmatLeak: event('hazmatLeak', '危化品泄漏', 'Hazardous chemical leak', ['CBRNE', 'Safety'], ['Shelter', 'Evacuate']),
  typhoon: event('typhoon', '台风', 'Typhoon', ['Met'], ['Shelter', 'Prepare']),
  heatWave: event('heatWave', '高温', 'Heat wave', ['Met'], ['Prepare']),
  coldWave: event('coldWave', '寒潮', 'Cold wave', ['Met'], ['Prepare']),
  gale: event('gale', '大风', 'Gale', ['Met'], ['Shelter', 'Prepare']),
  thunderstorm: event('thunderstorm', '雷电', 'Thunderstorm and lightning', ['Met'], ['Shelter']),
  drought: event('drought', '干旱', 'Drought', ['Met'], ['Prepare', 'Monitor']),
}

/** The catalogue with national (or other) codes added to the events a deployment has verified. */
export function withEventCodes(catalogue: HazardEventCatalogue, codes: Partial<Record<HazardEventKey, CapValuePair[]>>): HazardEventCatalogue {
  const entries = Object.values(catalogue).map((hazard) => [hazard.key, { ...hazard, eventCodes: [...hazard.eventCodes, ...(codes[hazard.key] ?? [])] }] as const)
  return Object.fromEntries(entries) as unknown as HazardEventCatalogue
}

/** The event a received alert's codes name (Yingji's code first, then any configured code). */
export function hazardOfEventCodes(eventCodes: readonly CapValuePair[], catalogue: HazardEventCatalogue = defaultHazardEvents): HazardEvent | null {
  for (const code of eventCodes) {
    const hazard = Object.values(catalogue).find((candidate) => candidate.eventCodes.some((own) => own.valueName === code.valueName && own.value === code.value))
    if (hazard) return hazard
  }
  return null
}
