/**
 * The two sheets of the enterprise workbook: 企业 (one row per enterprise) and 生产储存单元
 * (one row per hazardous chemical of a unit, keyed by the enterprise's USCC and the unit name).
 */
import type { SheetColumn, TemplateSheet } from '../../../excel/workbook.ts'
import { usccFor } from './usccFor.ts'
import { enterpriseStatuses, standardizationLevels, supervisionCategories, unitKinds } from './vocabulary.ts'

/** A valid code (check characters computed), so a copied example passes. */
const exampleUscc = usccFor(123456)

export const enterpriseSheetName = '企业'
export const unitSheetName = '生产储存单元'

export const enterpriseColumns = [
  { key: 'uscc', header: '统一社会信用代码', headerEn: 'USCC', required: true, kind: 'text', example: exampleUscc, width: 22 },
  { key: 'name', header: '企业名称', headerEn: 'Name', required: true, kind: 'text', example: '乐平市示例化工有限公司', width: 30 },
  { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', required: true, kind: 'divisionCode', example: '360281401498', width: 16 },
  { key: 'supervisionCategory', header: '监管类别', headerEn: 'Supervision category', required: true, kind: 'enum', options: supervisionCategories, example: '危险化学品生产', width: 16 },
  { key: 'industryCode', header: '行业代码', headerEn: 'Industry code (GB/T 4754)', kind: 'text', example: 'C2614' },
  { key: 'address', header: '地址', headerEn: 'Address', kind: 'text', example: '江西乐平工业园区纬五路 8 号', width: 30 },
  { key: 'location', header: '经纬度', headerEn: 'Longitude,latitude', kind: 'lonLat', example: '117.1235,28.9712', width: 20 },
  { key: 'employees', header: '从业人数', headerEn: 'Employees', kind: 'integer', example: 260 },
  { key: 'standardizationLevel', header: '标准化等级', headerEn: 'Standardisation level', kind: 'enum', options: standardizationLevels, example: '三级' },
  { key: 'status', header: '状态', headerEn: 'Status', kind: 'enum', options: enterpriseStatuses, example: '运营' },
  { key: 'contactName', header: '联系人', headerEn: 'Contact', kind: 'text', example: '王建国' },
  { key: 'contactRole', header: '联系人职务', headerEn: 'Contact role', kind: 'text', example: '安全负责人' },
  { key: 'contactPhone', header: '联系电话', headerEn: 'Contact phone', kind: 'text', example: '13907981234', width: 16 },
  { key: 'otherContacts', header: '其他联系人', headerEn: 'Other contacts', kind: 'text', example: '李敏/主要负责人/0798-6812345', width: 30 },
] as const satisfies readonly SheetColumn[]

export const unitColumns = [
  { key: 'uscc', header: '统一社会信用代码', headerEn: 'USCC', required: true, kind: 'text', example: exampleUscc, width: 22 },
  { key: 'unitName', header: '单元名称', headerEn: 'Unit name', required: true, kind: 'text', example: '液氯储罐区', width: 20 },
  { key: 'kind', header: '单元类型', headerEn: 'Unit kind', required: true, kind: 'enum', options: unitKinds, example: '储存单元' },
  { key: 'exposedPeople', header: '厂外暴露人数', headerEn: 'People exposed outside the plant', required: true, kind: 'integer', example: 60 },
  { key: 'substanceName', header: '危险化学品名称', headerEn: 'Substance', kind: 'text', example: '液氯', width: 20 },
  { key: 'cas', header: 'CAS号', headerEn: 'CAS number', kind: 'text', example: '7782-50-5', width: 14 },
  { key: 'category', header: '危险性类别', headerEn: 'Hazard category (Table 2)', kind: 'text', example: '' },
  { key: 'mixture', header: '是否混合物', headerEn: 'Mixture', kind: 'boolean', example: '否' },
  { key: 'quantityT', header: '最大存量（吨）', headerEn: 'Quantity (t)', kind: 'number', example: 40 },
] as const satisfies readonly SheetColumn[]

export const enterpriseSheets: TemplateSheet[] = [
  {
    name: enterpriseSheetName,
    columns: enterpriseColumns,
    notes: [
      '统一社会信用代码为 18 位，按 GB 32100-2015 校验；已登记的代码按文件内容更新该企业。',
      '其他联系人：每人“姓名/职务/电话”，多人用“；”分隔。',
    ],
  },
  {
    name: unitSheetName,
    columns: unitColumns,
    notes: [
      '每行一种危险化学品；同一单元的多种物质写多行，单元名称、类型和厂外暴露人数相同。',
      '危险化学品按 GB 18218-2018 表1 的名称、别名或 CAS 号识别；不在表1中的须填危险性类别（表2，如 W5.4，多个用“、”分隔）。',
      '文件中列出单元的企业，其原有单元全部替换为文件中的单元；未列出单元的企业保留原有单元。',
    ],
  },
]

export type EnterpriseColumnKey = (typeof enterpriseColumns)[number]['key']
export type UnitColumnKey = (typeof unitColumns)[number]['key']
export const enterpriseColumn = (key: EnterpriseColumnKey) => enterpriseColumns.find((c) => c.key === key)!
export const unitColumn = (key: UnitColumnKey) => unitColumns.find((c) => c.key === key)!
