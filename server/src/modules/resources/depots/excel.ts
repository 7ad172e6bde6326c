/** Depots in Excel: template, export and import (all rows checked, nothing imported on any error). */
import type { Static } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { exportWorkbook, importRowsInvalid, readSheet, templateWorkbook, type SheetColumn } from '../../../excel/workbook.ts'
import { recordAudit } from '../../auth/index.ts'
import { checkDivisions } from '../core/excel.ts'
import * as queries from './queries.ts'
import { depotLevelNames, depotLevels, type DepotLevel, type DepotListQuery } from './schemas.ts'
import { allDepots } from './service.ts'

const sheetName = '储备库'

export const depotColumns = [
  { key: 'name', header: '名称', headerEn: 'Name', required: true, kind: 'text', example: '镇桥镇应急物资储备库', width: 28 },
  {
    key: 'level', header: '级别', headerEn: 'Level', required: true, kind: 'enum', example: '乡镇级',
    options: depotLevels.map((value) => ({ value, label: depotLevelNames[value].zh, labelEn: depotLevelNames[value].en })),
  },
  { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', required: true, kind: 'divisionCode', example: '360281100' },
  { key: 'location', header: '经纬度', headerEn: 'Longitude,latitude', kind: 'lonLat', example: '117.1,28.95' },
  { key: 'address', header: '地址', headerEn: 'Address', kind: 'text', example: '镇桥镇政府院内', width: 28 },
  { key: 'manager', header: '负责人', headerEn: 'Manager', kind: 'text', example: '张三' },
  { key: 'phone', header: '联系电话', headerEn: 'Phone', kind: 'text', example: '0798-6800000' },
  { key: 'capacityNote', header: '库容说明', headerEn: 'Capacity', kind: 'text', example: '仓库面积 300 平方米', width: 24 },
] as const satisfies readonly SheetColumn[]

const column = (key: (typeof depotColumns)[number]['key']) => depotColumns.find((c) => c.key === key)!

export const depotTemplate = () => templateWorkbook([{ name: sheetName, columns: depotColumns }])

export async function exportDepots(db: Db, actor: Actor, query: Static<typeof DepotListQuery>): Promise<Buffer> {
  const depots = await allDepots(db, actor, query)
  return exportWorkbook([{
    name: sheetName, columns: depotColumns,
    rows: depots.map((d) => ({ ...d, location: d.location ? [d.location.lon, d.location.lat] : null })),
  }])
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)

/** Imports every row or none: a 400 `import_rows_invalid` lists every wrong cell. */
export async function importDepots(db: Db, actor: Actor, body: Buffer): Promise<{ imported: number }> {
  // The first data sheet, whatever its name: clerks rename sheets.
  const { rows, errors } = await readSheet(body, { columns: depotColumns })
  const places = await checkDivisions(db, actor, rows, column('divisionCode'), errors)
  if (errors.length > 0) throw importRowsInvalid([...errors].sort((a, b) => a.row - b.row))
  const values: queries.DepotValues[] = rows.map(({ values: v }) => {
    const location = Array.isArray(v.location) ? { lon: v.location[0], lat: v.location[1] } : places.get(v.divisionCode as string)?.location ?? null
    return {
      level: v.level as DepotLevel, name: v.name as string, division_code: v.divisionCode as string,
      lon: location?.lon ?? null, lat: location?.lat ?? null,
      address: text(v.address), manager: text(v.manager), phone: text(v.phone), capacity_note: text(v.capacityNote), synthetic: false,
    }
  })
  if (values.length === 0) return { imported: 0 }
  await db.transaction(async (tx) => {
    const ids = await queries.insertDepots(tx, values)
    await recordAudit(tx, { actor, action: 'depot.import', entity: 'resources.depot', entityId: `import:${ids.length}`, after: { count: ids.length, ids } })
  })
  return { imported: values.length }
}
