/** Risk points in Excel: template, export and import columns (the import's checks are the API's). */
import { riskLevelInfo } from '@yingji/domain/risk/riskLevel'
import type { Tx } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import type { ImportValue, SheetColumn } from '../../../../excel/workbook.ts'
import { assertNoRowProblems, importField, type RowProblem } from '../core/importRows.ts'
import { locationOf, numberOf as num, textOf as text } from '../core/importValues.ts'
import { phoneProblem } from '../core/phone.ts'
import { formatControlMeasures, parseControlMeasures } from './controlMeasuresText.ts'
import type { RiskPointValues } from './queries.ts'
import type { RiskPointCreate } from './schemas.ts'
import { prepareRiskPoint, type RiskPointView } from './service.ts'
import type { RiskRules } from './scoring.ts'

export const riskPointColumns: readonly SheetColumn[] = [
  { key: 'name', header: '风险点名称', headerEn: 'Name', required: true, kind: 'text', example: '液氯储罐区', width: 24 },
  {
    key: 'kind', header: '类别', headerEn: 'Kind', required: true, kind: 'enum', example: '企业',
    options: [{ value: 'enterprise', label: '企业', labelEn: 'enterprise' }, { value: 'public_place', label: '公共场所', labelEn: 'public place' }],
  },
  { key: 'enterpriseId', header: '企业ID', headerEn: 'Enterprise id', kind: 'text', width: 38 },
  { key: 'placeType', header: '场所类型', headerEn: 'Place type', kind: 'text', example: '储罐区' },
  { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', required: true, kind: 'divisionCode', example: '360281401000', width: 16 },
  { key: 'location', header: '经纬度', headerEn: 'Longitude,latitude', kind: 'lonLat', example: '117.1,28.99', width: 20 },
  {
    key: 'method', header: '评价方法', headerEn: 'Method', required: true, kind: 'enum', example: 'LEC',
    options: [{ value: 'LEC', label: 'LEC', labelEn: 'LEC' }, { value: 'LS', label: 'LS', labelEn: 'LS' }],
  },
  { key: 'likelihood', header: '可能性L', headerEn: 'Likelihood L', required: true, kind: 'number', example: 3 },
  { key: 'exposure', header: '暴露频繁程度E', headerEn: 'Exposure E (LEC)', kind: 'number', example: 6 },
  { key: 'consequence', header: '后果C', headerEn: 'Consequence C (LEC)', kind: 'number', example: 15 },
  { key: 'severity', header: '严重性S', headerEn: 'Severity S (LS)', kind: 'number' },
  { key: 'hazards', header: '危险因素', headerEn: 'Hazards', kind: 'text', example: '液氯泄漏', width: 30 },
  { key: 'consequences', header: '可能导致的事故', headerEn: 'Possible accidents', kind: 'text', example: '中毒和窒息', width: 24 },
  { key: 'controlMeasures', header: '管控措施', headerEn: 'Control measures (level|measure|person per line)', kind: 'text', example: '公司|设置泄漏报警并与紧急切断联锁|张伟', width: 40 },
  { key: 'emergencyMeasures', header: '应急处置措施', headerEn: 'Emergency measures', kind: 'text', example: '发现泄漏立即疏散下风向人员并报告', width: 40 },
  { key: 'responsiblePerson', header: '责任人', headerEn: 'Person responsible', kind: 'text', example: '张伟' },
  { key: 'responsiblePhone', header: '联系电话', headerEn: 'Phone', kind: 'text', example: '13907981234', width: 16 },
  { key: 'reviewDate', header: '复评日期', headerEn: 'Review date', kind: 'date', example: '2026-12-31' },
]

/** An export adds what the service computed (read-only: an import ignores these columns). */
export const riskPointExportColumns: readonly SheetColumn[] = [
  ...riskPointColumns,
  { key: 'score', header: '风险值', headerEn: 'Score (D or R)', kind: 'number' },
  { key: 'levelName', header: '风险等级', headerEn: 'Risk level', kind: 'text' },
  { key: 'colourName', header: '风险颜色', headerEn: 'Colour', kind: 'text' },
  { key: 'divisionName', header: '行政区划', headerEn: 'Division', kind: 'text' },
  { key: 'id', header: 'ID', headerEn: 'Id', kind: 'text', width: 38 },
]

export const riskPointExportRow = (p: RiskPointView): Record<string, unknown> => ({
  ...p,
  location: p.location ? [p.location.lon, p.location.lat] : null,
  controlMeasures: formatControlMeasures(p.controlMeasures),
  colourName: riskLevelInfo[p.level].colourName.zh,
})


/** An import row → a stored row, through the same checks as `POST` (errors name `row.<column key>`). */
export async function prepareRiskPointRow(tx: Tx, actor: Actor, values: Record<string, ImportValue>, rules: RiskRules, id: string): Promise<RiskPointValues> {
  const problems: RowProblem[] = []
  const problem = (key: string, [message, messageEn]: [string, string]) => problems.push({ field: `${importField}.${key}`, message, messageEn })
  const measures = parseControlMeasures(text(values.controlMeasures))
  if ('error' in measures) problem('controlMeasures', measures.error)
  const phone = text(values.responsiblePhone)
  const badPhone = phone ? phoneProblem(phone) : null
  if (badPhone) problem('responsiblePhone', badPhone)
  const enterpriseId = text(values.enterpriseId) || null
  if (enterpriseId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(enterpriseId)) {
    problem('enterpriseId', [`企业ID格式不正确：${enterpriseId}`, `Not an enterprise id: ${enterpriseId}`])
  }
  assertNoRowProblems(problems)
  const input: RiskPointCreate = {
    name: text(values.name), kind: values.kind as RiskPointCreate['kind'], enterpriseId, placeType: text(values.placeType),
    divisionCode: text(values.divisionCode), location: locationOf(values.location),
    method: values.method as RiskPointCreate['method'], likelihood: num(values.likelihood) ?? 0,
    exposure: num(values.exposure), consequence: num(values.consequence), severity: num(values.severity),
    hazards: text(values.hazards), consequences: text(values.consequences), controlMeasures: 'measures' in measures ? measures.measures : [],
    emergencyMeasures: text(values.emergencyMeasures), responsiblePerson: text(values.responsiblePerson),
    responsiblePhone: phone, reviewDate: typeof values.reviewDate === 'string' ? values.reviewDate : null,
  }
  return prepareRiskPoint(tx, actor, id, input, rules, false, importField)
}
