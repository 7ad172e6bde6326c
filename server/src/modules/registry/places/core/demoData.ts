/**
 * Helpers of the deterministic demo data (合成数据, every row `synthetic`): seeded choices,
 * made-up people and phone numbers, and Leping's townships and villages with their points,
 * found through the geo module.
 */
import type { Random } from '@yingji/domain/geo/seededRandom'
import type { Queryable } from '../../../../db/database.ts'
import { divisionPlaces } from '../../../geo/index.ts'

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
export const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))

const surnames = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗程汪余洪叶詹'
const givenNames = ['建国', '立新', '海燕', '志强', '秀英', '国华', '文斌', '红梅', '春生', '晓东', '丽华', '永红', '金水', '德明', '新华', '桂兰', '小平', '卫东', '思远', '佳怡']

export const personName = (random: Random) => `${pick(random, [...surnames])}${pick(random, givenNames)}`

/** An 11-digit mobile number from the 13x–19x ranges (made up). */
export const mobile = (random: Random) => `1${pick(random, ['39', '38', '37', '36', '35', '58', '59', '88', '89'])}${String(between(random, 0, 99_999_999)).padStart(8, '0')}`

export interface Place {
  code: string
  name: string
  lon: number
  lat: number
}

/** A point about `km` kilometres around a place (1° of latitude ≈ 111 km). */
export function near(random: Random, place: { lon: number; lat: number }, km: number): { lon: number; lat: number } {
  const round6 = (x: number) => Math.round(x * 1e6) / 1e6
  return {
    lon: round6(place.lon + ((random() - 0.5) * 2 * km) / 97),
    lat: round6(place.lat + ((random() - 0.5) * 2 * km) / 111),
  }
}

/** Located divisions among the codes, in the order given; unknown or unlocated codes are left out. */
export async function locatedPlaces(q: Queryable, codes: readonly string[]): Promise<Place[]> {
  const places = await divisionPlaces(q, codes)
  return codes.flatMap((code) => {
    const place = places.get(code)
    return place?.location ? [{ code, name: place.name, ...place.location }] : []
  })
}

/**
 * The villages (村委会, codes 2xx) of some townships. GB/T 2260 numbers a township's
 * villagers' committees from 201; asking for 201–260 and keeping what exists finds them without
 * reading the geo tables.
 */
export async function villagesOf(q: Queryable, townships9: readonly string[]): Promise<Place[]> {
  const candidates = townships9.flatMap((t) => Array.from({ length: 60 }, (_, i) => `${t}${201 + i}`))
  return locatedPlaces(q, candidates)
}

export const lepingTownships = [
  '360281001', '360281002', '360281100', '360281101', '360281102', '360281103', '360281104', '360281105', '360281106',
  '360281107', '360281108', '360281109', '360281110', '360281111', '360281112', '360281113', '360281114', '360281200',
] as const

/** Hilly townships of Leping (north-east and south-east uplands), where slopes fail. */
export const hillyTownships = ['360281102', '360281105', '360281108', '360281109', '360281113', '360281114', '360281103', '360281112'] as const

/** A version-4-shaped uuid from the seeded stream, so demo ids are the same on every machine. */
export function demoUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = '89ab'[Math.floor(random() * 4)]!
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
