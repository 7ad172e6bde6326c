/** Shelters in Excel: one column list for template, export and import. */
import type { Tx } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import type { ImportValue, SheetColumn } from '../../../../excel/workbook.ts'
import { assertNoRowProblems, importField, type RowProblem } from '../core/importRows.ts'
import { locationOf, numberOf, textOf } from '../core/importValues.ts'
import { phoneProblem } from '../core/phone.ts'
import { parseFacilities, shelterFacilities, shelterLevels, shelterStatuses, shelterTypes } from './options.ts'
import type { ShelterValues } from './queries.ts'
import type { ShelterCreate } from './schemas.ts'
import { prepareShelter, type ShelterView } from './service.ts'

export const shelterColumns: readonly SheetColumn[] = [
  { key: 'name', header: '场所名称', headerEn: 'Name', required: true, kind: 'text', example: '镇桥镇中心小学避灾点', width: 24 },
  { key: 'type', header: '类型', headerEn: 'Type', required: true, kind: 'enum', options: shelterTypes, example: '室内' },
  { key: 'level', header: '级别', headerEn: 'Level', required: true, kind: 'enum', options: shelterLevels, example: '乡镇级' },
  { key: 'capacity', header: '可容纳人数', headerEn: 'Capacity (people)', required: true, kind: 'integer', example: 500 },
  { key: 'areaM2', header: '面积（平方米）', headerEn: 'Area (m²)', required: true, kind: 'number', example: 1800 },
  { key: 'facilities', header: '配套设施', headerEn: 'Facilities', kind: 'text', example: '水、电、厕所、医疗', width: 24 },
  { key: 'address', header: '地址', headerEn: 'Address', kind: 'text', example: '镇桥镇解放街 8 号', width: 24 },
  { key: 'managerName', header: '管理人', headerEn: 'Manager', required: true, kind: 'text', example: '刘敏' },
  { key: 'managerPhone', header: '管理人电话', headerEn: 'Manager phone', required: true, kind: 'text', example: '13907985678', width: 16 },
  { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', required: true, kind: 'divisionCode', example: '360281100000', width: 16 },
  { key: 'location', header: '经纬度', headerEn: 'Longitude,latitude', required: true, kind: 'lonLat', example: '117.21,28.93', width: 20 },
  { key: 'status', header: '状态', headerEn: 'Status', kind: 'enum', options: shelterStatuses, example: '可用' },
]

export const shelterExportColumns: readonly SheetColumn[] = [
  ...shelterColumns,
  { key: 'divisionName', header: '行政区划', headerEn: 'Division', kind: 'text' },
  { key: 'id', header: 'ID', headerEn: 'Id', kind: 'text', width: 38 },
]

export const shelterExportRow = (s: ShelterView): Record<string, unknown> =>
  ({ ...s, facilities: s.facilityNames.join('、'), location: [s.location.lon, s.location.lat] })

const facilityLabels = shelterFacilities.map((f) => f.label).join('、')

export async function prepareShelterRow(tx: Tx, actor: Actor, values: Record<string, ImportValue>, id: string): Promise<ShelterValues> {
  const problems: RowProblem[] = []
  const phone = textOf(values.managerPhone)
  const badPhone = phoneProblem(phone)
  if (badPhone) problems.push({ field: `${importField}.managerPhone`, message: badPhone[0], messageEn: badPhone[1] })
  const facilities = parseFacilities(textOf(values.facilities))
  if ('unknown' in facilities) {
    problems.push({
      field: `${importField}.facilities`,
      message: `不认识的设施：${facilities.unknown.join('、')}；可填：${facilityLabels}`,
      messageEn: `Unknown facilities: ${facilities.unknown.join(', ')}; use: ${facilityLabels}`,
    })
  }
  const capacity = numberOf(values.capacity) ?? 0
  if (capacity < 1) problems.push({ field: `${importField}.capacity`, message: '可容纳人数应至少为 1', messageEn: 'Capacity must be at least 1' })
  const area = numberOf(values.areaM2) ?? 0
  if (area <= 0) problems.push({ field: `${importField}.areaM2`, message: '面积应大于 0', messageEn: 'Area must be greater than 0' })
  assertNoRowProblems(problems)
  const input: ShelterCreate = {
    name: textOf(values.name), type: values.type as ShelterCreate['type'], level: values.level as ShelterCreate['level'],
    capacity, areaM2: area, facilities: 'facilities' in facilities ? facilities.facilities : [], address: textOf(values.address),
    managerName: textOf(values.managerName), managerPhone: phone, divisionCode: textOf(values.divisionCode),
    location: locationOf(values.location)!, status: (values.status ?? 'available') as ShelterCreate['status'],
  }
  return prepareShelter(tx, actor, id, input, false, importField)
}
