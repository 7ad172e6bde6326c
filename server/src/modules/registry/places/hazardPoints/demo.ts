/**
 * About 40 demo geological hazard points in Leping's hilly townships, near their villages, and
 * 12 in 镇桥镇, the township of the storm day (SCENARIO step 3: "12 monitoring persons of
 * geological hazard points" receive its warning). Each point has its 群测群防员 (monitor).
 */
import { lepingSyntheticSeed } from '@yingji/domain/geo/leping'
import { randomStream, type Random } from '@yingji/domain/geo/seededRandom'
import type { Db } from '../../../../db/database.ts'
import { recordAudit } from '../../../auth/index.ts'
import { between, demoUuid, hillyTownships, mobile, near, personName, pick, villagesOf, type Place } from '../core/demoData.ts'
import { countHazardPoints, insertHazardPoints, type HazardPointValues } from './queries.ts'
import { hazardTypes } from './options.ts'

/** The storm day's township (镇桥镇) */
const stormTownship = '360281100'
/** Slopes fail far more often than the ground sinks (Jiangxi's register is mostly landslides). */
const typeWeights: [HazardPointValues['type'], number][] = [['landslide', 0.6], ['collapse', 0.25], ['debris_flow', 0.08], ['subsidence', 0.07]]
const places = ['后山', '村东', '村西', '组背后', '公路边坡', '屋后', '山脚', '河岸']

export async function seedHazardPointDemo(db: Db): Promise<number> {
  if (await countHazardPoints(db) > 0) return 0
  const hilly = await villagesOf(db, hillyTownships)
  if (hilly.length === 0) return 0
  // Separate streams: the storm township's points leave the hilly townships' as they were.
  const rows = [
    ...hazardPoints(randomStream(lepingSyntheticSeed, 'registry.hazardPoints'), hilly, 40),
    ...hazardPoints(randomStream(lepingSyntheticSeed, 'registry.hazardPoints.stormTownship'), await villagesOf(db, [stormTownship]), 12),
  ]
  await db.transaction(async (tx) => {
    await insertHazardPoints(tx, rows)
    await recordAudit(tx, { actor: null, action: 'hazard_point.seed', entity: 'hazard_point', entityId: 'demo', after: { count: rows.length } })
  })
  return rows.length
}

/** `count` points spread over `villages` in order, each within ~1.2 km of its village point. */
function hazardPoints(random: Random, villages: readonly Place[], count: number): HazardPointValues[] {
  const rows: HazardPointValues[] = []
  if (villages.length === 0) return rows
  for (let i = 0; i < count; i++) {
    const village = villages[Math.floor((i / count) * villages.length + random() * 3) % villages.length]!
    let roll = random()
    const type = typeWeights.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'landslide'
    const scale = random() < 0.75 ? 'small' : random() < 0.8 ? 'medium' : 'large'
    const households = between(random, 1, scale === 'small' ? 12 : 40)
    const people = households * between(random, 2, 5)
    rows.push({
      id: demoUuid(random),
      name: `${village.name.replace(/(村委会|居委会)$/, '村')}${pick(random, places)}${hazardTypes.find((t) => t.value === type)!.label}`,
      type, scale, stability: pick(random, ['stable', 'fairly_stable', 'fairly_stable', 'unstable'] as const),
      threatened_households: households, threatened_people: people,
      threatened_property: Math.round(households * between(random, 8, 30) * 10) / 10,
      division_code: village.code, monitor_name: personName(random), monitor_phone: mobile(random),
      ...near(random, village, 1.2), status: random() < 0.9 ? 'active' : 'mitigated', synthetic: true,
    })
  }
  return rows
}
