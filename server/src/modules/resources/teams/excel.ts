/** Teams in Excel: template, export, import (all rows checked; nothing imported on any error). */
import type { Static } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { cellError, exportWorkbook, importRowsInvalid, readSheet, templateWorkbook, type ImportRowError, type SheetColumn } from '../../../excel/workbook.ts'
import { recordAudit } from '../../auth/index.ts'
import { checkDivisions } from '../core/excel.ts'
import * as queries from './queries.ts'
import type { TeamListQuery } from './schemas.ts'
import { allTeams } from './service.ts'
import {
  hazardKeys, hazardNames, teamLevelNames, teamLevels, teamStatuses, teamStatusNames, teamTypeNames, teamTypes,
  type HazardKey, type TeamLevel, type TeamStatus, type TeamType,
} from './vocabulary.ts'

const sheetName = '救援队伍'
const optionsOf = <K extends string>(keys: readonly K[], names: Record<K, { zh: string; en: string }>) =>
  keys.map((value) => ({ value, label: names[value].zh, labelEn: names[value].en }))

export const teamColumns = [
  { key: 'name', header: '队伍名称', headerEn: 'Name', required: true, kind: 'text', example: '镇桥镇民兵应急排', width: 26 },
  { key: 'type', header: '队伍类型', headerEn: 'Type', required: true, kind: 'enum', example: '防汛抢险', options: optionsOf(teamTypes, teamTypeNames) },
  { key: 'level', header: '级别', headerEn: 'Level', required: true, kind: 'enum', example: '乡镇级', options: optionsOf(teamLevels, teamLevelNames) },
  { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', required: true, kind: 'divisionCode', example: '360281100' },
  { key: 'location', header: '驻地经纬度', headerEn: 'Longitude,latitude', kind: 'lonLat', example: '117.1,28.95' },
  { key: 'baseAddress', header: '驻地地址', headerEn: 'Base address', kind: 'text', example: '镇桥镇武装部', width: 24 },
  { key: 'leaderName', header: '队长', headerEn: 'Leader', kind: 'text', example: '王五' },
  { key: 'leaderPhone', header: '联系电话', headerEn: 'Phone', kind: 'text', example: '13900000000' },
  { key: 'headcount', header: '人数', headerEn: 'Headcount', kind: 'integer', example: 30 },
  { key: 'status', header: '状态', headerEn: 'Status', kind: 'enum', example: '待命', options: optionsOf(teamStatuses, teamStatusNames) },
  { key: 'capabilities', header: '可处置灾种', headerEn: 'Hazards handled', kind: 'text', example: '洪涝、内涝', width: 30 },
  { key: 'equipment', header: '主要装备', headerEn: 'Equipment', kind: 'text', example: '冲锋舟×2、救生衣×50', width: 30 },
] as const satisfies readonly SheetColumn[]

const column = (key: (typeof teamColumns)[number]['key']) => teamColumns.find((c) => c.key === key)!
const listSeparator = /[、,，;；\n]+/

export const teamTemplate = () => templateWorkbook([{
  name: sheetName, columns: teamColumns,
  notes: [
    `可处置灾种用“、”分隔，可选：${hazardKeys.map((k) => hazardNames[k].zh).join('、')}`,
    '主要装备写作“名称×数量”，多项用“、”分隔，如：冲锋舟×2、救生衣×50',
  ],
}])

export async function exportTeams(db: Db, actor: Actor, query: Static<typeof TeamListQuery>): Promise<Buffer> {
  const teams = await allTeams(db, actor, query)
  return exportWorkbook([{
    name: sheetName, columns: teamColumns,
    rows: teams.map((t) => ({
      ...t,
      location: t.location ? [t.location.lon, t.location.lat] : null,
      capabilities: t.capabilities.map((k) => hazardNames[k].zh).join('、'),
      equipment: t.equipment.map((e) => `${e.name}×${e.quantity}`).join('、'),
    })),
  }])
}

const hazardByName = new Map<string, HazardKey>(hazardKeys.flatMap((k) => [[hazardNames[k].zh, k], [k, k], [hazardNames[k].en.toLowerCase(), k]] as [string, HazardKey][]))

function parseCapabilities(text: string, row: number, errors: ImportRowError[]): HazardKey[] {
  const keys: HazardKey[] = []
  for (const part of text.split(listSeparator).map((p) => p.trim()).filter(Boolean)) {
    const key = hazardByName.get(part) ?? hazardByName.get(part.toLowerCase())
    if (!key) errors.push(cellError(row, column('capabilities'), `未知灾种“${part}”`, `Unknown hazard "${part}"`))
    else if (!keys.includes(key)) keys.push(key)
  }
  return keys
}

function parseEquipment(text: string, row: number, errors: ImportRowError[]): queries.EquipmentItem[] {
  const items: queries.EquipmentItem[] = []
  for (const part of text.split(listSeparator).map((p) => p.trim()).filter(Boolean)) {
    const match = /^(.+?)\s*[×xX*]\s*(\d+)\s*\S{0,2}$/.exec(part)
    if (!match) {
      errors.push(cellError(row, column('equipment'), `“${part}”应写作“名称×数量”`, `"${part}" must be written as name×quantity`))
      continue
    }
    items.push({ name: match[1]!.trim(), quantity: Number(match[2]) })
  }
  return items
}

export async function importTeams(db: Db, actor: Actor, body: Buffer): Promise<{ imported: number }> {
  const { rows, errors } = await readSheet(body, { columns: teamColumns })
  const places = await checkDivisions(db, actor, rows, column('divisionCode'), errors)
  if (actor.role === 'enterprise') {
    for (const row of rows) errors.push(cellError(row.rowNumber, column('name'), '企业用户请逐个登记本企业队伍', 'Enterprise users register their own teams one by one'))
  }
  const values = rows.map(({ rowNumber, values: v }): queries.TeamValues => {
    const headcount = typeof v.headcount === 'number' ? v.headcount : 0
    if (headcount < 0) errors.push(cellError(rowNumber, column('headcount'), '人数不能为负', 'Headcount cannot be negative'))
    const location = Array.isArray(v.location) ? { lon: v.location[0], lat: v.location[1] } : places.get(v.divisionCode as string)?.location ?? null
    const text = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null)
    return {
      name: v.name as string, type: v.type as TeamType, level: v.level as TeamLevel, division_code: v.divisionCode as string,
      enterprise_id: null, lon: location?.lon ?? null, lat: location?.lat ?? null, base_address: text(v.baseAddress),
      leader_name: text(v.leaderName), leader_phone: text(v.leaderPhone), headcount, status: (v.status as TeamStatus | null) ?? 'ready',
      capabilities: parseCapabilities(text(v.capabilities) ?? '', rowNumber, errors),
      equipment: parseEquipment(text(v.equipment) ?? '', rowNumber, errors), synthetic: false,
    }
  })
  if (errors.length > 0) throw importRowsInvalid([...errors].sort((a, b) => a.row - b.row))
  if (values.length === 0) return { imported: 0 }
  await db.transaction(async (tx) => {
    const ids: string[] = []
    for (const v of values) ids.push(await queries.insertTeam(tx, v))
    await recordAudit(tx, { actor, action: 'team.import', entity: 'resources.team', entityId: `import:${ids.length}`, after: { count: ids.length, ids } })
  })
  return { imported: values.length }
}
