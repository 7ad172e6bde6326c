/** Geological hazard points in Excel: one column list for template, export and import. */
import type { Tx } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import type { ImportValue, SheetColumn } from '../../../../excel/workbook.ts'
import { assertNoRowProblems, importField, type RowProblem } from '../core/importRows.ts'
import { locationOf, numberOf, textOf } from '../core/importValues.ts'
import { phoneProblem } from '../core/phone.ts'
import { hazardScales, hazardStabilities, hazardStatuses, hazardTypes } from './options.ts'
import type { HazardPointValues } from './queries.ts'
import type { HazardPointCreate } from './schemas.ts'
import { prepareHazardPoint, type HazardPointView } from './service.ts'

export const hazardPointColumns: readonly SheetColumn[] = [
  { key: 'name', header: '隐患点名称', headerEn: 'Name', required: true, kind: 'text', example: '塘湖村后山滑坡', width: 24 },
  { key: 'type', header: '灾害类型', headerEn: 'Type', required: true, kind: 'enum', options: hazardTypes, example: '滑坡' },
  { key: 'scale', header: '规模', headerEn: 'Scale', required: true, kind: 'enum', options: hazardScales, example: '小型' },
  { key: 'stability', header: '稳定性', headerEn: 'Stability', required: true, kind: 'enum', options: hazardStabilities, example: '基本稳定' },
  { key: 'threatenedHouseholds', header: '威胁户数', headerEn: 'Households threatened', required: true, kind: 'integer', example: 6 },
  { key: 'threatenedPeople', header: '威胁人数', headerEn: 'People threatened', required: true, kind: 'integer', example: 23 },
  { key: 'threatenedProperty', header: '威胁财产（万元）', headerEn: 'Property threatened (10k yuan)', required: true, kind: 'number', example: 120 },
  { key: 'divisionCode', header: '所在村代码', headerEn: 'Village code', required: true, kind: 'divisionCode', example: '360281100201', width: 16 },
  { key: 'monitorName', header: '群测群防员', headerEn: 'Community monitor', required: true, kind: 'text', example: '王建国' },
  { key: 'monitorPhone', header: '监测员电话', headerEn: 'Monitor phone', required: true, kind: 'text', example: '13807981234', width: 16 },
  { key: 'location', header: '经纬度', headerEn: 'Longitude,latitude', required: true, kind: 'lonLat', example: '117.25,28.92', width: 20 },
  { key: 'status', header: '状态', headerEn: 'Status', kind: 'enum', options: hazardStatuses, example: '在册' },
]

export const hazardPointExportColumns: readonly SheetColumn[] = [
  ...hazardPointColumns,
  { key: 'divisionName', header: '所在村', headerEn: 'Village', kind: 'text' },
  { key: 'id', header: 'ID', headerEn: 'Id', kind: 'text', width: 38 },
]

export const hazardPointExportRow = (p: HazardPointView): Record<string, unknown> => ({ ...p, location: [p.location.lon, p.location.lat] })

export async function prepareHazardPointRow(tx: Tx, actor: Actor, values: Record<string, ImportValue>, id: string): Promise<HazardPointValues> {
  const problems: RowProblem[] = []
  const phone = textOf(values.monitorPhone)
  const badPhone = phoneProblem(phone)
  if (badPhone) problems.push({ field: `${importField}.monitorPhone`, message: badPhone[0], messageEn: badPhone[1] })
  for (const key of ['threatenedHouseholds', 'threatenedPeople', 'threatenedProperty']) {
    if ((numberOf(values[key]) ?? 0) < 0) problems.push({ field: `${importField}.${key}`, message: '不能为负数', messageEn: 'Cannot be negative' })
  }
  assertNoRowProblems(problems)
  const input: HazardPointCreate = {
    name: textOf(values.name), type: values.type as HazardPointCreate['type'], scale: values.scale as HazardPointCreate['scale'],
    stability: values.stability as HazardPointCreate['stability'], threatenedHouseholds: numberOf(values.threatenedHouseholds) ?? 0,
    threatenedPeople: numberOf(values.threatenedPeople) ?? 0, threatenedProperty: numberOf(values.threatenedProperty) ?? 0,
    divisionCode: textOf(values.divisionCode), monitorName: textOf(values.monitorName), monitorPhone: phone,
    location: locationOf(values.location)!, status: (values.status ?? 'active') as HazardPointCreate['status'],
  }
  return prepareHazardPoint(tx, actor, id, input, false, importField)
}
