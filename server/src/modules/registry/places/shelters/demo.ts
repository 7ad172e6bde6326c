/**
 * About 70 demo shelters (synthetic): the city's sports centre; in each township seat the
 * central primary school, the middle school and the culture station or gym (each township about
 * 1,700–3,600 places, some 55,000 in the county — enough for the riverside villages a flood
 * warning covers, not for whole townships); village halls in some villages; capacities 100–2,000.
 */
import { lepingSyntheticSeed } from '@yingji/domain/geo/leping'
import { randomStream } from '@yingji/domain/geo/seededRandom'
import type { Db } from '../../../../db/database.ts'
import { recordAudit } from '../../../auth/index.ts'
import { between, demoUuid, hillyTownships, lepingTownships, locatedPlaces, mobile, near, personName, pick, villagesOf } from '../core/demoData.ts'
import { countShelters, insertShelters, type ShelterValues } from './queries.ts'

const villageShelters = 11

export async function seedShelterDemo(db: Db): Promise<number> {
  if (await countShelters(db) > 0) return 0
  const townships = await locatedPlaces(db, lepingTownships.map((t) => `${t}000`))
  if (townships.length === 0) return 0
  const villages = await villagesOf(db, hillyTownships)
  const random = randomStream(lepingSyntheticSeed, 'registry.shelters')
  const shelter = (partial: Pick<ShelterValues, 'name' | 'type' | 'level' | 'capacity' | 'division_code' | 'address' | 'facilities'> & { at: { lon: number; lat: number } }): ShelterValues => ({
    id: demoUuid(random), name: partial.name, type: partial.type, level: partial.level, capacity: partial.capacity,
    area_m2: partial.capacity * between(random, 2, 4), facilities: partial.facilities, address: partial.address,
    manager_name: personName(random), manager_phone: mobile(random), division_code: partial.division_code,
    lon: partial.at.lon, lat: partial.at.lat, status: random() < 0.92 ? 'available' : 'closed', synthetic: true,
  })
  const seat = townships[0]!
  const rows: ShelterValues[] = [shelter({
    name: '乐平市体育中心避灾安置点', type: 'mixed', level: 'city', capacity: 2000, division_code: seat.code,
    address: `${seat.name}体育路`, facilities: ['water', 'power', 'toilet', 'medical', 'supplies', 'kitchen', 'communication', 'broadcast', 'fire'],
    at: near(random, seat, 1),
  })]
  // Schools and halls of the township seat: [name, hundreds of places min–max].
  const seatShelters = (): [string, number, number][] => [
    ['中心小学', 6, 12], ['初级中学', 8, 16], [pick(random, ['文化站', '全民健身中心体育馆'] as const), 3, 8],
  ]
  for (const t of townships) {
    for (const [kind, min, max] of seatShelters()) {
      rows.push(shelter({
        name: `${t.name}${kind}避灾安置点`, type: kind === '文化站' ? 'mixed' : 'indoor', level: 'township',
        capacity: between(random, min, max) * 100, division_code: t.code, address: `${t.name}政府驻地`,
        facilities: ['water', 'power', 'toilet', ...(random() < 0.6 ? ['medical' as const] : []), ...(random() < 0.7 ? ['supplies' as const] : []), 'broadcast'],
        at: near(random, t, 1.5),
      }))
    }
  }
  for (let i = 0; i < Math.min(villageShelters, villages.length); i++) {
    const v = villages[Math.floor((i * villages.length) / villageShelters)]!
    rows.push(shelter({
      name: `${v.name.replace(/(村委会|居委会)$/, '村')}村民活动中心避灾点`, type: random() < 0.7 ? 'indoor' : 'outdoor', level: 'village',
      capacity: between(random, 1, 3) * 100, division_code: v.code, address: `${v.name}`,
      facilities: random() < 0.5 ? ['water', 'power', 'toilet'] : ['water', 'power'], at: near(random, v, 0.5),
    }))
  }
  await db.transaction(async (tx) => {
    await insertShelters(tx, rows)
    await recordAudit(tx, { actor: null, action: 'shelter.seed', entity: 'shelter', entityId: 'demo', after: { count: rows.length } })
  })
  return rows.length
}
