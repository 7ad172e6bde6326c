/** The expert pool in Excel: one column list for template, export and import. */
import type { Tx } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import type { ImportValue, SheetColumn } from '../../../../excel/workbook.ts'
import { assertNoRowProblems, importField } from '../core/importRows.ts'
import { textOf } from '../core/importValues.ts'
import { phoneProblem } from '../core/phone.ts'
import { expertFields } from './options.ts'
import type { ExpertValues } from './queries.ts'
import type { ExpertCreate } from './schemas.ts'
import { prepareExpert, type ExpertView } from './service.ts'

export const expertColumns: readonly SheetColumn[] = [
  { key: 'name', header: '姓名', headerEn: 'Name', required: true, kind: 'text', example: '陈立新' },
  { key: 'field', header: '专业领域', headerEn: 'Field', required: true, kind: 'enum', options: expertFields, example: '危化' },
  { key: 'title', header: '职称', headerEn: 'Title', kind: 'text', example: '高级工程师' },
  { key: 'organisation', header: '工作单位', headerEn: 'Organisation', kind: 'text', example: '乐平市应急管理局', width: 24 },
  { key: 'phone', header: '联系电话', headerEn: 'Phone', required: true, kind: 'text', example: '13907989876', width: 16 },
  { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', required: true, kind: 'divisionCode', example: '360281000000', width: 16 },
]

export const expertExportColumns: readonly SheetColumn[] = [
  ...expertColumns,
  { key: 'divisionName', header: '行政区划', headerEn: 'Division', kind: 'text' },
  { key: 'id', header: 'ID', headerEn: 'Id', kind: 'text', width: 38 },
]

export const expertExportRow = (e: ExpertView): Record<string, unknown> => ({ ...e })

export async function prepareExpertRow(tx: Tx, actor: Actor, values: Record<string, ImportValue>, id: string): Promise<ExpertValues> {
  const phone = textOf(values.phone)
  const badPhone = phoneProblem(phone)
  assertNoRowProblems(badPhone ? [{ field: `${importField}.phone`, message: badPhone[0], messageEn: badPhone[1] }] : [])
  const input: ExpertCreate = {
    name: textOf(values.name), field: values.field as ExpertCreate['field'], title: textOf(values.title),
    organisation: textOf(values.organisation), phone, divisionCode: textOf(values.divisionCode),
  }
  return prepareExpert(tx, actor, id, input, false, importField)
}
