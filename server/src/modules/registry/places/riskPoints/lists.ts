/**
 * 三清单: one workbook with the risk list (风险清单), the control-measure list (管控措施清单,
 * one row per measure) and the emergency-response list (应急处置清单) of the selected points.
 */
import { riskLevelInfo } from '@yingji/domain/risk/riskLevel'
import { exportWorkbook, type SheetColumn } from '../../../../excel/workbook.ts'
import { controlLevelNames } from './controlMeasuresText.ts'
import { formula } from './card.ts'
import type { RiskPointView } from './service.ts'

const t = (key: string, header: string, headerEn: string, width?: number): SheetColumn =>
  ({ key, header, headerEn, kind: 'text', ...(width ? { width } : {}) })
const n = (key: string, header: string, headerEn: string): SheetColumn => ({ key, header, headerEn, kind: 'integer', width: 8 })

const riskColumns = [
  n('no', '序号', 'No.'), t('name', '风险点名称', 'Risk point', 24), t('kind', '类别', 'Kind'), t('division', '所在区划', 'Division', 16),
  t('placeType', '场所类型', 'Place type'), t('hazards', '危险因素', 'Hazards', 30), t('consequences', '可能导致的事故', 'Possible accidents', 24),
  t('assessment', '风险评价', 'Assessment', 34), t('level', '风险等级', 'Risk level'), t('colour', '风险颜色', 'Colour'),
  t('person', '责任人', 'Person responsible'), t('phone', '联系电话', 'Phone', 16),
]
const measureColumns = [
  n('no', '序号', 'No.'), t('name', '风险点名称', 'Risk point', 24), t('level', '风险等级', 'Risk level'),
  t('controlLevel', '管控层级', 'Control level'), t('measure', '管控措施', 'Control measure', 50), t('person', '责任人', 'Person responsible'),
]
const emergencyColumns = [
  n('no', '序号', 'No.'), t('name', '风险点名称', 'Risk point', 24), t('level', '风险等级', 'Risk level'),
  t('consequences', '可能导致的事故', 'Possible accidents', 24), t('measures', '应急处置措施', 'Emergency measures', 50),
  t('person', '责任人', 'Person responsible'), t('phone', '联系电话', 'Phone', 16),
]

export const riskListSheetNames = ['风险清单', '管控措施清单', '应急处置清单'] as const

export async function riskListsWorkbook(points: readonly RiskPointView[]): Promise<Buffer> {
  const level = (p: RiskPointView) => riskLevelInfo[p.level].name.zh
  const risks = points.map((p, i) => ({
    no: i + 1, name: p.name, kind: p.kind === 'enterprise' ? '企业' : '公共场所', division: p.divisionName ?? p.divisionCode,
    placeType: p.placeType, hazards: p.hazards, consequences: p.consequences, assessment: formula(p), level: level(p),
    colour: riskLevelInfo[p.level].colourName.zh, person: p.responsiblePerson, phone: p.responsiblePhone,
  }))
  const measures = points.flatMap((p) => p.controlMeasures.map((m) => ({
    name: p.name, level: level(p), controlLevel: controlLevelNames[m.level].zh, measure: m.measure, person: m.person,
  }))).map((row, i) => ({ no: i + 1, ...row }))
  const emergency = points.map((p, i) => ({
    no: i + 1, name: p.name, level: level(p), consequences: p.consequences, measures: p.emergencyMeasures,
    person: p.responsiblePerson, phone: p.responsiblePhone,
  }))
  return exportWorkbook([
    { name: riskListSheetNames[0], columns: riskColumns, rows: risks },
    { name: riskListSheetNames[1], columns: measureColumns, rows: measures },
    { name: riskListSheetNames[2], columns: emergencyColumns, rows: emergency },
  ])
}
