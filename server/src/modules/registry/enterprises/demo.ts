/**
 * Leping's demo enterprises (演示数据, every row synthetic): chemical and pharmaceutical plants
 * in 江西乐平工业园区 with real GB 18218 substances in quantities that make some of them major
 * hazards of each level; fireworks makers, non-coal mines and tailings ponds in the hills;
 * metallurgy, fuel stations and others over the townships. Deterministic (seeded PRNG) and
 * written with multi-row inserts; skipped when any enterprise exists.
 */
import { randomStream, type Random } from '@yingji/domain/geo/seededRandom'
import type { Db } from '../../../db/database.ts'
import { recordAudit } from '../../auth/audit.ts'
import { divisionPlaces } from '../../geo/index.ts'
import { gradeColumns, gradeOrThrow } from './grading.ts'
import * as queries from './queries.ts'
import { usccFor } from './usccFor.ts'
import type { SupervisionCategory } from './vocabulary.ts'

const seed = 9
/** 江西乐平工业园区 and its one village-level unit (江西乐平工业园虚拟社区). */
const industrialPark = '360281401498'

interface DemoUnit { name: string; kind: 'production' | 'storage'; exposedPeople: number; substances: queries.StoredSubstance[] }
interface DemoKind {
  category: SupervisionCategory
  industry: string
  /** Name stems; the enterprise name is `<place><stem>`. */
  stems: readonly string[]
  divisions: readonly string[]
  units: (random: Random) => DemoUnit[]
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
const between = (random: Random, lo: number, hi: number) => Math.round(lo + random() * (hi - lo))
const tonnes = (random: Random, lo: number, hi: number) => Math.round((lo + random() * (hi - lo)) * 10) / 10

const hills = ['360281102000', '360281105000', '360281108000', '360281109000', '360281113000', '360281114000']
const plains = ['360281100000', '360281101000', '360281103000', '360281104000', '360281106000', '360281107000', '360281110000', '360281111000', '360281112000', '360281200000']
const town = ['360281001000', '360281002000', '360281400000']

/** Chemical plants: a storage unit of a toxic or flammable substance, often a production unit too. */
const chemicalUnits = (random: Random): DemoUnit[] => {
  const storage = pick(random, [
    { name: '液氯储罐区', substances: [{ cas: '7782-50-5', name: '液氯', quantityT: tonnes(random, 8, 160) }] },
    { name: '液氨储罐区', substances: [{ cas: '7664-41-7', name: '液氨', quantityT: tonnes(random, 15, 320) }] },
    { name: '甲醇罐区', substances: [{ cas: '67-56-1', name: '甲醇', quantityT: tonnes(random, 200, 4000) }] },
    { name: '苯罐区', substances: [{ cas: '71-43-2', name: '苯', quantityT: tonnes(random, 20, 500) }] },
    { name: '液化石油气球罐区', substances: [{ name: '液化石油气', quantityT: tonnes(random, 30, 600) }] },
    { name: '环氧乙烷储罐', substances: [{ cas: '75-21-8', name: '环氧乙烷', quantityT: tonnes(random, 5, 90) }] },
    { name: '溶剂罐区', substances: [{ cas: '108-88-3', name: '甲苯', quantityT: tonnes(random, 50, 800) }, { cas: '67-64-1', name: '丙酮', quantityT: tonnes(random, 30, 400) }] },
  ] as const)
  const units: DemoUnit[] = [{ name: storage.name, kind: 'storage', exposedPeople: pick(random, [0, 12, 35, 60, 80, 150]), substances: storage.substances.map((s) => ({ ...s })) }]
  if (random() < 0.6) {
    units.push({
      name: pick(random, ['合成车间', '氯化工段', '精馏装置', '加氢装置']),
      kind: 'production',
      exposedPeople: pick(random, [0, 20, 45]),
      substances: [{ cas: '1333-74-0', name: '氢气', quantityT: tonnes(random, 0.5, 8) }],
    })
  }
  return units
}

const kinds: (DemoKind & { count: number })[] = [
  { count: 18, category: 'hazchem_production', industry: 'C2614', stems: ['化工有限公司', '化学有限公司', '新材料有限公司', '精细化工有限公司'], divisions: [industrialPark], units: chemicalUnits },
  {
    count: 6, category: 'hazchem_use', industry: 'C2710', stems: ['制药有限公司', '药业有限公司'], divisions: [industrialPark],
    units: (random) => [{
      name: '溶剂库', kind: 'storage', exposedPeople: pick(random, [0, 25, 40]),
      substances: [{ cas: '64-17-5', name: '乙醇', quantityT: tonnes(random, 20, 300) }, { cas: '67-56-1', name: '甲醇', quantityT: tonnes(random, 10, 200) }],
    }],
  },
  {
    count: 8, category: 'hazchem_trading', industry: 'F5265', stems: ['加油站', '石油经营部', '液化气充装站'], divisions: [...town, ...plains],
    units: (random) => [{
      name: '储油罐区', kind: 'storage', exposedPeople: pick(random, [40, 90, 200]),
      substances: [{ name: '汽油', quantityT: tonnes(random, 30, 120) }, { name: '柴油', category: 'W5.4', quantityT: tonnes(random, 30, 150) }],
    }],
  },
  {
    count: 6, category: 'fireworks', industry: 'C2672', stems: ['烟花爆竹有限公司', '花炮厂'], divisions: hills,
    units: (random) => [{ name: '成品仓库', kind: 'storage', exposedPeople: pick(random, [0, 8, 30]), substances: [{ name: '烟花爆竹成品', category: 'W1.3', quantityT: tonnes(random, 5, 60) }] }],
  },
  { count: 6, category: 'non_coal_mine', industry: 'B1019', stems: ['石灰石矿', '采石场', '萤石矿'], divisions: hills, units: () => [] },
  { count: 4, category: 'tailings_pond', industry: 'B0912', stems: ['尾矿库'], divisions: hills, units: () => [] },
  { count: 8, category: 'metallurgy_trade', industry: 'C3130', stems: ['钢铁有限公司', '铸造有限公司', '铝业有限公司', '纺织有限公司'], divisions: [...plains, industrialPark], units: () => [] },
  { count: 4, category: 'other', industry: 'C1511', stems: ['酒业有限公司', '食品有限公司'], divisions: [...town, ...plains], units: () => [] },
]

const places = ['乐平', '乐安江', '洎阳', '翥山', '鸬鹚', '众埠', '涌山', '洪岩', '名口', '后港', '镇桥', '塔前', '双田', '礼林']
const extra = ['华昌', '恒泰', '金源', '瑞丰', '鑫达', '宏远', '天成', '永盛', '兴业', '汇通', '博瑞', '安达']
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '吴', '徐', '胡', '程', '汪', '余', '洪']
const givenNames = ['建国', '志强', '海燕', '明华', '丽萍', '卫东', '文斌', '秀英', '国平', '小军', '红梅', '永福']
const standardization = ['level1', 'level2', 'level3', 'level3', 'none'] as const

export interface DemoEnterprise { values: queries.EnterpriseValues; units: DemoUnit[] }

/** The demo dataset, without touching the database: division points come from `points`. */
export function demoEnterprises(points: ReadonlyMap<string, { lon: number; lat: number } | null>): DemoEnterprise[] {
  const random = randomStream(seed, 'enterprises')
  const result: DemoEnterprise[] = []
  const usedNames = new Set<string>()
  let serial = 0
  for (const kind of kinds) {
    for (let i = 0; i < kind.count; i++) {
      serial++
      const division = pick(random, kind.divisions)
      const spread = division === industrialPark ? 0.012 : 0.03
      const point = points.get(division)
      // Drawn whether or not the division has a point, so the rest of the data does not shift.
      const [dx, dy] = [random(), random()]
      const newName = () => `${pick(random, places)}${pick(random, extra)}${pick(random, kind.stems)}`
      let name = newName()
      while (usedNames.has(name)) name = newName()
      usedNames.add(name)
      const contact = (role: string) => ({ name: `${pick(random, surnames)}${pick(random, givenNames)}`, role, phone: `139${String(between(random, 0, 99_999_999)).padStart(8, '0')}` })
      result.push({
        values: {
          uscc: usccFor(serial * 7919 + 100_000),
          name,
          industry_code: kind.industry,
          supervision_category: kind.category,
          address: `${name.replace(/有限公司$/, '')}厂区`,
          lon: point ? Math.round((point.lon + (dx - 0.5) * spread) * 1e6) / 1e6 : null,
          lat: point ? Math.round((point.lat + (dy - 0.5) * spread) * 1e6) / 1e6 : null,
          division_code: division,
          contacts: [contact('安全负责人'), contact('主要负责人')],
          employees: between(random, 12, 900),
          standardization_level: pick(random, standardization),
          status: random() < 0.9 ? 'operating' : 'suspended',
          synthetic: true,
        },
        units: kind.units(random),
      })
    }
  }
  return result
}

export async function seedEnterpriseDemo(db: Db): Promise<void> {
  if (await queries.anyEnterprise(db)) return
  const codes = [industrialPark, ...hills, ...plains, ...town]
  const places = await divisionPlaces(db, codes)
  // Without Leping's divisions (another county) there is nothing to place the demo in.
  if (!places.has(industrialPark)) return
  const demo = demoEnterprises(new Map(codes.map((c) => [c, places.get(c)?.location ?? null])))
  await db.transaction(async (tx) => {
    const ids = new Map((await queries.insertEnterprises(tx, demo.map((d) => d.values))).map((r) => [r.uscc, r.id]))
    const units: queries.UnitValues[] = demo.flatMap((d) => d.units.map((u) => ({
      enterprise_id: ids.get(d.values.uscc)!, division_code: d.values.division_code, name: u.name, kind: u.kind,
      exposed_people: u.exposedPeople, substances: u.substances, ...gradeColumns(gradeOrThrow(u.exposedPeople, u.substances)), synthetic: true,
    })))
    await queries.insertUnits(tx, units)
    await queries.refreshMajorHazardLevels(tx, [...ids.values()])
    await recordAudit(tx, { actor: null, action: 'enterprise.seed', entity: 'enterprise', entityId: 'demo', after: { enterprises: demo.length, units: units.length } })
  })
}
