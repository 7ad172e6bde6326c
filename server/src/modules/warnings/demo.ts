/**
 * Demo subscribers of Leping (every row synthetic): per township a responsible person (SMS and
 * app) and the township's WeCom group robot; per village 2–3 village and grid officers (SMS);
 * the 群测群防员 of every geological hazard point (SMS, at the point); the safety officer of every
 * enterprise (SMS and email, at the enterprise); and a few thousand public opt-ins located
 * around the villages. Deterministic (seeded); skipped when any subscriber exists.
 */
import { sql } from 'drizzle-orm'
import { lepingSyntheticSeed } from '@yingji/domain/geo/leping'
import { normalDeviate, randomStream, type Random } from '@yingji/domain/geo/seededRandom'
import type { Db } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import { recordAudit } from '../auth/index.ts'

export const publicOptIns = 3000
/** Where the demo WeCom robots post (a local receiver); a deployment configures real ones. */
export const demoWecomBase = (env: NodeJS.ProcessEnv = process.env) => env.YINGJI_DEMO_WECOM_BASE || 'http://127.0.0.1:18080/wecom'

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '平', '建华', '国强', '志明', '春梅', '海燕', '小红', '文', '斌', '辉', '鹏']
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const personName = (random: Random) => `${pick(random, [...surnames])}${pick(random, given)}`
const mobile = (random: Random) => `1${pick(random, ['39', '38', '37', '36', '35', '58', '59', '88', '89'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`
const uuid = (random: Random) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
const near = (random: Random, p: { lon: number; lat: number }, km: number) => ({
  lon: p.lon + (normalDeviate(random) * km) / (111.32 * Math.cos((p.lat * Math.PI) / 180)),
  lat: p.lat + (normalDeviate(random) * km) / 110.57,
})

interface Row {
  id: string
  name: string
  kind: 'responsible' | 'public'
  role: string
  division_code: string | null
  lon: number | null
  lat: number | null
  phone: string | null
  email: string | null
  wecom_webhook: string | null
  channels: string[]
  enterprise_id: string | null
  hazard_point_id: string | null
}

interface Place { code: string; name: string; lon: number | null; lat: number | null; parent_code: string | null }

export async function seedWarningsDemo(db: Db): Promise<number> {
  const [existing] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM warnings.subscribers`)
  if ((existing?.n ?? 0) > 0) return 0
  const random = randomStream(lepingSyntheticSeed, 'warnings.subscribers')
  const divisions = await queryRows<Place & { level: string }>(db, sql`
    SELECT code::text AS code, name, level, ST_X(location) AS lon, ST_Y(location) AS lat, parent_code::text AS parent_code
    FROM geo.divisions WHERE code LIKE '360281%' AND level IN ('township', 'village') ORDER BY code`)
  if (divisions.length === 0) return 0
  const rows: Row[] = []
  const base: Omit<Row, 'id' | 'name' | 'role' | 'division_code' | 'channels'> = {
    kind: 'responsible', lon: null, lat: null, phone: null, email: null, wecom_webhook: null, enterprise_id: null, hazard_point_id: null,
  }
  for (const d of divisions.filter((x) => x.level === 'township')) {
    rows.push({ ...base, id: uuid(random), name: `${personName(random)}（${d.name}责任人）`, role: 'township_leader', division_code: d.code, lon: d.lon, lat: d.lat, phone: mobile(random), channels: ['sms', 'app'] })
    rows.push({ ...base, id: uuid(random), name: `${d.name}应急工作群（企业微信机器人）`, role: 'township_leader', division_code: d.code, wecom_webhook: `${demoWecomBase()}/${d.code}`, channels: ['wecom'] })
  }
  for (const v of divisions.filter((x) => x.level === 'village')) {
    const officers = 2 + Math.floor(random() * 2)
    for (let i = 0; i < officers; i++) {
      const at = v.lon !== null && v.lat !== null ? near(random, { lon: v.lon, lat: v.lat }, 0.3) : null
      rows.push({ ...base, id: uuid(random), name: personName(random), role: i === 0 ? 'village_leader' : 'grid_officer', division_code: v.code, lon: at?.lon ?? null, lat: at?.lat ?? null, phone: mobile(random), channels: ['sms'] })
    }
  }
  const hazardPoints = await queryRows<{ id: string; division_code: string; monitor_name: string; monitor_phone: string; lon: number; lat: number }>(db, sql`
    SELECT id::text AS id, division_code, monitor_name, monitor_phone, ST_X(location) AS lon, ST_Y(location) AS lat FROM registry.hazard_points ORDER BY id`)
  for (const h of hazardPoints) {
    rows.push({ ...base, id: uuid(random), name: h.monitor_name, role: 'hazard_monitor', division_code: h.division_code, lon: h.lon, lat: h.lat,
      phone: /^1[3-9]\d{9}$/.test(h.monitor_phone) ? h.monitor_phone : mobile(random), channels: ['sms'], hazard_point_id: h.id })
  }
  const enterprises = await queryRows<{ id: string; division_code: string; name: string; contact: string | null; phone: string | null; lon: number | null; lat: number | null }>(db, sql`
    SELECT id::text AS id, division_code::text AS division_code, name, contacts -> 0 ->> 'name' AS contact, contacts -> 0 ->> 'phone' AS phone,
      ST_X(location) AS lon, ST_Y(location) AS lat FROM registry.enterprises ORDER BY id`)
  enterprises.forEach((e, i) => {
    rows.push({ ...base, id: uuid(random), name: `${e.contact ?? personName(random)}（${e.name}安全员）`, role: 'enterprise_safety', division_code: e.division_code,
      lon: e.lon, lat: e.lat, phone: e.phone && /^1[3-9]\d{9}$/.test(e.phone) ? e.phone : mobile(random), email: `safety${i + 1}@enterprise.example.cn`,
      channels: ['sms', 'email'], enterprise_id: e.id })
  })
  const villages = divisions.filter((x) => x.level === 'village' && x.lon !== null && x.lat !== null)
  for (let i = 0; i < publicOptIns && villages.length > 0; i++) {
    const v = pick(random, villages)
    const at = near(random, { lon: v.lon!, lat: v.lat! }, 1.2)
    rows.push({ ...base, id: uuid(random), kind: 'public', name: `公众用户${String(i + 1).padStart(4, '0')}`, role: 'public', division_code: null, lon: at.lon, lat: at.lat, phone: mobile(random), channels: ['sms'] })
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.execute(sql`
        INSERT INTO warnings.subscribers (id, name, kind, role, division_code, location, phone, email, wecom_webhook, channels, enterprise_id, hazard_point_id, synthetic)
        SELECT r.id, r.name, r.kind, r.role, r.division_code,
          CASE WHEN r.lon IS NULL OR r.lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) END,
          r.phone, r.email, r.wecom_webhook, r.channels, r.enterprise_id, r.hazard_point_id, true
        FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb) AS r(id uuid, name text, kind text, role text, division_code text,
          lon double precision, lat double precision, phone text, email text, wecom_webhook text, channels text[], enterprise_id uuid, hazard_point_id uuid)`)
    }
    await recordAudit(tx, { actor: null, action: 'subscriber.seed_demo', entity: 'warnings.subscriber', entityId: 'demo', after: { count: rows.length } })
  })
  return rows.length
}
