/** About 20 demo experts across the fields a county calls on. */
import { lepingSyntheticSeed } from '@yingji/domain/geo/leping'
import { randomStream } from '@yingji/domain/geo/seededRandom'
import type { Db } from '../../../../db/database.ts'
import { recordAudit } from '../../../auth/index.ts'
import { demoUuid, locatedPlaces, mobile, personName, pick } from '../core/demoData.ts'
import { countExperts, insertExperts, type ExpertValues } from './queries.ts'

const county = '360281000000'
/** Field → how many, and where such experts work. */
const pool: [field: string, count: number, organisations: string[]][] = [
  ['hazchem', 3, ['乐平市应急管理局', '江西乐平工业园区管委会', '景德镇市危险化学品协会']],
  ['mining', 2, ['乐平市自然资源局', '江西省煤田地质局']],
  ['flood', 3, ['乐平市水利局', '乐安河防汛指挥部办公室']],
  ['geology', 3, ['江西省地质局第九地质大队', '乐平市自然资源局']],
  ['forest_fire', 2, ['乐平市林业局', '乐平市森林消防大队']],
  ['medical', 2, ['乐平市人民医院', '乐平市疾病预防控制中心']],
  ['fire', 2, ['乐平市消防救援大队']],
  ['structural', 2, ['乐平市住房和城乡建设局', '景德镇市建筑设计院']],
  ['meteorology', 1, ['乐平市气象局']],
]
const titles = ['高级工程师', '正高级工程师', '工程师', '主任医师', '副主任医师', '研究员']

export async function seedExpertDemo(db: Db): Promise<number> {
  if (await countExperts(db) > 0) return 0
  if ((await locatedPlaces(db, [county])).length === 0) return 0
  const random = randomStream(lepingSyntheticSeed, 'registry.experts')
  const rows: ExpertValues[] = pool.flatMap(([field, count, organisations]) => Array.from({ length: count }, () => ({
    id: demoUuid(random), name: personName(random), field,
    title: field === 'medical' ? pick(random, titles.slice(3, 5)) : pick(random, [...titles.slice(0, 3), titles[5]!]),
    organisation: pick(random, organisations), phone: mobile(random), division_code: county, synthetic: true,
  })))
  await db.transaction(async (tx) => {
    await insertExperts(tx, rows)
    await recordAudit(tx, { actor: null, action: 'expert.seed', entity: 'expert', entityId: 'demo', after: { count: rows.length } })
  })
  return rows.length
}
